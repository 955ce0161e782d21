import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../platform/clock';
import { FileLogger } from '../platform/logger';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { EndpointDiscovery } from './discovery';
import type { LoopbackFlowOptions } from './loopback-flow';
import { buildAuthorizationUrl, LoopbackFlow } from './loopback-flow';
import { OAuthProviderError, SignInCancelledError } from './oauth-errors';
import { TestBrowser } from '../../../test/core/auth/test-browser';
import type { TestProvider } from '../../../test/core/auth/test-oidc-provider';
import { startTestProvider } from '../../../test/core/auth/test-oidc-provider';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { systemTimers } from './timers';

let op: TestProvider;
let endpoints: Pick<
  LoopbackFlowOptions,
  'authorizationEndpoint' | 'tokenEndpoint' | 'issuer' | 'userinfoEndpoint'
>;

beforeAll(async () => {
  op = await startTestProvider();
  const resolved = await new EndpointDiscovery({ fetch, logger: new FileLogger({ file: null }) }).resolve(
    { issuer: op.issuer },
    'Test ID',
  );
  endpoints = {
    issuer: resolved.issuer,
    authorizationEndpoint: resolved.authorizationEndpoint!,
    tokenEndpoint: resolved.tokenEndpoint!,
    // oidc-provider keeps scope claims out of the ID token here, so the label needs userinfo.
    userinfoEndpoint: resolved.userinfoEndpoint,
  };
});
afterAll(() => op.close());

function setup(overrides: Partial<LoopbackFlowOptions> = {}) {
  const dir = tempDir();
  const browser = new TestBrowser();
  const logger = new FileLogger({ file: path.join(dir, 'auth.log'), level: 'debug' });
  const flow = new LoopbackFlow({ opener: browser, clock: systemClock, logger, fetch, timers: systemTimers });
  const options: LoopbackFlowOptions = {
    ...endpoints,
    clientId: op.clientId,
    scopes: ['openid', 'email', 'offline_access'],
    extraAuthorizationParams: { prompt: 'consent' },
    providerName: 'Test ID',
    ...overrides,
  };
  return { dir, browser, flow, options };
}

/** Resolves to the error a connection attempt gets, or null when something is listening. */
function connectError(url: string): Promise<string | null> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(null)));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

const stateOf = (url: string): string | null => new URL(url).searchParams.get('state');

describe('LoopbackFlow against a real OpenID provider', () => {
  it('signs in: browser opened once, PKCE code exchanged, account named, listener closed', async () => {
    const { dir, browser, flow, options } = setup();
    const handle = await flow.start(options);
    expect(browser.opened).toEqual([handle.authorizationUrl]);
    expect(handle.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(new URL(handle.authorizationUrl).searchParams.get('code_challenge_method')).toBe('S256');
    expect(stateOf(handle.authorizationUrl)!.length).toBeGreaterThanOrEqual(22); // ≥128 bits

    const visit = await browser.authorize(browser.lastOpened, { login: 'ada' });
    const tokens = await handle.result;
    expect(visit.status).toBe(200);
    expect(visit.html).toContain('data-result="success"');
    expect(visit.html).toContain('connected to Test ID as ada@example.test');
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.idToken).toBeTruthy();
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.accountLabel).toBe('ada@example.test');
    expect(tokens.scope).toEqual(expect.arrayContaining(['openid', 'email', 'offline_access']));
    expect(tokens.expiresAt).toBeGreaterThan(Date.now());
    expect(await connectError(handle.redirectUri)).toBe('ECONNREFUSED');
    const code = new URL(visit.callbackUrl).searchParams.get('code');
    expectNoSecretsIn(dir, [tokens.accessToken, tokens.refreshToken, tokens.idToken, code ?? undefined]);
  });

  it('refuses a callback with the wrong state and keeps waiting for the real one', async () => {
    const { browser, flow, options } = setup();
    const handle = await flow.start(options);
    const forged = await fetch(`${handle.redirectUri}?code=stolen&state=${'A'.repeat(43)}`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('not part of a sign-in in progress');
    const noState = await fetch(`${handle.redirectUri}?error=access_denied`);
    expect(noState.status).toBe(400);
    expect((await fetch(new URL('/favicon.ico', handle.redirectUri))).status).toBe(404);

    await browser.authorize(browser.lastOpened);
    await expect(handle.result).resolves.toMatchObject({ accountLabel: 'ada@example.test' });
  });

  it('uses the state once: a replay is refused, and after the flow nothing listens', async () => {
    const { browser, flow, options } = setup();
    const handle = await flow.start(options);
    const { callbackUrl } = await browser.authorize(browser.lastOpened, { stopAtCallback: true });
    const statuses = await Promise.all(
      [fetch(callbackUrl), fetch(callbackUrl)].map(async (r) => (await r).status),
    );
    expect(statuses.sort()).toEqual([200, 400]);
    await expect(handle.result).resolves.toMatchObject({ tokenType: 'Bearer' });
    expect(await connectError(callbackUrl)).toBe('ECONNREFUSED');
  });

  it('explains a denied consent in words, on the page and in the error', async () => {
    const { browser, flow, options } = setup();
    const handle = await flow.start(options);
    const visit = await browser.authorize(browser.lastOpened, { consent: 'deny' });
    expect(visit.html).toContain('data-result="denied"');
    expect(visit.html).toContain('Access not granted');
    expect(visit.html).toContain('Test ID was not connected');
    const error = await handle.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthProviderError);
    expect(error).toMatchObject({ code: 'sign-in-denied', oauthError: 'access_denied' });
    expect((error as Error).message).toMatch(/^Access was not granted, so Test ID was not connected/);
  });

  it('times out with a clear error and closes the listener', async () => {
    const { flow, options } = setup({ timeoutMs: 150 });
    const handle = await flow.start(options);
    expect(await connectError(handle.redirectUri)).toBeNull();
    await expect(handle.result).rejects.toMatchObject({
      code: 'sign-in-timeout',
      message: expect.stringMatching(/was not finished within 1 minute/),
    });
    expect(await connectError(handle.redirectUri)).toBe('ECONNREFUSED');
  });

  it('runs concurrent flows on different ports with different states; cancel closes each', async () => {
    const { flow, options } = setup();
    const [a, b] = await Promise.all([flow.start(options), flow.start(options)]);
    expect(a!.redirectUri).not.toBe(b!.redirectUri);
    expect(stateOf(a!.authorizationUrl)).not.toBe(stateOf(b!.authorizationUrl));
    a!.cancel();
    await expect(a!.result).rejects.toBeInstanceOf(SignInCancelledError);
    expect(await connectError(a!.redirectUri)).toBe('ECONNREFUSED');
    expect(await connectError(b!.redirectUri)).toBeNull();
    b!.cancel();
    await expect(b!.result).rejects.toMatchObject({ code: 'sign-in-cancelled' });
    expect(await connectError(b!.redirectUri)).toBe('ECONNREFUSED');
  });

  it('refuses unsafe endpoints before opening anything', async () => {
    const { browser, flow, options } = setup({ authorizationEndpoint: 'http://example.com/authorize' });
    await expect(flow.start(options)).rejects.toThrow(/must use https/);
    expect(browser.opened).toEqual([]);
  });
});

describe('buildAuthorizationUrl', () => {
  it('builds an RFC 6749 + PKCE request that extra parameters cannot subvert', () => {
    const url = new URL(
      buildAuthorizationUrl({
        authorizationEndpoint: 'https://accounts.example.com/o/auth?hd=example.com',
        clientId: 'app',
        redirectUri: 'http://127.0.0.1:5000/callback',
        scopes: ['openid', 'email'],
        state: 'state-1',
        codeChallenge: 'challenge-1',
        extraParams: {
          access_type: 'offline',
          prompt: 'consent',
          state: 'evil',
          redirect_uri: 'https://evil',
        },
        resource: 'https://api.example.com',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://accounts.example.com/o/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      hd: 'example.com',
      access_type: 'offline',
      prompt: 'consent',
      response_type: 'code',
      client_id: 'app',
      redirect_uri: 'http://127.0.0.1:5000/callback',
      scope: 'openid email',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
      resource: 'https://api.example.com',
    });
  });
});
