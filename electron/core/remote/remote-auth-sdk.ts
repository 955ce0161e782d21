import { OAuthError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { providerError } from '../auth/oauth-errors';
import { UserFacingError } from '../rpc/errors';

// The SDK's OAuth client and its errors, loaded with the first remote sign-in, refresh or
// sign-out rather than with the core (its metadata schemas cost every start; issue 16).
export {
  auth,
  discoverOAuthServerInfo,
  refreshAuthorization,
} from '@modelcontextprotocol/sdk/client/auth.js';
export {
  InvalidClientError,
  InvalidGrantError,
  OAuthError,
  UnauthorizedClientError,
} from '@modelcontextprotocol/sdk/server/auth/errors.js';
export {
  checkResourceAllowed,
  resourceUrlFromServerUrl,
} from '@modelcontextprotocol/sdk/shared/auth-utils.js';

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
