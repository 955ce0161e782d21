import { describe, expect, it, vi } from 'vitest';
import { REMOTE_SERVERS, remoteIcon } from '../integrations/remote-catalog';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';
import type { RemoteAuth } from './authorized-fetch';
import { AuthorizedFetch, RemoteAuthError } from './authorized-fetch';
import { checkRemoteUrl, idFromUrl } from './remote-url';

const noAuth = (token: string | null): RemoteAuth => ({
  token: () => Promise.resolve(token),
  rejected: () => Promise.reject(new Error('no refresh')),
  challenged: vi.fn(),
  stepUp: () => 'more, please',
});

function authorized(base: typeof fetch, auth: RemoteAuth) {
  return new AuthorizedFetch({
    serverUrl: 'https://mcp.example.com/mcp',
    providerName: 'Example',
    base,
    auth,
    onToken: () => undefined,
    onSessionLost: () => undefined,
  });
}

describe('remote server addresses', () => {
  it('accepts https and loopback http only, without credentials or fragment', () => {
    expect(checkRemoteUrl(' https://mcp.linear.app/mcp#x ')).toBe('https://mcp.linear.app/mcp');
    expect(checkRemoteUrl('http://127.0.0.1:3000/mcp')).toBe('http://127.0.0.1:3000/mcp');
    expect(() => checkRemoteUrl('http://example.com/mcp')).toThrow(/must use https/);
    expect(() => checkRemoteUrl('ftp://example.com')).toThrow(/https address, not ftp:/);
    expect(() => checkRemoteUrl('https://me:pw@example.com')).toThrow(/user name or password/);
    expect(() => checkRemoteUrl('nope')).toThrow(/not a valid address/);
  });

  it('names a service after its address', () => {
    expect(idFromUrl('https://mcp.linear.app/mcp')).toBe('linear');
    expect(idFromUrl('https://api.githubcopilot.com/mcp/')).toBe('githubcopilot');
    expect(idFromUrl('https://mcp.atlassian.com/v2/mcp')).toBe('atlassian');
    expect(idFromUrl('http://127.0.0.1:8080/mcp')).toBe('remote');
  });
});

describe('the remote connection fetch', () => {
  it('sends the bearer token to its own server only', async () => {
    const base = vi.fn((_url: string | URL, _init?: RequestInit) => Promise.resolve(new Response('{}')));
    const { fetch } = authorized(base as unknown as typeof globalThis.fetch, noAuth('secret-token'));
    await fetch('https://mcp.example.com/mcp', { method: 'POST' });
    await fetch('https://elsewhere.example.com/mcp', { method: 'POST', headers: { a: 'b' } });
    const headers = base.mock.calls.map(([, init]) => new Headers(init?.headers).get('authorization'));
    expect(headers).toEqual(['Bearer secret-token', null]);
  });

  it('turns a 401 without a token into a sign-in request, with the challenge kept', async () => {
    const challenge = 'Bearer resource_metadata="https://mcp.example.com/.well-known/x", scope="read"';
    const base = () =>
      Promise.resolve(new Response('{}', { status: 401, headers: { 'www-authenticate': challenge } }));
    const auth = noAuth(null);
    const connection = authorized(base as unknown as typeof globalThis.fetch, auth);
    await expect(connection.fetch('https://mcp.example.com/mcp', { method: 'POST' })).rejects.toThrow(
      RemoteAuthError,
    );
    expect(connection.failure?.message).toBe('Sign in to Example to use it.');
    expect(auth.challenged).toHaveBeenCalledWith({
      resourceMetadataUrl: 'https://mcp.example.com/.well-known/x',
      scope: 'read',
      error: undefined,
    });
    // An event stream (GET) gets the refusal itself, so the SSE transport fails at once.
    expect((await connection.fetch('https://mcp.example.com/mcp')).status).toBe(401);
  });
});

describe('the remote catalog', () => {
  it('lists well-known remote servers with icons and docs, and adds one as a remote instance', async () => {
    // Offline: the instance added below tries to connect and must not reach the real service.
    const offline = vi.fn((_url: string | URL, _init?: RequestInit): Promise<Response> =>
      Promise.reject(new TypeError('offline in tests')),
    );
    const core = createTestCore(tempDir(), { fetch: offline as unknown as typeof globalThis.fetch });
    const entries = (await core.services.catalog.list()).filter((e) => e.category === 'remote');
    expect(entries.map((e) => e.id).sort()).toEqual(REMOTE_SERVERS.map((e) => e.id).sort());
    const linear = entries.find((e) => e.id === 'linear')!;
    expect(linear).toMatchObject({
      auth: 'oauth',
      homepage: 'https://linear.app/docs/mcp',
      launch: { command: 'https://mcp.linear.app/mcp', args: [] },
      needsOwnClient: false,
    });
    expect(linear.icon).toBe(remoteIcon(REMOTE_SERVERS[0]!));
    expect(entries.find((e) => e.id === 'asana')).toMatchObject({ needsOwnClient: true });
    expect(entries.find((e) => e.id === 'github-remote')?.manualToken?.label).toMatch(
      /personal access token/,
    );
    for (const entry of REMOTE_SERVERS) expect(() => checkRemoteUrl(entry.url)).not.toThrow();

    const summary = await core.services.catalog.add({ integrationId: 'linear' });
    expect(summary).toMatchObject({ id: 'linear', name: 'Linear', integrationId: 'linear' });
    const config = core.services.instances.configs().find((c) => c.id === 'linear');
    expect(config?.remote).toEqual({ url: 'https://mcp.linear.app/mcp' });
    await expect.poll(() => offline.mock.calls.length).toBeGreaterThan(0);
    expect(String(offline.mock.calls[0]?.[0])).toBe('https://mcp.linear.app/mcp');
    await expect(
      core.services.catalog.add({ integrationId: 'linear', userConfig: { a: 'b' } }),
    ).rejects.toThrow(/has no settings/);
    await core.stop();
  });
});
