import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Opener } from '../platform/opener';
import { assertOpenableUrl } from '../platform/opener';
import { UserFacingError } from '../rpc/errors';
import { assertFlowEndpoints } from './auth-config';
import { buildAuthorizationUrl, createPkce, createState, stateMatches } from './authorization-request';
import { providerError, SignInCancelledError } from './oauth-errors';
import type { Fetch } from './oauth-http';
import { postForm } from './oauth-http';
import type { ResultPage } from './result-page';
import { REFUSED_PAGE, sendResultPage } from './result-page';
import { closeListener, listenOnLoopback } from './loopback-server';
import type { Timers } from './timers';
import type { TokenSet } from './token-set';
import { lookUpAccountLabel, tokenSetFromResponse } from './token-set';

export { buildAuthorizationUrl } from './authorization-request';

/** How long a browser sign-in may take before the listener is closed. */
const DEFAULT_SIGN_IN_TIMEOUT_MS = 10 * 60_000;

/** Services a sign-in flow needs; all injected so tests use real ones on loopback. */
export interface LoopbackFlowDeps {
  opener: Opener;
  clock: Clock;
  logger: Logger;
  fetch: Fetch;
  timers: Timers;
}

/** One browser sign-in (endpoints already discovered). */
export interface LoopbackFlowOptions {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  userinfoEndpoint?: string;
  /** When set, an `iss` in the callback must equal it (RFC 9207, mix-up defence). */
  issuer?: string;
  clientId: string;
  /** Not a secret in a desktop app (RFC 8252 §8.5); sent only because some providers insist. */
  clientSecret?: string;
  scopes: string[];
  extraAuthorizationParams?: Record<string, string>;
  /** RFC 8707 resource indicator. */
  resource?: string;
  /** Shown to the person, e.g. "GitHub"; defaults to the authorization server's host name. */
  providerName?: string;
  timeoutMs?: number;
  /** Default true; false when the caller shows or opens `authorizationUrl` itself. */
  openBrowser?: boolean;
}

/** An authorization request ready for the browser, with what the callback must match. */
interface PreparedAuthorization {
  authorizationUrl: string;
  /** The `state` the callback must carry back. */
  state: string;
  /** When set, an `iss` in the callback must equal it (RFC 9207). */
  issuer?: string;
}

/**
 * The OAuth half of a browser sign-in: builds the authorization request for the loopback
 * redirect URI (PKCE, state) and trades the code the browser brings back for tokens.
 */
export interface LoopbackGrant {
  prepare(redirectUri: string): Promise<PreparedAuthorization>;
  exchange(code: string, redirectUri: string): Promise<TokenSet>;
}

/** How a browser sign-in presents itself. */
export interface LoopbackDisplay {
  /** Shown to the person, e.g. "Linear". */
  providerName: string;
  timeoutMs?: number;
  openBrowser?: boolean;
  /** A port to listen on if it is free (one registered before); otherwise any free port. */
  port?: number;
}

/** A running browser sign-in. `result` settles once; `cancel()` closes the listener. */
export interface LoopbackFlowHandle {
  authorizationUrl: string;
  redirectUri: string;
  result: Promise<TokenSet>;
  cancel(): void;
}

/**
 * OAuth 2.0 authorization code flow with PKCE for a native app (RFC 8252): the system browser,
 * and a listener on 127.0.0.1 that exists only while this sign-in runs.
 */
export class LoopbackFlow {
  constructor(private readonly deps: LoopbackFlowDeps) {}

  /** Validates the endpoints, opens the listener and then the browser. */
  async start(options: LoopbackFlowOptions): Promise<LoopbackFlowHandle> {
    assertFlowEndpoints(
      [options.authorizationEndpoint, 'authorizationEndpoint'],
      options.tokenEndpoint,
      options.userinfoEndpoint,
    );
    const providerName = options.providerName ?? new URL(options.authorizationEndpoint).hostname;
    const pkce = createPkce();
    const state = createState();
    const grant: LoopbackGrant = {
      prepare: (redirectUri) =>
        Promise.resolve({
          authorizationUrl: buildAuthorizationUrl({
            authorizationEndpoint: options.authorizationEndpoint,
            clientId: options.clientId,
            redirectUri,
            scopes: options.scopes,
            state,
            codeChallenge: pkce.challenge,
            extraParams: options.extraAuthorizationParams,
            resource: options.resource,
          }),
          state,
          issuer: options.issuer,
        }),
      exchange: (code, redirectUri) => this.exchange(options, code, redirectUri, pkce.verifier, providerName),
    };
    return this.startWith(grant, {
      providerName,
      timeoutMs: options.timeoutMs,
      openBrowser: options.openBrowser,
    });
  }

  /**
   * The browser half of a sign-in whose OAuth half is `grant`'s (the MCP SDK's `auth()` for
   * remote servers): the loopback listener, the `state` and `iss` checks, the result page, the
   * timeout and the browser. `prepare` runs once the redirect URI is known.
   */
  async startWith(grant: LoopbackGrant, display: LoopbackDisplay): Promise<LoopbackFlowHandle> {
    const { logger, timers } = this.deps;
    const { providerName } = display;
    let phase: 'waiting' | 'exchanging' | 'done' = 'waiting';
    let settle!: { resolve: (tokens: TokenSet) => void; reject: (error: Error) => void };
    const result = new Promise<TokenSet>((resolve, reject) => (settle = { resolve, reject }));
    // Nobody may be listening yet (e.g. the browser failed to open); the caller still sees the error.
    void result.catch(() => undefined);

    const server = createServer();
    const port = await listenOnLoopback(server, display.port);
    const redirectUri = `http://127.0.0.1:${port}/callback`;
    let prepared: PreparedAuthorization;
    try {
      prepared = await grant.prepare(redirectUri);
    } catch (error) {
      await closeListener(server);
      throw error;
    }
    const { state, issuer } = prepared;
    let cancelTimer = (): void => undefined;
    const finish = (outcome: TokenSet | Error): void => {
      if (phase === 'done') return;
      phase = 'done';
      cancelTimer();
      // Settle only once the port is closed, so "finished" really means nothing is listening.
      void closeListener(server).then(() =>
        outcome instanceof Error ? settle.reject(outcome) : settle.resolve(outcome),
      );
    };

    const onCallback = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method !== 'GET' || url.pathname !== '/callback') {
        response.writeHead(404, { connection: 'close' }).end();
        return;
      }
      const params = url.searchParams;
      // A stray or forged request (wrong state) or a replay must not end the real sign-in.
      if (phase !== 'waiting' || !stateMatches(state, params.get('state'))) {
        logger.warn('refused a sign-in callback', {
          reason: phase === 'waiting' ? 'wrong state' : 'state used',
        });
        sendResultPage(response, 400, REFUSED_PAGE);
        return;
      }
      phase = 'exchanging';
      const reply = (status: number, page: ResultPage, outcome: TokenSet | Error): void => {
        const done = (): void => finish(outcome);
        response.once('close', done);
        sendResultPage(response, status, page, done);
      };
      const iss = params.get('iss');
      if (iss && issuer && iss.replace(/\/+$/, '') !== issuer.replace(/\/+$/, '')) {
        const error = new UserFacingError(
          'sign-in-failed',
          `The answer did not come from ${providerName}, so MCP Tray did not use it. Please sign in again.`,
        );
        reply(400, { kind: 'error', title: 'Sign-in failed', message: error.message }, error);
        return;
      }
      const oauthError = params.get('error');
      if (oauthError) {
        const error = providerError(oauthError, params.get('error_description') ?? undefined, providerName);
        logger.info('sign-in refused by provider', { provider: providerName, error: oauthError });
        const denied = oauthError === 'access_denied';
        const title = denied ? 'Access not granted' : 'Sign-in failed';
        reply(200, { kind: denied ? 'denied' : 'error', title, message: error.message }, error);
        return;
      }
      try {
        const code = params.get('code');
        if (!code) {
          throw new UserFacingError(
            'provider-error',
            `${providerName} sent you back without a sign-in code.`,
          );
        }
        const tokens = await grant.exchange(code, redirectUri);
        logger.info('sign-in finished', { provider: providerName });
        const who = tokens.accountLabel ? ` as ${tokens.accountLabel}` : '';
        const message = `MCP Tray is now connected to ${providerName}${who}.`;
        reply(200, { kind: 'success', title: 'You are signed in', message }, tokens);
      } catch (caught) {
        const error =
          caught instanceof UserFacingError
            ? caught
            : new UserFacingError('sign-in-failed', `Sign-in could not finish: ${(caught as Error).message}`);
        logger.warn('code exchange failed', { provider: providerName, code: error.code });
        reply(200, { kind: 'error', title: 'Sign-in failed', message: error.message }, error);
      }
    };
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void onCallback(request, response);
    });

    const { authorizationUrl } = prepared;
    const timeoutMs = display.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
    cancelTimer = timers.after(timeoutMs, () => {
      logger.info('sign-in timed out', { provider: providerName });
      const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
      const error = new UserFacingError(
        'sign-in-timeout',
        `The sign-in to ${providerName} was not finished within ${minutes} minute${minutes === 1 ? '' : 's'}. ` +
          'Please start it again.',
      );
      finish(error);
    });
    logger.info('sign-in started', { provider: providerName, port });
    if (display.openBrowser !== false) {
      try {
        assertOpenableUrl(authorizationUrl);
        await this.deps.opener.openExternal(authorizationUrl);
      } catch (caught) {
        const error = new UserFacingError(
          'browser-unavailable',
          `Could not open your web browser to sign in to ${providerName}: ${(caught as Error).message}`,
        );
        finish(error);
        await result.catch(() => undefined);
        throw error;
      }
    }
    return { authorizationUrl, redirectUri, result, cancel: () => finish(new SignInCancelledError()) };
  }

  /** Trades the code for tokens (RFC 6749 §4.1.3, RFC 7636 §4.5). */
  private async exchange(
    options: LoopbackFlowOptions,
    code: string,
    redirectUri: string,
    verifier: string,
    providerName: string,
  ): Promise<TokenSet> {
    const { fetch, clock, logger } = this.deps;
    const answer = await postForm(
      fetch,
      options.tokenEndpoint,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
        client_id: options.clientId,
        client_secret: options.clientSecret,
        resource: options.resource,
      },
      providerName,
    );
    if (!answer.ok) throw providerError(answer.error, answer.description, providerName);
    // RFC 6749 §5.1: no `scope` in the answer means the requested scope was granted.
    const requested = options.scopes.length > 0 ? { scope: options.scopes } : {};
    const tokens = tokenSetFromResponse(answer.body, clock.now(), requested, providerName);
    if (!tokens.accountLabel && options.userinfoEndpoint) {
      const label = await lookUpAccountLabel(
        fetch,
        options.userinfoEndpoint,
        tokens.accessToken,
        providerName,
        logger,
      );
      if (label) tokens.accountLabel = label;
    }
    return tokens;
  }
}
