import path from 'node:path';
import { systemClock } from '../../../electron/core/platform/clock';
import { FileLogger } from '../../../electron/core/platform/logger';
import { tempDir } from '../support/temp-dirs';
import type { ResolvedEndpoints } from '../../../electron/core/auth/discovery';
import { EndpointDiscovery } from '../../../electron/core/auth/discovery';
import { LoopbackFlow } from '../../../electron/core/auth/loopback-flow';
import { TestBrowser } from './test-browser';
import type { TestProvider } from './test-oidc-provider';
import { systemTimers } from '../../../electron/core/auth/timers';
import type { TokenSet } from '../../../electron/core/auth/token-set';

/** Test helper: a temp dir with a debug log in it, for the end-of-test secret scan. */
export function testWorkspace(): { dir: string; logger: FileLogger } {
  const dir = tempDir();
  return { dir, logger: new FileLogger({ file: path.join(dir, 'auth.log'), level: 'debug' }) };
}

/** Test helper: a complete browser sign-in at the test provider, returning the tokens. */
export async function signInAtTestProvider(
  op: TestProvider,
  logger: FileLogger,
  login = 'ada',
): Promise<{ tokens: TokenSet; endpoints: ResolvedEndpoints }> {
  const endpoints = await new EndpointDiscovery({ fetch, logger }).resolve({ issuer: op.issuer }, 'Test ID');
  const browser = new TestBrowser();
  const flow = new LoopbackFlow({ opener: browser, clock: systemClock, logger, fetch, timers: systemTimers });
  const handle = await flow.start({
    authorizationEndpoint: endpoints.authorizationEndpoint!,
    tokenEndpoint: endpoints.tokenEndpoint!,
    userinfoEndpoint: endpoints.userinfoEndpoint,
    issuer: endpoints.issuer,
    clientId: op.clientId,
    scopes: ['openid', 'email', 'offline_access'],
    extraAuthorizationParams: { prompt: 'consent' },
    providerName: 'Test ID',
  });
  await browser.authorize(browser.lastOpened, { login });
  return { tokens: await handle.result, endpoints };
}

/** Test helper: the userinfo status for an access token (200 valid, 401 expired or revoked). */
export async function userinfoStatus(endpoints: ResolvedEndpoints, accessToken: string): Promise<number> {
  const response = await fetch(endpoints.userinfoEndpoint!, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await response.body?.cancel();
  return response.status;
}
