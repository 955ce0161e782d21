import { describe, expect, it } from 'vitest';
import { CrashTracker, DEFAULT_RESTART_POLICY } from './backoff';

describe('CrashTracker', () => {
  const noJitter = { ...DEFAULT_RESTART_POLICY, jitter: 0, maxCrashes: 100 };

  it('doubles from 1 s to a 30 s cap', () => {
    const tracker = new CrashTracker(noJitter);
    const delays = Array.from({ length: 8 }, (_, i) => {
      const decision = tracker.onCrash(i * 1000, null);
      return decision.action === 'retry' ? decision.delayMs : -1;
    });
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('keeps jitter within ±20% and never past the cap', () => {
    for (const random of [0, 0.5, 0.999]) {
      const tracker = new CrashTracker(DEFAULT_RESTART_POLICY, () => random);
      const first = tracker.onCrash(0, null);
      expect(first.action === 'retry' && first.delayMs).toBeGreaterThanOrEqual(800);
      expect(first.action === 'retry' && first.delayMs).toBeLessThanOrEqual(1200);
    }
  });

  it('starts again from 1 s after 30 s of healthy uptime', () => {
    const tracker = new CrashTracker(noJitter);
    tracker.onCrash(0, null);
    tracker.onCrash(1000, null);
    expect(tracker.onCrash(40_000, 5000)).toMatchObject({ action: 'retry', delayMs: 1000 });
  });

  it('gives up on the 5th crash within 60 s, but not when they are spread out', () => {
    const tracker = new CrashTracker({ ...DEFAULT_RESTART_POLICY, jitter: 0 });
    const actions = [0, 1000, 2000, 3000, 4000].map((t) => tracker.onCrash(t, null).action);
    expect(actions).toEqual(['retry', 'retry', 'retry', 'retry', 'give-up']);
    const spread = new CrashTracker({ ...DEFAULT_RESTART_POLICY, jitter: 0 });
    const spreadActions = [0, 20_000, 40_000, 60_000, 80_000].map((t) => spread.onCrash(t, t - 5000).action);
    expect(spreadActions).not.toContain('give-up');
  });
});

describe('CrashTracker: servers that never start', () => {
  it('gives up after 5 failed starts in a row even when they are slow (a 60 s init timeout)', () => {
    const tracker = new CrashTracker({ ...DEFAULT_RESTART_POLICY, jitter: 0 });
    const actions = [0, 70_000, 140_000, 210_000, 280_000].map((t) => tracker.onCrash(t, null));
    expect(actions.map((a) => a.action)).toEqual(['retry', 'retry', 'retry', 'retry', 'give-up']);
    expect(actions[4]).toEqual({ action: 'give-up', why: 'never-started' });
  });

  it('a start that got to running resets the count', () => {
    const tracker = new CrashTracker({ ...DEFAULT_RESTART_POLICY, jitter: 0 });
    [0, 70_000, 140_000, 210_000].forEach((t) => tracker.onCrash(t, null));
    expect(tracker.onCrash(300_000, 290_000).action).toBe('retry');
    expect(tracker.onCrash(370_000, null).action).toBe('retry');
  });
});
