import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { assertSafeEndpoint } from './auth-config';
import { providerError, ReauthRequiredError } from './oauth-errors';
import type { Fetch } from './oauth-http';
import { postForm } from './oauth-http';
import type { CancelTimer, Timers } from './timers';
import { MAX_TIMER_MS } from './timers';
import type { TokenSet } from './token-set';
import { tokenSetFromResponse } from './token-set';

/** Errors meaning the refresh token is dead: `invalid_grant` (RFC 6749 §5.2), GitHub's own name. */
const DEAD_REFRESH_TOKEN = new Set(['invalid_grant', 'bad_refresh_token']);

/** Where and as whom to refresh. */
export interface RefreshOptions {
  tokenEndpoint: string;
  clientId: string;
  /** Not a secret in a desktop app (RFC 8252 §8.5). */
  clientSecret?: string;
  resource?: string;
  providerName?: string;
}

/** The refresh_token grant (RFC 6749 §6). */
export class TokenRefresher {
  constructor(private readonly deps: { clock: Clock; logger: Logger; fetch: Fetch }) {}

  /**
   * Returns the new set. A provider that does not rotate sends no refresh token, so the old one
   * is kept. A dead refresh token throws `ReauthRequiredError`.
   */
  async refresh(current: TokenSet, options: RefreshOptions): Promise<TokenSet> {
    assertSafeEndpoint(options.tokenEndpoint, 'tokenEndpoint');
    const providerName = options.providerName ?? new URL(options.tokenEndpoint).hostname;
    if (!current.refreshToken) throw new ReauthRequiredError(providerName);
    const answer = await postForm(
      this.deps.fetch,
      options.tokenEndpoint,
      {
        grant_type: 'refresh_token',
        refresh_token: current.refreshToken,
        client_id: options.clientId,
        client_secret: options.clientSecret,
        resource: options.resource,
      },
      providerName,
    );
    if (!answer.ok) {
      this.deps.logger.info('token refresh refused', { provider: providerName, error: answer.error });
      if (DEAD_REFRESH_TOKEN.has(answer.error)) throw new ReauthRequiredError(providerName);
      throw providerError(answer.error, answer.description, providerName);
    }
    const defaults = {
      refreshToken: current.refreshToken,
      scope: current.scope,
      accountLabel: current.accountLabel,
    };
    const tokens = tokenSetFromResponse(answer.body, this.deps.clock.now(), defaults, providerName);
    this.deps.logger.info('tokens refreshed', {
      provider: providerName,
      rotated: tokens.refreshToken !== current.refreshToken,
    });
    return tokens;
  }
}

/** Refresh once 80% of the lifetime has passed: early enough to retry, late enough to be rare. */
const REFRESH_AT = 0.8;
const MIN_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/** Services of a `RefreshScheduler`. */
export interface RefreshSchedulerDeps {
  clock: Clock;
  timers: Timers;
  logger: Logger;
}

/**
 * Keeps one instance's access token fresh. `refresh` must perform the refresh AND persist the
 * result before resolving; it may return the token set or just its metadata (`expiresAt`). Concurrent requests share one refresh, because a rotating provider
 * would treat a second use of the same refresh token as theft and revoke the whole grant.
 */
export class RefreshScheduler<T extends { expiresAt?: number } = TokenSet> {
  private inflight: Promise<T> | null = null;
  private cancelTimer: CancelTimer | null = null;
  private targetAt: number | null = null;
  private retryMs = 0;
  private stopped = false;

  constructor(
    private readonly deps: RefreshSchedulerDeps,
    private readonly refresh: () => Promise<T>,
    /** Told about every failed scheduled refresh; `ReauthRequiredError` means needs-auth. */
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  /** Plans the next refresh for a token expiring at `expiresAt` (none when unknown). */
  schedule(expiresAt: number | undefined): void {
    this.stopped = false;
    this.clearTimer();
    if (expiresAt === undefined) return;
    const now = this.deps.clock.now();
    this.arm(now + Math.max(0, expiresAt - now) * REFRESH_AT);
  }

  /** When the next refresh is due (epoch ms), or null. */
  get nextRefreshAt(): number | null {
    return this.cancelTimer ? this.targetAt : null;
  }

  /** Refreshes now (e.g. the server answered 401); joins a refresh already running. */
  refreshNow(): Promise<T> {
    if (this.inflight) return this.inflight;
    this.clearTimer();
    const run = Promise.resolve()
      .then(() => this.refresh())
      .then(
        (tokens) => {
          this.retryMs = 0;
          if (!this.stopped) this.schedule(tokens.expiresAt);
          return tokens;
        },
        (error: unknown) => {
          this.onError(error as Error);
          if (!(error instanceof ReauthRequiredError) && !this.stopped) {
            this.retryMs = Math.min(Math.max(this.retryMs * 2, MIN_RETRY_MS), MAX_RETRY_MS);
            this.deps.logger.warn('token refresh failed; will retry', { inMs: this.retryMs });
            this.arm(this.deps.clock.now() + this.retryMs);
          }
          throw error;
        },
      )
      .finally(() => {
        if (this.inflight === run) this.inflight = null;
      });
    this.inflight = run;
    return run;
  }

  /** Cancels the plan; a refresh already running still finishes. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private arm(targetAt: number): void {
    this.clearTimer();
    this.targetAt = targetAt;
    const delay = Math.max(0, targetAt - this.deps.clock.now());
    // Long lifetimes exceed what a timer can wait; wake up early and re-check against the clock.
    this.cancelTimer = this.deps.timers.after(Math.min(delay, MAX_TIMER_MS), () => {
      this.cancelTimer = null;
      if (this.deps.clock.now() < targetAt) return this.arm(targetAt);
      void this.refreshNow().catch(() => undefined);
    });
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
