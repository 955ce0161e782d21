import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { brokerClient } from '../../../test/core/support/broker-client';
import { until } from '../../../test/core/support/served-core';
import { createTestCore } from '../../../test/core/support/test-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { CommandResolver } from './command-resolver';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'fixture-server.mjs');

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.stop()));
});

describe("MCPB node servers on the app's own runtime", () => {
  it('run with no node on PATH, with the runtime variable, while a custom `node` is looked up as usual', async () => {
    const dataDir = tempDir();
    // A built-in integration as the packaged app ships them: MCPB `type: node`, `"command": "node"`.
    const servers = path.join(dataDir, 'servers');
    fs.mkdirSync(path.join(servers, 'mine'), { recursive: true });
    fs.writeFileSync(
      path.join(servers, 'mine', 'manifest.json'),
      JSON.stringify({
        manifest_version: '0.3',
        name: 'mine',
        version: '1.0.0',
        description: 'A built-in server',
        author: { name: 'MCP Tray' },
        server: { type: 'node', entry_point: 'server.mjs', mcp_config: { command: 'node', args: [FIXTURE] } },
      }),
    );
    const createdAt = new Date().toISOString();
    const base = { enabled: true, createdAt, userConfig: {}, secretFields: [] };
    fs.writeFileSync(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({
        instances: [
          { ...base, id: 'mine', name: 'Mine', integrationId: 'mine' },
          {
            ...base,
            id: 'custom',
            name: 'Custom',
            integrationId: 'custom',
            launch: { command: 'node', args: [FIXTURE], env: {} },
          },
        ],
      }),
    );
    const emptyPath = path.join(dataDir, 'empty-bin');
    fs.mkdirSync(emptyPath);
    const core = createTestCore(dataDir, {
      builtInServersDir: servers,
      // A machine without Node: PATH has none; the app's runtime (here the test's Node, standing
      // in for Electron) is passed with the variable it needs.
      commands: new CommandResolver({
        platform: process.platform,
        env: { PATH: emptyPath },
        loginShellPath: async () => null,
        appNode: { execPath: process.execPath, env: { MCP_TRAY_APP_RUNTIME: 'electron-as-node' } },
      }),
    });
    cores.push(core);
    await core.start();
    const state = (id: string) => core.services.instances.list().find((i) => i.id === id)?.state;
    await until(() => state('mine') === 'running', 'the built-in server runs');
    await until(() => state('custom') === 'failed', 'the custom node is not found');
    expect(core.services.instances.get('custom').stateReason).toMatch(/"node" was not found/);

    const client = await brokerClient(core, 'mine');
    try {
      const result = await client.callTool({ name: 'read_env', arguments: { name: 'MCP_TRAY_APP_RUNTIME' } });
      expect(result.content).toEqual([{ type: 'text', text: 'electron-as-node' }]);
    } finally {
      await client.close();
    }
  });
});
