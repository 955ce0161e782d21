import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorEntry, ourInstanceId } from '../clients';
import { electronRuntime, unpackedPath } from './electron-runtime';

describe('unpackedPath', () => {
  it('moves paths inside app.asar to app.asar.unpacked, on either separator', () => {
    expect(unpackedPath('/opt/MCP Tray/resources/app.asar/dist/cli/mcp-tray.mjs')).toBe(
      '/opt/MCP Tray/resources/app.asar.unpacked/dist/cli/mcp-tray.mjs',
    );
    expect(unpackedPath('C:\\Program Files\\MCP Tray\\resources\\app.asar\\servers')).toBe(
      'C:\\Program Files\\MCP Tray\\resources\\app.asar.unpacked\\servers',
    );
  });

  it('leaves unpacked and development paths alone', () => {
    for (const file of [
      '/src/mcp-tray/dist/cli/mcp-tray.mjs',
      '/opt/x/resources/app.asar.unpacked/servers',
      '/home/ada/my.app.asar-notes/x',
    ]) {
      expect(unpackedPath(file)).toBe(file);
    }
  });
});

describe('electronRuntime', () => {
  it('runs the guardian, built-in servers and the connector on the app binary as Node', () => {
    const exe = '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray';
    const resources = '/Applications/MCP Tray.app/Contents/Resources';
    const plan = electronRuntime({ execPath: exe, distDir: path.join(resources, 'app.asar', 'dist') });
    expect(plan).toEqual({
      runtime: { execPath: exe, env: { ELECTRON_RUN_AS_NODE: '1' } },
      connectorRuntime: {
        command: exe,
        args: [path.join(resources, 'app.asar.unpacked', 'dist', 'cli', 'mcp-tray.mjs')],
        env: { ELECTRON_RUN_AS_NODE: '1' },
      },
      builtInServersDir: path.join(resources, 'app.asar.unpacked', 'servers'),
    });
    // What a client's config gets, and that it is still recognised as ours.
    const entry = connectorEntry(plan.connectorRuntime, 'github', null);
    expect(entry.env).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
    expect(ourInstanceId(entry)).toBe('github');
  });

  it('uses the checkout as it is in development', () => {
    const plan = electronRuntime({
      execPath: '/src/node_modules/electron/dist/electron',
      distDir: '/src/dist',
    });
    expect(plan.connectorRuntime.args).toEqual(['/src/dist/cli/mcp-tray.mjs']);
    expect(plan.builtInServersDir).toBe('/src/servers');
  });
});
