/** Cancels a timer started by `Timers.after`; calling it twice is harmless. */
export type CancelTimer = () => void;

/** Timer source, injected so tests can run polling and refresh schedules without real waiting. */
export interface Timers {
  after(ms: number, callback: () => void): CancelTimer;
}

/** The largest delay `setTimeout` honours; longer ones fire at once, so callers re-arm instead. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Real timers. */
export const systemTimers: Timers = {
  after(ms, callback) {
    const timer = setTimeout(callback, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  },
};
