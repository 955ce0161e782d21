import { ReauthRequiredError } from '../auth/oauth-errors';
import type { Timers } from '../auth/timers';
import type { TokenMetadata } from '../auth/token-store';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { AccountMetadata, InstanceConfig } from '../settings/settings-schema';

/** Refresh at this share of the token's lifetime. */
const REFRESH_AT = 0.8;
/** After a refresh that failed for a passing reason (network), try again this much later. */
const RETRY_MS = 30_000;

export interface AccountRefreshDeps {
  instance: (id: string) => InstanceConfig;
  update: (id: string, patch: Partial<InstanceConfig>) => void;
  /** Whether the instance signs in at all (else there is nothing to refresh). */
  refreshable: (instance: InstanceConfig) => boolean;
  /** New tokens from the instance's provider; `ReauthRequiredError` when that is refused. */
  fetchTokens: (instance: InstanceConfig) => Promise<TokenMetadata>;
  /** After a scheduled refresh: what the server needs to see the new token (a restart, or nothing). */
  afterRefresh: (instance: InstanceConfig) => Promise<void>;
  needsAuth: (id: string, reason: string) => Promise<void>;
  clock: Clock;
  timers: Timers;
  logger: Logger;
}

/**
 * Token refresh for every signed-in instance, in one place: ahead of expiry on a timer, and on
 * demand (a server's 401). Concurrent callers share one refresh per instance, because with
 * rotating refresh tokens a second one would spend a token already used up.
 */
export class AccountRefresh {
  private readonly timers = new Map<string, () => void>();
  private readonly running = new Map<string, Promise<AccountMetadata>>();

  constructor(private readonly deps: AccountRefreshDeps) {}

  /** Arms the timer for the instance's current token (replacing the previous one). */
  schedule(instance: InstanceConfig): void {
    const account = instance.account;
    this.stop(instance.id);
    if (!account?.expiresAt || !account.hasRefreshToken || account.manual) return;
    const now = this.deps.clock.now();
    const signedAt = account.signedInAt ? Date.parse(account.signedInAt) : now;
    const lifetime = Math.max(0, account.expiresAt - signedAt);
    const at = signedAt + lifetime * REFRESH_AT;
    this.timers.set(
      instance.id,
      this.deps.timers.after(Math.max(0, at - now), () => void this.refresh(instance.id)),
    );
  }

  stop(id: string): void {
    this.timers.get(id)?.();
    this.timers.delete(id);
  }

  stopAll(): void {
    for (const id of [...this.timers.keys()]) this.stop(id);
  }

  /** Refreshes now: same path as the scheduled refresh. */
  now(id: string): Promise<void> {
    this.stop(id);
    return this.refresh(id);
  }

  /** New tokens saved in the instance's account; concurrent callers share one refresh. */
  tokens(id: string): Promise<AccountMetadata> {
    const running = this.running.get(id);
    if (running) return running;
    const work = (async () => {
      const metadata = await this.deps.fetchTokens(this.deps.instance(id));
      const account = { ...metadata, signedInAt: new Date(this.deps.clock.now()).toISOString() };
      this.deps.update(id, { account });
      this.deps.logger.info('token refreshed', { id });
      this.schedule(this.deps.instance(id));
      return account;
    })().finally(() => this.running.delete(id));
    this.running.set(id, work);
    return work;
  }

  private async refresh(id: string): Promise<void> {
    const instance = this.deps.instance(id);
    if (!this.deps.refreshable(instance) || !instance.account) return;
    try {
      await this.tokens(id);
      await this.deps.afterRefresh(instance);
    } catch (error) {
      if (error instanceof ReauthRequiredError) {
        this.deps.logger.warn('refresh refused; sign-in needed', { id });
        await this.deps.needsAuth(id, error.message);
        return;
      }
      this.deps.logger.error('refresh failed; will retry', { id, error: String(error) });
      this.timers.set(
        id,
        this.deps.timers.after(RETRY_MS, () => void this.refresh(id)),
      );
    }
  }
}
