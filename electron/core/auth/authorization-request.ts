import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { RESERVED_AUTHORIZATION_PARAMS } from './auth-config';

/** PKCE pair (RFC 7636): the verifier stays here, only its S256 challenge goes to the browser. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

/** 32 random bytes = 256 bits, base64url: 43 characters, within RFC 7636's 43–128. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

/** S256 code challenge of a verifier. */
function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** A fresh `state`: 256 random bits, far above the 128 needed to be unguessable. */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a received `state` with ours without leaking through timing how much matched. */
export function stateMatches(expected: string, received: string | null): boolean {
  if (received === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Inputs of an authorization request (RFC 6749 §4.1.1 + RFC 7636 + RFC 8707). */
export interface AuthorizationRequest {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  codeChallenge: string;
  extraParams?: Record<string, string>;
  resource?: string;
}

/**
 * The URL the browser opens. Extra parameters come first and the protocol ones are set after
 * them, so a manifest can never replace `state`, the challenge or the redirect URI.
 */
export function buildAuthorizationUrl(request: AuthorizationRequest): string {
  const url = new URL(request.authorizationEndpoint);
  for (const [key, value] of Object.entries(request.extraParams ?? {})) {
    if (!RESERVED_AUTHORIZATION_PARAMS.has(key)) url.searchParams.set(key, value);
  }
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  if (request.scopes.length > 0) url.searchParams.set('scope', request.scopes.join(' '));
  else url.searchParams.delete('scope');
  url.searchParams.set('state', request.state);
  url.searchParams.set('code_challenge', request.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (request.resource) url.searchParams.set('resource', request.resource);
  else url.searchParams.delete('resource');
  return url.toString();
}
