import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { FIXTURES } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

// Runs on the real Secret Service the test command provides (see keytar-secret-store.test.ts).
const realKeyring = process.env.MCP_TRAY_TEST_KEYRING === '1';

describe.skipIf(!realKeyring)('keychain items of removed services', () => {
  it('remove sweeps every item under the id, and the rest are reported as orphans until removed', async () => {
    const secrets = new KeytarSecretStore(silentLogger, 'linux', `MCP Tray sweep ${process.pid}`);
    const core = createTestCore(tempDir(), { secrets });
    const { instances } = core.services;
    await instances.addCustom({
      id: 'notes',
      name: 'Notes',
      command: process.execPath,
      args: [path.join(FIXTURES, 'fixture-server.mjs')],
      env: {},
      secretEnv: { NOTES_TOKEN: 'n-1' },
    });
    // What an older version or a reset settings file leaves: items today's settings don't name.
    await secrets.set('notes:access_token', 'stale-a');
    await secrets.set('gone:refresh_token', 'stale-r');
    await secrets.set('gone:env:API_KEY', 'stale-k');
    await secrets.set('_mcp-tray:http-bearer-token', 'app-wide');
    const handlers = core.dispatcher;
    expect(await handlers.dispatch('listOrphanSecrets', {})).toEqual({
      ok: true,
      value: [{ instanceId: 'gone', fields: ['env:API_KEY', 'refresh_token'] }],
    });

    await instances.remove('notes');
    expect(await secrets.get('notes:access_token')).toBeNull();
    expect((await secrets.accounts()).filter((a) => a.startsWith('notes:'))).toEqual([]);

    expect(await handlers.dispatch('removeOrphanSecrets', { instanceId: 'gone' })).toEqual({
      ok: true,
      value: { removed: 2 },
    });
    expect(await handlers.dispatch('listOrphanSecrets', {})).toEqual({ ok: true, value: [] });
    // App-wide items are never orphans.
    expect(await secrets.get('_mcp-tray:http-bearer-token')).toBe('app-wide');
    await secrets.delete('_mcp-tray:http-bearer-token');
    await core.stop();
  });
});
