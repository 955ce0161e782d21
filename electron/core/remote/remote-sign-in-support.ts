import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { JsonObject } from '../auth/oauth-http';
import type { TokenSet } from '../auth/token-set';
import { tokenSetFromResponse } from '../auth/token-set';
import type { RemoteConfig } from '../settings/settings-schema';

/** The SDK's token answer as our `TokenSet` (`issuer` is the SDK's stamp, not a wire field). */
export function tokenSetOf(
  tokens: OAuthTokens,
  now: number,
  defaults: Partial<TokenSet>,
  providerName: string,
): TokenSet {
  const { issuer: _issuer, ...wire } = tokens;
  return tokenSetFromResponse(
    wire as unknown as JsonObject,
    now,
    { refreshToken: defaults.refreshToken, scope: defaults.scope, accountLabel: defaults.accountLabel },
    providerName,
  );
}

/** The loopback port of the kept registration, to reuse it while it is free. */
export function registeredPort(remote: RemoteConfig): number | undefined {
  const uri = remote.registration?.redirectUris[0];
  const url = uri ? URL.parse(uri) : null;
  return url && url.hostname === '127.0.0.1' && url.port ? Number(url.port) : undefined;
}
