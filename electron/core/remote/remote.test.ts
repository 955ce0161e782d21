import { describe, expect, it } from 'vitest';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { remoteSetup } from '../../../test/core/remote/remote-fixture';
import { READ_SCOPE, WRITE_SCOPE } from '../../../test/core/remote/test-remote-server';

/**
 * Remote MCP servers in a real core against a local remote server protected by a real
 * oidc-provider (dynamic registration, resource indicators): the MCP authorization spec from
 * the first 401 to tool calls, refresh, revoked registrations, S256 and step-up.
 */
describe('remote MCP servers', () => {
  it('connects to an open server over Streamable HTTP and forwards calls', async () => {
    const t = await remoteSetup({ auth: 'open' });
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('running');
    expect(t.detail()).toMatchObject({ url: t.server.url, command: t.server.url, pid: null, toolCount: 2 });
    expect(t.detail().account).toBeUndefined();
    expect(t.text(await t.call('whoami'))).toBe('anyone');
    expect(t.settings().remote?.transport).toBe('streamable-http');
  });

  it('falls back to HTTP+SSE where the server only speaks that, and remembers it', async () => {
    const t = await remoteSetup({ auth: 'open', transport: 'sse' });
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('running');
    expect(t.settings().remote?.transport).toBe('sse');
    expect(t.detail().stderrTail.join('\n')).toMatch(/Streamable HTTP answered HTTP 404; trying HTTP\+SSE/);
    expect(t.text(await t.call('whoami'))).toBe('anyone');
    // The next connection goes straight to SSE: no POST to the stream's URL any more.
    const posts = t.server.requests.filter((r) => r.method === 'POST' && r.path === '/mcp').length;
    await t.core.services.instances.restart(t.id);
    await t.waitState('running');
    expect(t.server.requests.filter((r) => r.method === 'POST' && r.path === '/mcp').length).toBe(posts);
  });

  it('signs in per the MCP spec: metadata, dynamic registration, PKCE, resource; one token for all', async () => {
    const t = await remoteSetup();
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('needs-auth');
    expect(t.detail().stateReason).toMatch(/Sign in to 127\.0\.0\.1:\d+ to use it/);
    expect(t.detail().account).toMatchObject({ method: 'oauth', signedIn: false, needsClientId: false });

    const url = await t.signIn();
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('resource')).toBe(t.server.url);
    // SEP-835: the scope from the 401's WWW-Authenticate.
    expect(url.searchParams.get('scope')).toBe(READ_SCOPE);
    const registration = t.settings().remote?.registration;
    expect(registration?.clientId).toBe(url.searchParams.get('client_id'));
    expect(registration?.redirectUris[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(t.detail().account).toMatchObject({ signedIn: true, scopes: [READ_SCOPE] });

    const [first, second] = await Promise.all([t.call('whoami'), t.call('whoami')]);
    expect(t.text(first)).toBe(`ada via ${registration?.clientId} (${READ_SCOPE})`);
    expect(t.text(second)).toBe(t.text(first));
    const token = t.accessToken()!;
    expect(new Set(t.server.requests.map((r) => r.token).filter(Boolean))).toEqual(new Set([token]));
    expect(t.core.calls.query({}).records.map((r) => r.tool)).toEqual(['whoami', 'whoami']);
    expectNoSecretsIn(t.dataDir, [token, t.secrets.values.get(`${t.id}:oauth.refresh`)]);

    // The next sign-in reuses the registration (and its loopback port).
    await t.signIn();
    expect(t.settings().remote?.registration?.clientId).toBe(registration?.clientId);
  });

  it('refreshes once when the server rejects the token, for every call waiting on it', async () => {
    const t = await remoteSetup();
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('needs-auth');
    await t.signIn();
    const grants: string[] = [];
    t.server.provider!.provider.on('grant.success', (ctx) =>
      grants.push(String(ctx.oidc.params?.grant_type)),
    );
    const before = t.accessToken()!;
    t.server.provider!.forget('AccessToken', before);
    const results = await Promise.all([t.call('whoami'), t.call('whoami'), t.call('whoami')]);
    expect(results.every((r) => !r.isError)).toBe(true);
    expect(grants).toEqual(['refresh_token']);
    expect(t.accessToken()).not.toBe(before);
    expect(t.detail().state).toBe('running');
  });

  it('keeps working past token expiry (refresh ahead of time, or on the 401)', async () => {
    // 4 s tokens: a 2 s one could expire between refresh and use on a loaded 2-core CI machine.
    const t = await remoteSetup({ accessTokenTtl: 4 });
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('needs-auth');
    await t.signIn();
    const before = t.accessToken();
    const expiresAt = Date.parse(t.detail().account!.expiresAt!);
    await new Promise((resolve) => setTimeout(resolve, 4_600));
    expect(t.text(await t.call('whoami'))).toMatch(/^ada via/);
    expect(t.accessToken()).not.toBe(before);
    expect(Date.parse(t.detail().account!.expiresAt!)).toBeGreaterThan(expiresAt);
  });

  it('a revoked registration ends in needs-auth, and the next sign-in registers again', async () => {
    const t = await remoteSetup();
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('needs-auth');
    await t.signIn();
    const oldClient = t.settings().remote!.registration!.clientId;
    t.server.provider!.forget('Client', oldClient);
    t.server.provider!.forget('AccessToken', t.accessToken()!);
    const refused = await t.call('whoami').catch((error: Error) => error);
    expect(String(refused)).toMatch(/expired or was withdrawn|sign in again/i);
    await t.waitState('needs-auth');
    expect(t.settings().remote?.registration).toBeUndefined();
    await t.signIn();
    const newClient = t.settings().remote!.registration!.clientId;
    expect(newClient).not.toBe(oldClient);
    expect(t.text(await t.call('whoami'))).toContain(`via ${newClient}`);
  });

  it('refuses an authorization server without S256, before registering or opening a browser', async () => {
    const t = await remoteSetup({ auth: 'no-s256' });
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('needs-auth');
    const refused = await t.core.services.accounts.start(t.id, true).catch((error: Error) => error);
    expect(String(refused)).toMatch(/does not offer PKCE with S256 \(it lists plain\).*will not sign in/);
    expect(t.browser.opened).toEqual([]);
    expect(t.server.authRequests).toEqual(['GET /.well-known/oauth-authorization-server/as']);
    expect(t.settings().remote?.registration).toBeUndefined();
  });

  it('steps up on 403 insufficient_scope: needs-auth, then a sign-in with the wider scope', async () => {
    const t = await remoteSetup();
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('needs-auth');
    await t.signIn();
    const refused = await t.call('admin_action').catch((error: Error) => error);
    expect(String(refused)).toMatch(/asks for more permission \(mcp:read mcp:write\)/);
    await t.waitState('needs-auth');
    expect(t.settings().remote?.stepUpScope).toBe(`${READ_SCOPE} ${WRITE_SCOPE}`);
    const url = await t.signIn();
    expect(url.searchParams.get('scope')?.split(' ').sort()).toEqual([READ_SCOPE, WRITE_SCOPE]);
    expect(t.settings().remote?.stepUpScope).toBeUndefined();
    expect(t.text(await t.call('admin_action'))).toBe('done with write access');
  });

  it('signs out: revokes, forgets the tokens, waits for a sign-in', async () => {
    const t = await remoteSetup();
    await t.core.services.instances.addRemote({ id: t.id, url: t.server.url });
    await t.waitState('needs-auth');
    await t.signIn();
    const token = t.accessToken()!;
    const account = await t.core.services.accounts.signOut(t.id);
    expect(account.signedIn).toBe(false);
    expect(t.detail().state).toBe('needs-auth');
    expect(t.accessToken()).toBeUndefined();
    expect(await t.server.provider!.provider.AccessToken.find(token)).toBeUndefined();
  });
});
