import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import { AuthConfig, endpointProblem, tokenEnvironment } from './auth-config';
import { EndpointDiscovery, metadataUrls } from './discovery';
import { providerError } from './oauth-errors';
import { renderResultPage } from './result-page';
import { parseScope, tokenSetFromResponse } from './token-set';

const github = {
  type: 'oauth',
  authorizationEndpoint: 'https://github.com/login/oauth/authorize',
  tokenEndpoint: 'https://github.com/login/oauth/access_token',
  clientId: 'Iv1.abc',
  scopes: ['repo'],
  token: { env: 'GITHUB_TOKEN' },
};

describe('AuthConfig', () => {
  it('parses the four kinds, with defaults', () => {
    expect(AuthConfig.parse(github)).toEqual({ ...github, extraAuthorizationParams: {} });
    const google = AuthConfig.parse({
      type: 'oauth',
      issuer: 'https://accounts.google.com',
      clientId: 'x.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-not-really-secret',
      scopes: ['openid', 'email', 'https://www.googleapis.com/auth/drive.readonly'],
      extraAuthorizationParams: { access_type: 'offline', prompt: 'consent' },
      token: { env: 'GOOGLE_ACCESS_TOKEN', prefix: 'Bearer ' },
    });
    expect(google).toMatchObject({ type: 'oauth', extraAuthorizationParams: { access_type: 'offline' } });
    const device = AuthConfig.parse({
      type: 'device',
      deviceAuthorizationEndpoint: 'https://github.com/login/device/code',
      tokenEndpoint: 'https://github.com/login/oauth/access_token',
      token: { env: 'GITHUB_TOKEN' },
    });
    expect(device).toMatchObject({ type: 'device', scopes: [] });
    expect(AuthConfig.parse({ type: 'api-key' })).toEqual({ type: 'api-key' });
    expect(AuthConfig.parse({ type: 'none' })).toEqual({ type: 'none' });
  });

  it('accepts http only on loopback, and never credentials or fragments', () => {
    for (const ok of [
      'https://example.com/token',
      'http://127.0.0.1:8080/token',
      'http://localhost/token',
      'http://[::1]:9000/token',
    ]) {
      expect(endpointProblem(ok)).toBeNull();
    }
    expect(endpointProblem('http://example.com/token')).toMatch(/must use https/);
    expect(endpointProblem('http://127.0.0.2/token')).toMatch(/must use https/);
    expect(endpointProblem('javascript:alert(1)')).toMatch(/must use https/);
    expect(endpointProblem('https://user:pw@example.com/')).toMatch(/user name/);
    expect(endpointProblem('https://example.com/#x')).toMatch(/fragment/);
    expect(endpointProblem('not a url')).toMatch(/not a valid URL/);
    expect(AuthConfig.safeParse({ ...github, tokenEndpoint: 'http://example.com/t' }).success).toBe(false);
  });

  it('rejects configs that could not sign in or would subvert the flow', () => {
    const bad = [
      { ...github, authorizationEndpoint: undefined },
      { ...github, extraAuthorizationParams: { redirect_uri: 'https://evil.example' } },
      { ...github, token: { env: 'NOT-A-VAR' } },
      { ...github, token: undefined },
      { type: 'device', tokenEndpoint: 'https://x.example/t', token: { env: 'T' } },
    ];
    for (const config of bad) expect(AuthConfig.safeParse(config).success).toBe(false);
  });

  it('builds the environment entry for the server process', () => {
    expect(tokenEnvironment({ env: 'GITHUB_TOKEN' }, 'gho_1')).toEqual({ GITHUB_TOKEN: 'gho_1' });
    expect(tokenEnvironment({ env: 'AUTH', prefix: 'Bearer ' }, 't')).toEqual({ AUTH: 'Bearer t' });
  });
});

describe('EndpointDiscovery', () => {
  const documents = new Map<string, unknown>();
  const server = createServer((request, response) => {
    const document = documents.get(request.url ?? '');
    if (!document) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => void server.close());
  const discovery = new EndpointDiscovery({ fetch, logger: silentLogger });

  it('tries RFC 8414 before OpenID discovery, inserting the well-known part before the path', () => {
    expect(metadataUrls('https://auth.example/tenant/')).toEqual([
      'https://auth.example/.well-known/oauth-authorization-server/tenant',
      'https://auth.example/.well-known/openid-configuration/tenant',
      'https://auth.example/tenant/.well-known/openid-configuration',
    ]);
  });

  it('uses RFC 8414 metadata, keeps configured endpoints, and checks the issuer', async () => {
    documents.set('/.well-known/oauth-authorization-server/a', {
      issuer: `${base}/a`,
      authorization_endpoint: `${base}/a/authorize`,
      token_endpoint: `${base}/a/token`,
      revocation_endpoint: `${base}/a/revoke`,
    });
    await expect(
      discovery.resolve({ issuer: `${base}/a`, tokenEndpoint: 'https://override.example/token' }, 'A'),
    ).resolves.toEqual({
      issuer: `${base}/a`,
      authorizationEndpoint: `${base}/a/authorize`,
      tokenEndpoint: 'https://override.example/token',
      revocationEndpoint: `${base}/a/revoke`,
    });
    // A document naming another issuer is ignored (mix-up defence, RFC 8414 §3.3).
    documents.set('/b/.well-known/openid-configuration', {
      issuer: 'https://evil.example',
      token_endpoint: 'x',
    });
    await expect(discovery.resolve({ issuer: `${base}/b` }, 'B')).rejects.toMatchObject({
      code: 'discovery-failed',
    });
  });

  it('refuses discovered endpoints that are not https', async () => {
    documents.set('/c/.well-known/openid-configuration', {
      issuer: `${base}/c`,
      authorization_endpoint: 'http://evil.example/authorize',
    });
    await expect(discovery.resolve({ issuer: `${base}/c` }, 'C')).rejects.toThrow(/must use https/);
  });
});

describe('messages and parsing', () => {
  it('words provider errors for people and tidies provider text', () => {
    const scope = providerError('invalid_scope', 'bad\u0000 scope\n"repo"', 'GitHub');
    expect(scope.message).toMatch(/^GitHub did not accept the permissions/);
    expect(scope.message).toContain('(GitHub said: “bad scope "repo"”)');
    expect(providerError('server_error', undefined, 'GitHub').message).toMatch(/problem on its side/);
    expect(providerError('weird<code>', undefined, 'GitHub').message).toContain('(weird<code>)');
  });

  it('escapes text in the result page and loads nothing external', () => {
    const html = renderResultPage({ kind: 'error', title: '<script>x</script>', message: 'a & b' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).not.toMatch(/(src|href)=/);
  });

  it('reads GitHub-style and OpenID token responses', () => {
    expect(parseScope('repo,read:user')).toEqual(['repo', 'read:user']);
    expect(parseScope('openid email')).toEqual(['openid', 'email']);
    const payload = Buffer.from(JSON.stringify({ preferred_username: 'ada' })).toString('base64url');
    const tokens = tokenSetFromResponse(
      { access_token: 'a', token_type: 'bearer', expires_in: '60', id_token: `h.${payload}.s` },
      1000,
      { scope: ['x'] },
      'P',
    );
    expect(tokens).toEqual({
      accessToken: 'a',
      tokenType: 'Bearer',
      expiresAt: 61_000,
      scope: ['x'],
      idToken: `h.${payload}.s`,
      accountLabel: 'ada',
    });
    expect(() => tokenSetFromResponse({}, 0, {}, 'P')).toThrow(/sent no access token/);
  });
});
