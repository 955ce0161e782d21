import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { brokerClient } from '../../../test/core/support/broker-client';
import { seedSettings, until } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

const SERVER = path.join(import.meta.dirname, 'fixtures/request-id-server.mjs');
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
});

describe('a session’s tool gate (kept between calls)', () => {
  it('follows the settings: a tool turned off and on again mid-session is refused, then served', async () => {
    const dataDir = tempDir();
    seedSettings(dataDir, [{ id: 'ids', args: [SERVER] }]);
    const core = createTestCore(dataDir);
    cores.push(core);
    await core.start();
    await until(() => core.services.instances.get('ids').state === 'running', 'ids running');
    const client = await brokerClient(core, 'ids');
    const echo = () => client.callTool({ name: 'echo', arguments: { message: 'hi' } });

    await expect(echo()).resolves.toMatchObject({ content: [{ text: 'hi' }] });
    await core.dispatcher.dispatch('setToolEnabled', { id: 'ids', tool: 'echo', enabled: false });
    await expect(echo()).rejects.toThrow(/turned off in MCP Tray/);
    await core.dispatcher.dispatch('setToolEnabled', { id: 'ids', tool: 'echo', enabled: true });
    await expect(echo()).resolves.toMatchObject({ content: [{ text: 'hi' }] });
  });
});
