import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../platform/clock';
import { KeychainUnavailableError } from '../secrets/secret-store';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import type { OAuthAuthConfig } from './auth-config';
import { AuthConfig, tokenEnvironment } from './auth-config';
import { ReauthRequiredError } from './oauth-errors';
import { TokenRevoker } from './revoke';
import { SignInService } from './sign-in';
import { TestBrowser } from '../../../test/core/auth/test-browser';
import type { TestProvider } from '../../../test/core/auth/test-oidc-provider';
import { startTestProvider } from '../../../test/core/auth/test-oidc-provider';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { signInAtTestProvider, testWorkspace, userinfoStatus } from '../../../test/core/auth/test-sign-in';
import { systemTimers } from './timers';
import { TokenRefresher } from './token-refresh';

let op: TestProvider;
beforeAll(async () => void (op = await startTestProvider()));
afterAll(() => op.close());

function setup(secrets = new MemorySecretStore()) {
  const { dir, logger } = testWorkspace();
  const browser = new TestBrowser();
  const service = new SignInService({
    opener: browser,
    clock: systemClock,
    logger,
    fetch,
    timers: systemTimers,
    secrets,
  });
  const config = AuthConfig.parse({
    type: 'oauth',
    issuer: op.issuer,
    clientId: op.clientId,
    scopes: ['openid', 'email', 'offline_access'],
    extraAuthorizationParams: { prompt: 'consent' },
    token: { env: 'NOTES_TOKEN', prefix: 'Bearer ' },
  }) as OAuthAuthConfig;
  return { dir, logger, browser, service, secrets, config };
}

describe('SignInService', () => {
  it('fails before any browser opens when the keychain is unavailable', async () => {
    const locked = new MemorySecretStore({
      available: false,
      detail: 'No usable keychain (Secret Service).',
    });
    const { browser, service, config } = setup(locked);
    await expect(service.startBrowser('notes', config, { providerName: 'Notes' })).rejects.toBeInstanceOf(
      KeychainUnavailableError,
    );
    const device = { ...config, type: 'device' as const, deviceAuthorizationEndpoint: `${op.issuer}/device` };
    await expect(service.startDevice('notes', device)).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(browser.opened).toEqual([]);
  });

  it('fails before any browser opens when there is no client ID', async () => {
    const { browser, service, config } = setup();
    const { clientId: _none, ...withoutClient } = config;
    await expect(
      service.startBrowser('notes', withoutClient, { providerName: 'Notes' }),
    ).rejects.toMatchObject({
      code: 'sign-in-unsupported',
      message: expect.stringMatching(/no client ID for Notes/),
    });
    expect(browser.opened).toEqual([]);
  });

  it('signs in, keeps tokens in the keychain, refreshes, and signs out with revocation', async () => {
    const { dir, browser, service, secrets, config } = setup();
    const signIn = await service.startBrowser('notes', config, { providerName: 'Notes' });
    expect(browser.opened).toEqual([signIn.authorizationUrl]);
    await browser.authorize(signIn.authorizationUrl, { login: 'grace' });
    const metadata = await signIn.result;
    expect(metadata).toMatchObject({
      tokenType: 'Bearer',
      accountLabel: 'grace@example.test',
      hasRefreshToken: true,
    });
    expect([...secrets.values.keys()].sort()).toEqual(['notes:oauth.access', 'notes:oauth.refresh']);
    const settingsFile = path.join(dir, 'settings.json');
    fs.writeFileSync(settingsFile, JSON.stringify({ auth: { notes: metadata } }));

    const tokens = (await service.tokens('notes', metadata))!;
    expect(tokenEnvironment(config.token, tokens.accessToken)).toEqual({
      NOTES_TOKEN: `Bearer ${tokens.accessToken}`,
    });

    const refreshedMetadata = await service.refresh('notes', config, metadata);
    fs.writeFileSync(settingsFile, JSON.stringify({ auth: { notes: refreshedMetadata } }));
    const refreshed = (await service.tokens('notes', refreshedMetadata))!;
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect(refreshed.accountLabel).toBe('grace@example.test');

    await expect(service.signOut('notes', config, refreshedMetadata)).resolves.toBe('revoked');
    expect(secrets.values.size).toBe(0);
    const endpoints = { userinfoEndpoint: `${op.issuer}/me` };
    expect(await userinfoStatus(endpoints, refreshed.accessToken)).toBe(401);
    expectNoSecretsIn(dir, [
      tokens.accessToken,
      tokens.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
    ]);
  });
});

describe('TokenRevoker (RFC 7009)', () => {
  it('revokes the grant: the refresh token then needs a new sign-in and the access token is dead', async () => {
    const { dir, logger } = testWorkspace();
    const { tokens, endpoints } = await signInAtTestProvider(op, logger);
    const revoker = new TokenRevoker({ fetch, logger });
    const outcome = await revoker.revoke(tokens, {
      revocationEndpoint: endpoints.revocationEndpoint,
      clientId: op.clientId,
      providerName: 'Test ID',
    });
    expect(outcome).toBe('revoked');
    const refresher = new TokenRefresher({ clock: systemClock, logger, fetch });
    await expect(
      refresher.refresh(tokens, { tokenEndpoint: endpoints.tokenEndpoint!, clientId: op.clientId }),
    ).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(await userinfoStatus(endpoints, tokens.accessToken)).toBe(401);
    expectNoSecretsIn(dir, [tokens.accessToken, tokens.refreshToken]);
  });

  it('reports "unsupported" when the provider has no revocation endpoint', async () => {
    const { logger } = testWorkspace();
    const revoker = new TokenRevoker({ fetch, logger });
    await expect(revoker.revoke({ accessToken: 'a', tokenType: 'Bearer' }, { clientId: 'c' })).resolves.toBe(
      'unsupported',
    );
  });
});
