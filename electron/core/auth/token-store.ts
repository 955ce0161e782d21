import type { Logger } from '../platform/logger';
import type { SecretStore } from '../secrets/secret-store';
import { KeychainUnavailableError, secretAccount } from '../secrets/secret-store';
import type { TokenSet } from './token-set';

/** Keychain field of an instance's access token (`secretAccount(id, ACCESS_TOKEN_FIELD)`). */
export const ACCESS_TOKEN_FIELD = 'oauth.access';
/** Keychain field of an instance's refresh token. */
export const REFRESH_TOKEN_FIELD = 'oauth.refresh';
/** Keychain field of the secret of a user's own OAuth client. */
export const CLIENT_SECRET_FIELD = 'oauth.client_secret';

/** The non-secret part of a sign-in, for the caller to keep in settings. */
export interface TokenMetadata {
  tokenType: string;
  expiresAt?: number;
  scope?: string[];
  accountLabel?: string;
  /** Whether a refresh token is in the keychain, i.e. whether expiry can be healed silently. */
  hasRefreshToken: boolean;
}

/**
 * Keeps sign-ins: tokens in the keychain, everything else handed back as metadata. The ID token
 * is not kept: it only served to find the account label, and stored it would be one more
 * credential to leak.
 */
export class TokenStore {
  constructor(
    private readonly secrets: SecretStore,
    private readonly logger: Logger,
  ) {}

  /**
   * Fails when the keychain cannot be used. Call it BEFORE a browser opens: finding out after
   * the person approved access would throw their sign-in away.
   */
  async probe(): Promise<void> {
    const status = await this.secrets.status();
    if (!status.available) {
      throw new KeychainUnavailableError(
        `Signing in needs the system keychain, where MCP Tray keeps sign-ins safe. ${status.detail}`,
      );
    }
  }

  /** Stores `tokens` for an instance (replacing what was there) and returns their metadata. */
  async save(instanceId: string, tokens: TokenSet): Promise<TokenMetadata> {
    const access = secretAccount(instanceId, ACCESS_TOKEN_FIELD);
    const refresh = secretAccount(instanceId, REFRESH_TOKEN_FIELD);
    // Order matters with rotating providers, where the previous refresh token is already dead.
    // The refresh token is written FIRST. If that write fails, the keychain is unchanged and the
    // error reaches the caller, who still holds `tokens` and can retry. If the access-token write
    // fails after it, the keychain pairs the NEW refresh token with the OLD access token: at worst
    // a call gets 401, and the next refresh (using the new refresh token) heals it. The reverse
    // order could leave a working access token next to a dead refresh token, and the instance
    // would silently drop to needs-auth when that access token expires.
    if (tokens.refreshToken) await this.secrets.set(refresh, tokens.refreshToken);
    else await this.secrets.delete(refresh);
    await this.secrets.set(access, tokens.accessToken);
    this.logger.debug('tokens saved', { instanceId, refreshToken: Boolean(tokens.refreshToken) });
    return metadataOf(tokens);
  }

  /** The stored sign-in, combined with its metadata from settings; null when there is none. */
  async load(instanceId: string, metadata: TokenMetadata): Promise<TokenSet | null> {
    const accessToken = await this.secrets.get(secretAccount(instanceId, ACCESS_TOKEN_FIELD));
    if (accessToken === null) return null;
    const refreshToken = await this.secrets.get(secretAccount(instanceId, REFRESH_TOKEN_FIELD));
    const tokens: TokenSet = { accessToken, tokenType: metadata.tokenType };
    if (refreshToken !== null) tokens.refreshToken = refreshToken;
    if (metadata.expiresAt !== undefined) tokens.expiresAt = metadata.expiresAt;
    if (metadata.scope) tokens.scope = metadata.scope;
    if (metadata.accountLabel) tokens.accountLabel = metadata.accountLabel;
    return tokens;
  }

  /** Removes the instance's tokens from the keychain (sign-out, instance removed). */
  async clear(instanceId: string): Promise<void> {
    await this.secrets.delete(secretAccount(instanceId, REFRESH_TOKEN_FIELD));
    await this.secrets.delete(secretAccount(instanceId, ACCESS_TOKEN_FIELD));
    this.logger.debug('tokens cleared', { instanceId });
  }
}

/** The non-secret part of a token set. */
function metadataOf(tokens: TokenSet): TokenMetadata {
  const metadata: TokenMetadata = {
    tokenType: tokens.tokenType,
    hasRefreshToken: Boolean(tokens.refreshToken),
  };
  if (tokens.expiresAt !== undefined) metadata.expiresAt = tokens.expiresAt;
  if (tokens.scope) metadata.scope = tokens.scope;
  if (tokens.accountLabel) metadata.accountLabel = tokens.accountLabel;
  return metadata;
}
