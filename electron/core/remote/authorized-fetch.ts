import { extractWWWAuthenticateParams } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { UserFacingError } from '../rpc/errors';
import type { AuthChallenge } from './remote-sign-in';
import { sameOrigin } from './remote-url';

/** What a remote connection needs from the accounts side: one token, refreshed in one place. */
export interface RemoteAuth {
  /** The access token in the keychain, or null when not signed in. */
  token(): Promise<string | null>;
  /**
   * The server refused `sent` (401). Resolves to a token to retry with: the current one when
   * someone refreshed meanwhile, else a refreshed one (one refresh for every caller). Rejects
   * with a needs-auth error when the user must sign in again.
   */
  rejected(sent: string, challenge: AuthChallenge): Promise<string>;
  /** A 401 without a token: remember where the server's metadata is and what scope it wants. */
  challenged(challenge: AuthChallenge): void;
  /** 403 `insufficient_scope`: a new sign-in with more scope is needed; returns why, in words. */
  stepUp(challenge: AuthChallenge): string;
}

/** A refusal the user must fix by signing in (code `needs-auth`) or granting more (`insufficient-scope`). */
export class RemoteAuthError extends UserFacingError {
  constructor(code: 'needs-auth' | 'insufficient-scope', message: string) {
    super(code, message);
    this.name = 'RemoteAuthError';
  }
}

export interface AuthorizedFetchOptions {
  serverUrl: string;
  providerName: string;
  base: FetchLike;
  auth: RemoteAuth;
  /** The token now in use (the runner scrubs it from logged calls). */
  onToken(token: string): void;
  /** A request with a session id got 404: the server forgot the session (it restarted). */
  onSessionLost(): void;
}

function challengeOf(response: Response): AuthChallenge {
  const { resourceMetadataUrl, scope, error } = extractWWWAuthenticateParams(response);
  return { resourceMetadataUrl: resourceMetadataUrl?.href, scope, error };
}

/**
 * The `fetch` the SDK's transports use for one remote server. It adds the bearer token (to that
 * server's origin only: a token never goes to another server), and on 401 asks `RemoteAuth`
 * for a fresh one and retries once.
 *
 * Why not the transports' own `authProvider`: each failing request would run the SDK's
 * `auth()` on its own, so two calls failing together would spend one rotating refresh token
 * twice (the loser drops the sign-in), and a background connection would start browser
 * sign-ins. Here every refresh goes through the accounts service's single-flight refresh, and
 * only the user starts a sign-in.
 *
 * An auth failure is kept in `failure` (the runner reads it when connecting fails); requests
 * other than GET throw it, so the AI client's call fails with words instead of an HTTP dump.
 * GETs (event streams) get the refusal back, which makes the SSE transport fail at once.
 */
export class AuthorizedFetch {
  failure: RemoteAuthError | null = null;
  private current: string | null | undefined;

  constructor(private readonly options: AuthorizedFetchOptions) {}

  readonly fetch: FetchLike = async (input, init) => {
    const { base, serverUrl } = this.options;
    if (!sameOrigin(input, serverUrl)) return base(input, init);
    const sent = await this.token();
    let response = await base(input, withBearer(init, sent));
    if (response.status === 401) {
      const challenge = challengeOf(response);
      const fresh = await this.recover(sent, challenge);
      if (fresh === null) return this.refuse(init, response);
      await response.body?.cancel();
      response = await base(input, withBearer(init, fresh));
      if (response.status === 401) {
        this.failure = new RemoteAuthError(
          'needs-auth',
          `${this.options.providerName} did not accept the sign-in. Open MCP Tray and sign in again.`,
        );
        return this.refuse(init, response);
      }
    }
    if (response.status === 403) {
      const challenge = challengeOf(response);
      if (challenge.error === 'insufficient_scope') {
        this.failure = new RemoteAuthError('insufficient-scope', this.options.auth.stepUp(challenge));
        return this.refuse(init, response);
      }
    }
    if (response.status === 404 && new Headers(init?.headers).has('mcp-session-id')) {
      this.options.onSessionLost();
    }
    return response;
  };

  private async token(): Promise<string | null> {
    if (this.current === undefined) {
      this.current = await this.options.auth.token().catch(() => null);
      if (this.current) this.options.onToken(this.current);
    }
    return this.current;
  }

  /** A token to retry with, or null (then `failure` says why). */
  private async recover(sent: string | null, challenge: AuthChallenge): Promise<string | null> {
    const { auth, providerName } = this.options;
    if (!sent) {
      auth.challenged(challenge);
      this.failure = new RemoteAuthError('needs-auth', `Sign in to ${providerName} to use it.`);
      return null;
    }
    try {
      const fresh = await auth.rejected(sent, challenge);
      this.current = fresh;
      this.options.onToken(fresh);
      return fresh;
    } catch (error) {
      this.failure = new RemoteAuthError(
        'needs-auth',
        error instanceof UserFacingError
          ? error.message
          : `${providerName} needs you to sign in again. Open MCP Tray and sign in.`,
      );
      return null;
    }
  }

  private async refuse(init: RequestInit | undefined, response: Response): Promise<Response> {
    if ((init?.method ?? 'GET').toUpperCase() === 'GET') return response;
    await response.body?.cancel();
    throw this.failure!;
  }
}

function withBearer(init: RequestInit | undefined, token: string | null): RequestInit | undefined {
  if (!token) return init;
  const headers = new Headers(init?.headers);
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}
