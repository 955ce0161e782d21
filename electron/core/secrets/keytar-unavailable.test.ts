import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import { KeytarSecretStore } from './keytar-secret-store';
import { KeychainUnavailableError } from './secret-store';

// Vitest runs each file in its own process, so pointing D-Bus nowhere here affects no other test.
beforeAll(() => {
  process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/bus';
  process.env.DISPLAY = '';
});

describe('KeytarSecretStore without a Secret Service', () => {
  const store = new KeytarSecretStore(silentLogger, 'linux', 'MCP Tray test unavailable');

  it('says plainly that there is no keychain, and what to do', async () => {
    const status = await store.status();
    expect(status.available).toBe(false);
    expect(status.detail).toMatch(/No usable keychain/);
    expect(status.detail).toMatch(/never stores secrets in plain files/);
  });

  it('fails writes with KeychainUnavailableError instead of falling back', async () => {
    await expect(store.set('x:token', 'value')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.get('x:token')).rejects.toThrow(/No usable keychain/);
  });
});
