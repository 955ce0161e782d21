import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TOKEN_REFRESH_METHOD } from '../../../servers/shared/token-source';
import { TOKEN_REJECTED_METHOD } from '../auth/token-channel';
import { secretAccount } from '../secrets/secret-store';
import { setup } from '../../../test/core/support/account-fixture';
import { brokerClient } from '../../../test/core/support/broker-client';

/** Destroys an access token at the provider, as an expiry or a revocation elsewhere would. */
async function killAccessToken(provider: Awaited<ReturnType<typeof setup>>['provider'], token: string) {
  const found = await provider.provider.AccessToken.find(token);
  await found!.destroy();
}

describe('the 401 channel', () => {
  it('is the same method in the core and in the servers toolkit', () => {
    expect(TOKEN_REFRESH_METHOD).toBe(TOKEN_REJECTED_METHOD);
  });

  it('refreshes on a rejected token and the server retries with the new one, without a restart', async () => {
    const { core, provider, secrets, waitState, signIn } = await setup();
    await waitState('needs-auth');
    await signIn();
    const pid = core.services.instances.get('acct').pid;
    const access = secretAccount('acct', 'oauth.access');
    const refresh = secretAccount('acct', 'oauth.refresh');
    const [oldAccess, oldRefresh] = [secrets.values.get(access)!, secrets.values.get(refresh)!];
    await killAccessToken(provider, oldAccess);

    const client = await brokerClient(core, 'acct');
    const result = await client.callTool({ name: 'channel_whoami' });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.content)).toContain('ada@example.test');
    // Rotated and saved; the same server process carried on with the new token.
    expect(secrets.values.get(access)).not.toBe(oldAccess);
    expect(secrets.values.get(refresh)).not.toBe(oldRefresh);
    expect(core.services.instances.get('acct')).toMatchObject({ state: 'running', pid });
    await client.close();
  });

  it('fails the call with "sign in again" and goes to needs-auth when the refresh is refused, never looping', async () => {
    const { core, provider, secrets, waitState, signIn } = await setup();
    await waitState('needs-auth');
    await signIn();
    const refresh = secretAccount('acct', 'oauth.refresh');
    await killAccessToken(provider, secrets.values.get(secretAccount('acct', 'oauth.access'))!);
    const stale = secrets.values.get(refresh)!;
    await core.services.accounts.refreshNow('acct'); // rotates: `stale` is now used up
    await waitState('running');
    await killAccessToken(provider, secrets.values.get(secretAccount('acct', 'oauth.access'))!);
    secrets.values.set(refresh, stale);

    const client = await brokerClient(core, 'acct');
    const result = await client.callTool({ name: 'channel_whoami' });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/refresh refused: .*sign in again/i);
    await waitState('needs-auth');
    expect(core.services.instances.get('acct').stateReason).toMatch(/sign in again/i);
    await client.close().catch(() => undefined);
  });
});

describe('own OAuth client', () => {
  it("asks for a client id when none ships, shows the redirect URI, and signs in with the user's", async () => {
    const { core, browser, waitState, secrets } = await setup(60, {
      clientId: undefined,
      clientSetup: { title: 'Register an app', url: 'https://example.test/apps', steps: ['Create it'] },
    });
    await waitState('needs-auth');
    const before = core.services.instances.get('acct').account!;
    expect(before).toMatchObject({ needsClientId: true, clientId: null });
    expect(before.clientSetup).toMatchObject({
      redirectUri: 'http://127.0.0.1/callback',
      needsSecret: false,
    });
    await expect(core.services.accounts.start('acct', true)).rejects.toThrow(/needs your own client ID/);
    expect(browser.opened).toHaveLength(0);

    const info = await core.services.accounts.setOAuthClient('acct', 'mcp-tray-test', 'not-really-secret');
    expect(info).toMatchObject({ needsClientId: false, clientId: 'mcp-tray-test' });
    expect(secrets.values.get(secretAccount('acct', 'oauth.client_secret'))).toBe('not-really-secret');
    await core.services.accounts.start('acct', true);
    expect(new URL(browser.lastOpened).searchParams.get('client_id')).toBe('mcp-tray-test');
  });
});

/** A userinfo endpoint that knows one personal access token. */
async function patUserinfo(good: string): Promise<string> {
  const server = http.createServer((request, response) => {
    const ok = request.headers.authorization === `Bearer ${good}`;
    response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify(ok ? { login: 'octocat' } : { message: 'Bad credentials' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/user`;
}

describe('signing in with a pasted token', () => {
  it('checks the token with the provider, keeps it in the keychain, and never schedules a refresh', async () => {
    const userinfoEndpoint = await patUserinfo('github_pat_good');
    const { core, waitState, secrets, dataDir } = await setup(60, {
      userinfoEndpoint,
      manualToken: { label: 'Personal access token', help: 'Grant read access.' },
    });
    await waitState('needs-auth');
    await expect(core.services.accounts.signInWithToken('acct', 'github_pat_bad')).rejects.toThrow(
      'Test ID did not accept this token. Check it and try again.',
    );
    const running = waitState('running');
    const info = await core.services.accounts.signInWithToken('acct', 'github_pat_good');
    expect(info).toMatchObject({ signedIn: true, manual: true, label: 'octocat' });
    await running;
    expect(secrets.values.get(secretAccount('acct', 'oauth.access'))).toBe('github_pat_good');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${dataDir}/settings.json`, 'utf8')).not.toContain('github_pat_good');
    // A rejected pasted token cannot be refreshed: needs-auth with words, not a loop.
    await expect(core.services.accounts.tokenRejected('acct')).rejects.toThrow(/no longer accepts the token/);
    await waitState('needs-auth');
  });
});
