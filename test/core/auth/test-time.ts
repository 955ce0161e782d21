import type { Clock } from '../../../electron/core/platform/clock';
import type { CancelTimer, Timers } from '../../../electron/core/auth/timers';

interface Pending {
  at: number;
  callback: () => void;
}

/**
 * Test helper: a clock and timers that move only when told. With `autoAdvance`, each timer
 * fires on the next turn of the event loop and the clock jumps to its due time, so a flow that
 * polls every 5 s runs in microseconds while still seeing 5 s pass.
 */
export class FakeTime implements Clock, Timers {
  /** Every delay asked for, in order (to check polling intervals). */
  readonly requested: number[] = [];
  private current: number;
  private readonly pending = new Set<Pending>();

  constructor(
    start = Date.UTC(2030, 0, 1),
    private readonly autoAdvance = false,
  ) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  after(ms: number, callback: () => void): CancelTimer {
    this.requested.push(ms);
    const timer: Pending = { at: this.current + ms, callback };
    this.pending.add(timer);
    if (this.autoAdvance) setImmediate(() => this.pending.has(timer) && this.advanceTo(timer.at));
    return () => void this.pending.delete(timer);
  }

  /** Moves the clock forward, firing due timers in order. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** How many timers are waiting. */
  get waiting(): number {
    return this.pending.size;
  }

  private advanceTo(target: number): void {
    for (;;) {
      const due = [...this.pending].filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending.delete(due);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = Math.max(this.current, target);
  }
}
