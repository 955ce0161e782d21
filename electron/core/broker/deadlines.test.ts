import { describe, expect, it } from 'vitest';
import { systemClock } from '../platform/clock';
import { Deadlines } from './deadlines';

/** Resolves once `key` expires. */
const expiry = (deadlines: Deadlines<string>, key: string, ms: number, expired: string[]) =>
  new Promise<void>((resolve) =>
    deadlines.add(key, ms, () => {
      expired.push(key);
      resolve();
    }),
  );

describe('Deadlines (one timer for a session’s calls)', () => {
  it('expires what is due, in deadline order, and never what was deleted', async () => {
    const deadlines = new Deadlines<string>(() => systemClock.now());
    const expired: string[] = [];
    void expiry(deadlines, 'gone', 5, expired);
    const late = expiry(deadlines, 'late', 40, expired);
    const early = expiry(deadlines, 'early', 10, expired);
    deadlines.delete('gone');
    await Promise.all([early, late]);
    expect(expired).toEqual(['early', 'late']);
  });

  it('moves a refreshed deadline: a later call expires first', async () => {
    const deadlines = new Deadlines<string>(() => systemClock.now());
    const expired: string[] = [];
    const kept = expiry(deadlines, 'kept alive', 10, expired);
    deadlines.refresh('kept alive', 60_000);
    await expiry(deadlines, 'plain', 30, expired);
    expect(expired).toEqual(['plain']);
    deadlines.refresh('kept alive', 1);
    await kept;
    expect(expired).toEqual(['plain', 'kept alive']);
  });
});
