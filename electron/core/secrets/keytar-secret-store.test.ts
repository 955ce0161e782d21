import { describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import { KeytarSecretStore } from './keytar-secret-store';
import { secretAccount } from './secret-store';

// The test command runs the suite inside a D-Bus session with an unlocked gnome-keyring and sets
// MCP_TRAY_TEST_KEYRING=1; outside it these tests cannot reach a real Secret Service.
const realKeyring = process.env.MCP_TRAY_TEST_KEYRING === '1';

describe.skipIf(!realKeyring)('KeytarSecretStore on a real Secret Service', () => {
  // A per-run service name keeps parallel runs and the user's own entries apart.
  const store = new KeytarSecretStore(silentLogger, 'linux', `MCP Tray test ${process.pid}`);

  it('reports the keychain as available', async () => {
    expect(await store.status()).toEqual({ available: true, detail: 'Secret Service' });
  });

  it('stores, reads and deletes secrets, and sweeps one instance', async () => {
    await store.set(secretAccount('github-work', 'token'), 'ghp_work');
    await store.set(secretAccount('github-work', 'refresh'), 'r1');
    await store.set(secretAccount('github-personal', 'token'), 'ghp_personal');
    expect(await store.get('github-work:token')).toBe('ghp_work');
    expect(await store.deleteAllFor('github-work')).toBe(2);
    expect(await store.get('github-work:token')).toBeNull();
    expect(await store.get('github-personal:token')).toBe('ghp_personal');
    expect(await store.delete('github-personal:token')).toBe(true);
  });

  it('refuses account names that would break the per-instance sweep', () => {
    expect(() => secretAccount('a:b', 'token')).toThrow();
  });
});
