import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorEntry, ourInstanceId } from '../clients';
import { electronRuntime, stableCliDir, temporaryAppLocation, unpackedPath } from './electron-runtime';

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
      runtime: {
        execPath: exe,
        env: { ELECTRON_RUN_AS_NODE: '1' },
        // A child cannot run a script inside the archive: the guardian is unpacked beside it.
        guardianScript: path.join(resources, 'app.asar.unpacked', 'dist', 'guardian', 'guardian.cjs'),
      },
      connectorRuntime: {
        command: exe,
        args: [path.join(resources, 'app.asar.unpacked', 'dist', 'cli', 'mcp-tray.mjs')],
        env: { ELECTRON_RUN_AS_NODE: '1' },
      },
      builtInServersDir: path.join(resources, 'app.asar.unpacked', 'servers'),
      stableCli: null,
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

  it('from an AppImage, entries start the AppImage file with the CLI copied to the data folder', () => {
    const mount = '/tmp/.mount_MCP-TrXk2Lq';
    const plan = electronRuntime({
      execPath: `${mount}/mcp-tray`,
      distDir: `${mount}/resources/app.asar/dist`,
      env: { APPIMAGE: '/home/ada/Apps/MCP-Tray.AppImage' },
      platform: 'linux',
      dataDir: '/home/ada/.config/mcp-tray',
    });
    expect(plan.connectorRuntime).toEqual({
      command: '/home/ada/Apps/MCP-Tray.AppImage',
      args: ['/home/ada/.config/mcp-tray/runtime/cli/mcp-tray.mjs'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    expect(plan.stableCli).toEqual({
      from: `${mount}/resources/app.asar.unpacked/dist/cli`,
      to: stableCliDir('/home/ada/.config/mcp-tray'),
    });
    // Nothing in what a client runs points into the mount.
    expect(JSON.stringify(connectorEntry(plan.connectorRuntime, 'notes', null))).not.toContain('.mount_');
  });

  it('marks a binary on a disk image, translocated, or in an unknown AppImage mount as temporary', () => {
    const translocated =
      '/private/var/folders/x1/abc/T/AppTranslocation/5B2C/d/MCP Tray.app/Contents/MacOS/MCP Tray';
    expect(temporaryAppLocation(translocated, 'darwin', {})).toMatch(/Move it to Applications/);
    expect(
      temporaryAppLocation('/Volumes/MCP Tray/MCP Tray.app/Contents/MacOS/MCP Tray', 'darwin', {}),
    ).toMatch(/disk image/);
    expect(temporaryAppLocation('/tmp/.mount_MCPx/mcp-tray', 'linux', {})).toMatch(/AppImage/);
    expect(
      temporaryAppLocation('/tmp/.mount_MCPx/mcp-tray', 'linux', { APPIMAGE: '/a/M.AppImage' }),
    ).toBeNull();
    expect(
      temporaryAppLocation('/Applications/MCP Tray.app/Contents/MacOS/MCP Tray', 'darwin', {}),
    ).toBeNull();
    const plan = electronRuntime({ execPath: translocated, distDir: '/x/dist', platform: 'darwin' });
    expect(plan.connectorRuntime.unstable).toMatch(/temporary copy/);
  });
});
