import { OAuthError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { providerError } from '../auth/oauth-errors';
import type { JsonObject } from '../auth/oauth-http';
import type { TokenSet } from '../auth/token-set';
import { tokenSetFromResponse } from '../auth/token-set';
import { UserFacingError } from '../rpc/errors';
import type { RemoteConfig } from '../settings/settings-schema';

/**
 * A failure of the SDK's `auth()` in words for the user. Ours (a refused S256 check) pass as
 * they are; OAuth error answers get the sign-in's usual wording; the SDK's own errors are
 * recognised by their text (it has no error classes for them) and cut short.
 */
export function inWords(error: unknown, id: string, providerName: string): UserFacingError {
  if (error instanceof UserFacingError) return error;
  if (error instanceof OAuthError) return providerError(error.errorCode, error.message, providerName);
  const message = ((error as Error).message ?? String(error)).slice(0, 300);
  if (/does not support dynamic client registration/i.test(message)) {
    return new UserFacingError(
      'needs-client-id',
      `${providerName} does not let apps register themselves, so MCP Tray needs a client ID that you ` +
        `create at ${providerName}. Enter it in the account card, or run: mcp-tray auth ${id} --client-id <id>`,
    );
  }
  if (/^Protected resource .* does not match/i.test(message)) {
    return new UserFacingError(
      'sign-in-unsupported',
      `${providerName} names another server as the one its sign-in is for (${message.slice(19, 200)}), ` +
        'so MCP Tray will not sign in.',
    );
  }
  return new UserFacingError('sign-in-failed', `Could not sign in to ${providerName}: ${message}`);
}

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
