import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../platform/clock';
import { silentLogger } from '../platform/logger';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { ReauthRequiredError } from './oauth-errors';
import type { TestProvider } from '../../../test/core/auth/test-oidc-provider';
import { startTestProvider } from '../../../test/core/auth/test-oidc-provider';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { signInAtTestProvider, testWorkspace, userinfoStatus } from '../../../test/core/auth/test-sign-in';
import { FakeTime } from '../../../test/core/auth/test-time';
import { MAX_TIMER_MS, systemTimers } from './timers';
import { RefreshScheduler, TokenRefresher } from './token-refresh';
import type { TokenSet } from './token-set';
import { TokenStore } from './token-store';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('TokenRefresher against a real OpenID provider (rotating refresh tokens)', () => {
  let op: TestProvider;
  // Access tokens live 3 s, so a scheduled refresh happens during the test.
  beforeAll(async () => void (op = await startTestProvider({ accessTokenTtl: 3 })));
  afterAll(() => op.close());

  it('rotates, and a reused old refresh token fails with ReauthRequiredError and ends the grant', async () => {
    const { dir, logger } = testWorkspace();
    const { tokens, endpoints } = await signInAtTestProvider(op, logger);
    const refresher = new TokenRefresher({ clock: systemClock, logger, fetch });
    const options = {
      tokenEndpoint: endpoints.tokenEndpoint!,
      clientId: op.clientId,
      providerName: 'Test ID',
    };

    const next = await refresher.refresh(tokens, options);
    expect(next.accessToken).not.toBe(tokens.accessToken);
    expect(next.refreshToken).toBeTruthy();
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(next.accountLabel).toBe('ada@example.test');
    expect(next.scope).toEqual(expect.arrayContaining(['openid', 'offline_access']));
    expect(await userinfoStatus(endpoints, next.accessToken)).toBe(200);

    const reuse = await refresher.refresh(tokens, options).catch((e: unknown) => e);
    expect(reuse).toBeInstanceOf(ReauthRequiredError);
    expect(reuse).toMatchObject({ code: 'reauth-required', message: expect.stringMatching(/sign in again/) });
    // oidc-provider treats the reuse as theft and revokes the whole family, the new token too.
    await expect(refresher.refresh(next, options)).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(await userinfoStatus(endpoints, next.accessToken)).toBe(401);
    expectNoSecretsIn(dir, [tokens.accessToken, tokens.refreshToken, next.accessToken, next.refreshToken]);
  });

  it('refreshes on schedule at ~80% of a short lifetime; the new token works, the old one expires', async () => {
    const { dir, logger } = testWorkspace();
    const { tokens, endpoints } = await signInAtTestProvider(op, logger);
    const store = new TokenStore(new MemorySecretStore(), logger);
    await store.save('notes', tokens);
    const refresher = new TokenRefresher({ clock: systemClock, logger, fetch });
    const options = {
      tokenEndpoint: endpoints.tokenEndpoint!,
      clientId: op.clientId,
      providerName: 'Test ID',
    };
    let current = tokens;
    const refreshed = deferred<TokenSet>();
    const scheduler = new RefreshScheduler({ clock: systemClock, timers: systemTimers, logger }, async () => {
      current = await refresher.refresh(current, options);
      await store.save('notes', current);
      refreshed.resolve(current);
      return current;
    });
    const started = Date.now();
    scheduler.schedule(tokens.expiresAt);
    expect(scheduler.nextRefreshAt! - started).toBeGreaterThan(2000); // 80% of 3 s
    expect(scheduler.nextRefreshAt! - started).toBeLessThan(2500);

    const next = await refreshed.promise;
    expect(Date.now()).toBeLessThan(tokens.expiresAt!);
    expect(await userinfoStatus(endpoints, next.accessToken)).toBe(200);
    expect(scheduler.nextRefreshAt).toBeGreaterThan(Date.now());
    scheduler.stop();
    expect(await store.load('notes', { tokenType: 'Bearer', hasRefreshToken: true })).toMatchObject({
      accessToken: next.accessToken,
      refreshToken: next.refreshToken,
    });
    await new Promise((resolve) => setTimeout(resolve, tokens.expiresAt! - Date.now() + 100));
    expect(await userinfoStatus(endpoints, tokens.accessToken)).toBe(401);
    expectNoSecretsIn(dir, [tokens.accessToken, tokens.refreshToken, next.accessToken, next.refreshToken]);
  });
});

describe('TokenRefresher against a provider that does not rotate', () => {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      const ok = form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-1';
      response
        .writeHead(ok ? 200 : 400, { 'content-type': 'application/json' })
        .end(
          JSON.stringify(
            ok
              ? { access_token: 'access-2', token_type: 'bearer', expires_in: 3600 }
              : { error: 'invalid_grant' },
          ),
        );
    });
  });
  let tokenEndpoint = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenEndpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  });
  afterAll(() => void server.close());
  const clock = new FakeTime();
  const refresher = new TokenRefresher({ clock, logger: silentLogger, fetch });
  const current: TokenSet = {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    tokenType: 'Bearer',
    scope: ['repo'],
    accountLabel: 'ada',
  };

  it('keeps the old refresh token, scope and account label', async () => {
    await expect(refresher.refresh(current, { tokenEndpoint, clientId: 'c' })).resolves.toEqual({
      accessToken: 'access-2',
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresAt: clock.now() + 3_600_000,
      scope: ['repo'],
      accountLabel: 'ada',
    });
  });

  it('turns invalid_grant, or having no refresh token, into ReauthRequiredError', async () => {
    const dead = { ...current, refreshToken: 'refresh-0' };
    await expect(refresher.refresh(dead, { tokenEndpoint, clientId: 'c' })).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    const none = { accessToken: 'a', tokenType: 'Bearer' };
    await expect(refresher.refresh(none, { tokenEndpoint, clientId: 'c' })).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
  });
});

describe('RefreshScheduler', () => {
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  const make = (refresh: () => Promise<TokenSet>, onError = vi.fn()) => {
    const time = new FakeTime();
    const scheduler = new RefreshScheduler(
      { clock: time, timers: time, logger: silentLogger },
      refresh,
      onError,
    );
    return { time, scheduler, onError };
  };
  const tokensExpiringAt = (expiresAt: number): TokenSet => ({
    accessToken: 'a',
    tokenType: 'Bearer',
    expiresAt,
  });

  it('refreshes at 80% of the lifetime, then plans the next one', async () => {
    const refresh = vi.fn(() => Promise.resolve(tokensExpiringAt(time.now() + 1000_000)));
    const { time, scheduler } = make(refresh);
    scheduler.schedule(time.now() + 1000_000);
    expect(scheduler.nextRefreshAt).toBe(time.now() + 800_000);
    time.advance(799_999);
    expect(refresh).not.toHaveBeenCalled();
    time.advance(1);
    await flush();
    expect(refresh).toHaveBeenCalledOnce();
    expect(scheduler.nextRefreshAt).toBe(time.now() + 800_000);
    scheduler.stop();
    expect(scheduler.nextRefreshAt).toBeNull();
  });

  it('coalesces concurrent refreshes (timer and 401s) into one', async () => {
    const pending = deferred<TokenSet>();
    const refresh = vi.fn(() => pending.promise);
    const { time, scheduler } = make(refresh);
    scheduler.schedule(time.now() + 10_000);
    const first = scheduler.refreshNow();
    const second = scheduler.refreshNow();
    time.advance(10_000);
    await flush();
    expect(refresh).toHaveBeenCalledOnce();
    pending.resolve(tokensExpiringAt(time.now() + 10_000));
    expect(await first).toBe(await second);
    await scheduler.refreshNow();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('retries a failed refresh with backoff, and gives up on ReauthRequiredError', async () => {
    const refresh = vi
      .fn<() => Promise<TokenSet>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockRejectedValueOnce(new ReauthRequiredError('Test ID'));
    const { time, scheduler, onError } = make(refresh);
    scheduler.schedule(time.now() + 10_000);
    time.advance(8_000);
    await flush();
    expect(onError).toHaveBeenLastCalledWith(expect.objectContaining({ message: 'offline' }));
    expect(scheduler.nextRefreshAt).toBe(time.now() + 5_000);
    time.advance(5_000);
    await flush();
    expect(onError).toHaveBeenLastCalledWith(expect.any(ReauthRequiredError));
    expect(scheduler.nextRefreshAt).toBeNull();
    expect(time.waiting).toBe(0);
  });

  it('handles lifetimes longer than a timer can wait', async () => {
    const refresh = vi.fn(() => Promise.resolve(tokensExpiringAt(time.now() + 1000)));
    const { time, scheduler } = make(refresh);
    const day = 86_400_000;
    scheduler.schedule(time.now() + 60 * day);
    expect(time.requested.at(-1)).toBe(MAX_TIMER_MS);
    time.advance(MAX_TIMER_MS);
    await flush();
    expect(refresh).not.toHaveBeenCalled();
    time.advance(48 * day - MAX_TIMER_MS);
    await flush();
    expect(refresh).toHaveBeenCalledOnce();
    scheduler.stop();
  });
});
