import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import { KeychainUnavailableError } from '../secrets/secret-store';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import type { TokenSet } from './token-set';
import { TokenStore } from './token-store';

/** A keychain that records writes and can be told to fail one account. */
class FlakySecretStore extends MemorySecretStore {
  readonly writes: string[] = [];
  failOn: string | null = null;
  override set = (account: string, value: string): Promise<void> => {
    if (account === this.failOn) return Promise.reject(new Error('keychain write failed'));
    this.writes.push(account);
    this.values.set(account, value);
    return Promise.resolve();
  };
}

const first: TokenSet = {
  accessToken: 'access-token-1',
  refreshToken: 'refresh-token-1',
  tokenType: 'Bearer',
  expiresAt: Date.UTC(2030, 0, 1),
  scope: ['repo'],
  idToken: 'id-token-header.payload.signature',
  accountLabel: 'ada@example.test',
};
const rotated: TokenSet = { ...first, accessToken: 'access-token-2', refreshToken: 'refresh-token-2' };

describe('TokenStore', () => {
  it('keeps tokens in the keychain and hands back only non-secret metadata', async () => {
    const dir = tempDir();
    const secrets = new MemorySecretStore();
    const store = new TokenStore(secrets, silentLogger);
    const metadata = await store.save('notes', first);
    expect(metadata).toEqual({
      tokenType: 'Bearer',
      expiresAt: first.expiresAt,
      scope: ['repo'],
      accountLabel: 'ada@example.test',
      hasRefreshToken: true,
    });
    expect(Object.fromEntries(secrets.values)).toEqual({
      'notes:oauth.access': 'access-token-1',
      'notes:oauth.refresh': 'refresh-token-1',
    });
    // The caller keeps the metadata in settings: no secret may reach that file.
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ auth: { notes: metadata } }));
    expectNoSecretsIn(dir, [first.accessToken, first.refreshToken, first.idToken]);

    const { idToken: _dropped, ...withoutIdToken } = first;
    await expect(store.load('notes', metadata)).resolves.toEqual(withoutIdToken);
    await expect(store.load('other', metadata)).resolves.toBeNull();
  });

  it('clear removes the OAuth entries but not the instance’s other secrets', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set('notes:API_KEY', 'key');
    const store = new TokenStore(secrets, silentLogger);
    await store.save('notes', first);
    await store.clear('notes');
    expect([...secrets.values.keys()]).toEqual(['notes:API_KEY']);
  });

  it('drops a stale refresh token when a new sign-in brings none', async () => {
    const secrets = new MemorySecretStore();
    const store = new TokenStore(secrets, silentLogger);
    await store.save('notes', first);
    const metadata = await store.save('notes', { accessToken: 'access-token-3', tokenType: 'Bearer' });
    expect(metadata.hasRefreshToken).toBe(false);
    expect(secrets.values.has('notes:oauth.refresh')).toBe(false);
  });

  it('writes the rotated refresh token first, so a failed second write cannot lose it', async () => {
    const secrets = new FlakySecretStore();
    const store = new TokenStore(secrets, silentLogger);
    await store.save('notes', first);
    expect(secrets.writes).toEqual(['notes:oauth.refresh', 'notes:oauth.access']);

    secrets.failOn = 'notes:oauth.access';
    await expect(store.save('notes', rotated)).rejects.toThrow('keychain write failed');
    // New refresh token kept (the old one is dead at the provider); the old access token at
    // worst gets a 401, and the next refresh heals the pair.
    expect(secrets.values.get('notes:oauth.refresh')).toBe('refresh-token-2');
    expect(secrets.values.get('notes:oauth.access')).toBe('access-token-1');

    secrets.failOn = 'notes:oauth.refresh';
    await expect(store.save('notes', { ...rotated, refreshToken: 'refresh-token-3' })).rejects.toThrow();
    expect(secrets.values.get('notes:oauth.refresh')).toBe('refresh-token-2');
  });

  it('probe() fails with KeychainUnavailableError when the keychain is unavailable', async () => {
    const detail = 'No usable keychain (Secret Service): no D-Bus.';
    const store = new TokenStore(new MemorySecretStore({ available: false, detail }), silentLogger);
    const error = await store.probe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as Error).message).toContain(detail);
    await expect(new TokenStore(new MemorySecretStore(), silentLogger).probe()).resolves.toBeUndefined();
  });
});
