import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import type { Fetch, JsonObject } from './oauth-http';
import { getJson, numberField, stringField } from './oauth-http';

/** What a sign-in yields. `accessToken`, `refreshToken` and `idToken` are secrets. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds; absent when the provider did not say (GitHub OAuth apps: never expires). */
  expiresAt?: number;
  scope?: string[];
  tokenType: string;
  idToken?: string;
  /** Who signed in, for the UI ("Signed in as ada@example.com"); not a secret. */
  accountLabel?: string;
}

/** Splits a granted scope; RFC 6749 uses spaces, GitHub uses commas. */
export function parseScope(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(/[\s,]+/).filter(Boolean);
}

/**
 * Reads the claims of an ID token WITHOUT checking its signature. That is acceptable only
 * because the token came straight from the token endpoint over TLS (OpenID Core §3.1.3.7) and is
 * used for nothing but a display label; never use these claims to make a security decision.
 */
function unverifiedIdTokenClaims(idToken: string): JsonObject | null {
  const payload = idToken.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as JsonObject) : null;
  } catch {
    return null;
  }
}

/** The friendliest name for an account in OpenID claims or a userinfo-like document. */
export function accountLabelFrom(claims: JsonObject): string | undefined {
  const label = ['email', 'preferred_username', 'login', 'name']
    .map((key) => stringField(claims, key))
    .find(Boolean);
  return label?.slice(0, 200);
}

/** What to keep from the previous set when the provider leaves a field out (refresh). */
export interface TokenDefaults {
  refreshToken?: string;
  scope?: string[];
  accountLabel?: string;
}

/** Builds a `TokenSet` from a successful token response (RFC 6749 §5.1). */
export function tokenSetFromResponse(
  body: JsonObject,
  now: number,
  defaults: TokenDefaults,
  providerName: string,
): TokenSet {
  const accessToken = stringField(body, 'access_token');
  if (!accessToken) {
    throw new UserFacingError(
      'provider-error',
      `${providerName} finished the sign-in but sent no access token. Please try again.`,
    );
  }
  const expiresIn = numberField(body, 'expires_in');
  const tokenType = stringField(body, 'token_type') ?? 'Bearer';
  const idToken = stringField(body, 'id_token');
  const claims = idToken ? unverifiedIdTokenClaims(idToken) : null;
  const tokens: TokenSet = {
    accessToken,
    // Token types are case-insensitive (RFC 6749 §5.1); GitHub says "bearer".
    tokenType: tokenType.toLowerCase() === 'bearer' ? 'Bearer' : tokenType,
  };
  const refreshToken = stringField(body, 'refresh_token') ?? defaults.refreshToken;
  if (refreshToken) tokens.refreshToken = refreshToken;
  if (expiresIn !== undefined && expiresIn > 0) tokens.expiresAt = now + expiresIn * 1000;
  const scope = parseScope(stringField(body, 'scope')) ?? defaults.scope;
  if (scope) tokens.scope = scope;
  if (idToken) tokens.idToken = idToken;
  const accountLabel = (claims && accountLabelFrom(claims)) ?? defaults.accountLabel;
  if (accountLabel) tokens.accountLabel = accountLabel;
  return tokens;
}

/**
 * Asks the userinfo endpoint who signed in. Only a label depends on it, so any failure is logged
 * and ignored rather than failing a sign-in that already succeeded.
 */
export async function lookUpAccountLabel(
  fetch: Fetch,
  userinfoEndpoint: string,
  accessToken: string,
  providerName: string,
  logger: Logger,
): Promise<string | undefined> {
  try {
    const info = await getJson(fetch, userinfoEndpoint, providerName, accessToken);
    return info ? accountLabelFrom(info) : undefined;
  } catch (error) {
    logger.warn('userinfo lookup failed', { error: (error as Error).message });
    return undefined;
  }
}
