/** Restart policy of the supervisor (issue defaults; tests shrink them). */
export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Fraction of the delay added or removed at random, so many servers don't restart in step. */
  jitter: number;
  /** Healthy uptime after which the delay starts again from the initial one. */
  resetAfterMs: number;
  /** This many crashes within `crashWindowMs` → failed, until the user acts. */
  maxCrashes: number;
  crashWindowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  jitter: 0.2,
  resetAfterMs: 30_000,
  maxCrashes: 5,
  crashWindowMs: 60_000,
};

export type CrashDecision =
  | { action: 'retry'; delayMs: number; attempt: number }
  | { action: 'give-up'; why: 'crash-rate' | 'never-started' };

/** Tracks one instance's crashes and decides the next step. Pure apart from `random`. */
export class CrashTracker {
  private crashes: number[] = [];
  private attempt = 0;
  /** Starts in a row that never got to running: slow failures (a 60 s init timeout) never hit the rate. */
  private failedStarts = 0;

  constructor(
    private readonly policy: RestartPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  /** A crash at `now`; `readySince` is when the instance last became healthy (null: never). */
  onCrash(now: number, readySince: number | null): CrashDecision {
    if (readySince !== null && now - readySince >= this.policy.resetAfterMs) this.attempt = 0;
    this.failedStarts = readySince === null ? this.failedStarts + 1 : 0;
    this.crashes = [...this.crashes.filter((t) => now - t < this.policy.crashWindowMs), now];
    if (this.crashes.length >= this.policy.maxCrashes) return { action: 'give-up', why: 'crash-rate' };
    if (this.failedStarts >= this.policy.maxCrashes) return { action: 'give-up', why: 'never-started' };
    const base = Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** this.attempt);
    const spread = base * this.policy.jitter * (this.random() * 2 - 1);
    this.attempt++;
    return {
      action: 'retry',
      delayMs: Math.round(Math.min(this.policy.maxDelayMs, Math.max(0, base + spread))),
      attempt: this.attempt,
    };
  }

  /** The user restarted or re-enabled: forget the history. */
  reset(): void {
    this.crashes = [];
    this.attempt = 0;
    this.failedStarts = 0;
  }

  get crashCount(): number {
    return this.crashes.length;
  }
}
