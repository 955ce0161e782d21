import { describe, expect, it, onTestFinished } from 'vitest';
import type { DeviceFlowOptions } from './device-flow';
import { DeviceFlow } from './device-flow';
import { OAuthProviderError, SignInCancelledError } from './oauth-errors';
import { TestBrowser } from '../../../test/core/auth/test-browser';
import type { DeviceServerScript } from '../../../test/core/auth/test-device-server';
import { startDeviceServer } from '../../../test/core/auth/test-device-server';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { testWorkspace } from '../../../test/core/auth/test-sign-in';
import { FakeTime } from '../../../test/core/auth/test-time';

async function setup(script: DeviceServerScript, autoAdvance = true) {
  const server = await startDeviceServer(script);
  onTestFinished(() => server.close());
  const { dir, logger } = testWorkspace();
  // Timers fire at once while the clock jumps ahead: 5 s polls take microseconds.
  const time = new FakeTime(Date.UTC(2030, 0, 1), autoAdvance);
  const browser = new TestBrowser();
  const flow = new DeviceFlow({ opener: browser, clock: time, logger, fetch, timers: time });
  const options: DeviceFlowOptions = {
    deviceAuthorizationEndpoint: server.deviceAuthorizationEndpoint,
    tokenEndpoint: server.tokenEndpoint,
    clientId: 'device-client',
    scopes: ['repo', 'read:user'],
    providerName: 'GitHub',
  };
  return { server, dir, time, browser, flow, options };
}

describe('DeviceFlow (RFC 8628) against a local device endpoint', () => {
  it('shows the code, honours pending and slow_down, then signs in', async () => {
    const { server, dir, time, browser, flow, options } = await setup({
      answers: ['authorization_pending', 'authorization_pending', 'slow_down', 'success'],
    });
    const start = time.now();
    const handle = await flow.start(options);
    expect(handle).toMatchObject({
      userCode: 'WDJB-MJHT',
      verificationUri: expect.stringMatching(/\/activate$/),
      verificationUriComplete: expect.stringMatching(/\/activate\?user_code=WDJB-MJHT$/),
      expiresAt: start + 900_000,
      interval: 5,
    });
    await handle.openVerificationPage();
    expect(browser.opened).toEqual([handle.verificationUriComplete]);

    const tokens = await handle.result;
    expect(tokens).toEqual({
      accessToken: server.issued.accessToken,
      refreshToken: server.issued.refreshToken,
      tokenType: 'Bearer',
      expiresAt: time.now() + 28_800_000,
      scope: ['repo', 'read:user'],
    });
    // Three waits of 5 s, then 10 s after slow_down (+5 s, RFC 8628 §3.5).
    expect(time.requested).toEqual([5000, 5000, 5000, 10_000]);
    expect(handle.interval).toBe(10);
    expect(server.polls).toHaveLength(4);
    expect(server.polls[0]!.get('client_id')).toBe('device-client');
    expectNoSecretsIn(dir, [tokens.accessToken, tokens.refreshToken]);
  });

  it('fails in words when the person denies access', async () => {
    const { flow, options } = await setup({ answers: ['authorization_pending', 'access_denied'] });
    const handle = await flow.start(options);
    const error = await handle.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthProviderError);
    expect(error).toMatchObject({ code: 'sign-in-denied', oauthError: 'access_denied' });
    expect((error as Error).message).toMatch(/Access was not granted, so GitHub was not connected/);
  });

  it('fails when the provider says the code expired', async () => {
    const { flow, options } = await setup({ answers: ['authorization_pending', 'expired_token'] });
    const handle = await flow.start(options);
    await expect(handle.result).rejects.toMatchObject({
      code: 'sign-in-expired',
      message: expect.stringMatching(/code for GitHub expired/),
    });
  });

  it('stops polling by itself once the code has expired', async () => {
    const { server, time, flow, options } = await setup({
      answers: ['authorization_pending'],
      expiresIn: 12,
      interval: 5,
    });
    const handle = await flow.start(options);
    await expect(handle.result).rejects.toMatchObject({ code: 'sign-in-expired' });
    expect(server.polls).toHaveLength(2); // at 5 s and 10 s; at 15 s the code is past its 12 s
    expect(time.waiting).toBe(0);
  });

  it('cancel stops the polling', async () => {
    const { server, time, flow, options } = await setup(
      { answers: ['authorization_pending'], interval: 5 },
      false,
    );
    const handle = await flow.start(options);
    time.advance(5000);
    handle.cancel();
    await expect(handle.result).rejects.toBeInstanceOf(SignInCancelledError);
    time.advance(60_000);
    expect(time.waiting).toBe(0);
    expect(server.polls.length).toBeLessThanOrEqual(1);
  });

  it('refuses a verification page that is not https', async () => {
    const { flow, options } = await setup({ answers: ['success'] });
    await expect(
      flow.start({ ...options, deviceAuthorizationEndpoint: 'http://example.com/device' }),
    ).rejects.toThrow(/must use https/);
  });
});
