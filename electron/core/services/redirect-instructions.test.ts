import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AccountInfo, SignInStart } from '../../shared/contract';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { ROOT } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';
import { LOOPBACK_REDIRECT_URI } from './account-info';

async function core() {
  const instance = createTestCore(tempDir(), {
    builtInServersDir: path.join(ROOT, 'servers'),
    secrets: new MemorySecretStore(),
  });
  onTestFinished(() => instance.stop());
  await instance.start();
  return async <T>(name: string, input: unknown): Promise<T> => {
    const answer = await instance.dispatcher.dispatch(name, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as T;
  };
}

describe('redirect URI instructions agree with what the code uses', () => {
  it('Google: the UI shows the loopback address the sign-in really redirects to (any port)', async () => {
    const call = await core();
    await call('addCatalogInstance', { integrationId: 'google-calendar', id: 'cal' });
    const info = await call<AccountInfo>('setOAuthClient', {
      id: 'cal',
      clientId: 'own.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-own',
    });
    expect(info.clientSetup?.redirectUri).toBe(LOOPBACK_REDIRECT_URI);
    const start = await call<SignInStart>('startSignIn', { id: 'cal', openBrowser: false });
    await call('cancelSignIn', { id: 'cal' });
    const used = new URL(
      new URL(start.kind === 'browser' ? start.url : '').searchParams.get('redirect_uri')!,
    );
    const shown = new URL(LOOPBACK_REDIRECT_URI);
    expect(used.port).toMatch(/^\d+$/);
    expect([used.protocol, used.hostname, used.pathname]).toEqual([
      shown.protocol,
      shown.hostname,
      shown.pathname,
    ]);
  });

  it('GitHub: the device flow shows no redirect URI, and its steps say the callback is never used', async () => {
    const call = await core();
    await call('addCatalogInstance', { integrationId: 'github', id: 'gh' });
    const { account } = await call<{ account: AccountInfo }>('getInstance', { id: 'gh' });
    expect(account.clientSetup?.redirectUri ?? null).toBeNull();
    expect(account.clientSetup?.steps.join(' ')).toContain('the device flow MCP Tray uses never visits it');
  });

  it('the README says the same: the loopback address for Google, none for GitHub', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`signs in through \`${LOOPBACK_REDIRECT_URI}\` on a free port`);
    expect(readme).toContain('GitHub signs in with the device flow, which uses no redirect');
    expect(readme).not.toMatch(/redirect URI to register/i);
  });
});
