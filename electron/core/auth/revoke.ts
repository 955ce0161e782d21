import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import { assertSafeEndpoint } from './auth-config';
import type { Fetch } from './oauth-http';
import { postForm } from './oauth-http';
import type { TokenSet } from './token-set';

/** Where to revoke and as which client. */
export interface RevokeOptions {
  /** Without one there is nothing to call; the caller still forgets the tokens locally. */
  revocationEndpoint?: string;
  clientId: string;
  /** Not a secret in a desktop app (RFC 8252 §8.5). */
  clientSecret?: string;
  providerName?: string;
}

/** `unsupported`: the provider has no revocation endpoint. */
export type RevokeOutcome = 'revoked' | 'unsupported';

/** Token revocation (RFC 7009), used on sign-out. */
export class TokenRevoker {
  constructor(private readonly deps: { fetch: Fetch; logger: Logger }) {}

  /**
   * Revokes the refresh token first, which ends the whole grant at most providers (RFC 7009
   * §2.1), then the access token. Throws a `UserFacingError` when the provider refuses; callers
   * clear the local tokens either way.
   */
  async revoke(tokens: TokenSet, options: RevokeOptions): Promise<RevokeOutcome> {
    if (!options.revocationEndpoint) return 'unsupported';
    assertSafeEndpoint(options.revocationEndpoint, 'revocationEndpoint');
    const providerName = options.providerName ?? new URL(options.revocationEndpoint).hostname;
    const attempts: Array<[string, string | undefined]> = [
      ['refresh_token', tokens.refreshToken],
      ['access_token', tokens.accessToken],
    ];
    for (const [hint, token] of attempts) {
      if (!token) continue;
      const answer = await postForm(
        this.deps.fetch,
        options.revocationEndpoint,
        { token, token_type_hint: hint, client_id: options.clientId, client_secret: options.clientSecret },
        providerName,
        true,
      );
      // A provider may revoke only refresh tokens (RFC 7009 §2.2.1); that is not a failure.
      if (answer.ok || answer.error === 'unsupported_token_type') continue;
      this.deps.logger.warn('token revocation refused', { provider: providerName, error: answer.error });
      throw new UserFacingError(
        'revoke-failed',
        `${providerName} did not confirm that MCP Tray's access was withdrawn (${answer.error}). ` +
          `To be sure, remove MCP Tray's access in your ${providerName} account settings.`,
      );
    }
    this.deps.logger.info('tokens revoked', { provider: providerName });
    return 'revoked';
  }
}
