import { describe, expect, it } from 'vitest';
import type { ProcessRow } from './process-table';
import { newlyRecorded, updateRecord } from './tracker';

const row = (pid: number, ppid: number, start = `t${pid}`, marked = false): ProcessRow => ({
  pid,
  ppid,
  pgid: pid,
  start,
  marked,
});
const SELF = 900;

describe('updateRecord', () => {
  it('records a watched server and all its descendants, not its neighbours', () => {
    const table = [row(1, 0), row(10, 1), row(11, 10), row(12, 11), row(20, 1), row(21, 20)];
    expect(updateRecord(new Map(), table, [10], SELF)).toEqual(
      new Map([
        [10, 't10'],
        [11, 't11'],
        [12, 't12'],
      ]),
    );
  });

  it('keeps a daemon once its parent exited and it was re-parented to init, and finds its children', () => {
    const before = updateRecord(new Map(), [row(1, 0), row(10, 1), row(11, 10), row(12, 11)], [10], SELF);
    // 11 (the middle of a double fork) exited; 12 now hangs off init and started 13.
    const after = updateRecord(before, [row(1, 0), row(10, 1), row(12, 1), row(13, 12)], [10], SELF);
    expect([...after.keys()].sort()).toEqual([10, 12, 13]);
    expect(newlyRecorded(before, after)).toEqual([13]);
  });

  it('drops a pid that now belongs to another process (another start time), and never follows it', () => {
    const before = new Map([
      [10, 't10'],
      [12, 't12'],
    ]);
    const table = [row(1, 0), row(10, 1), row(12, 1, 'reused'), row(14, 12)];
    expect(updateRecord(before, table, [10], SELF)).toEqual(new Map([[10, 't10']]));
  });

  it('does not take a watched server pid that was reused after the server was recorded', () => {
    const before = new Map([[10, 't10']]);
    expect(updateRecord(before, [row(10, 1, 'other'), row(11, 10)], [10], SELF)).toEqual(new Map());
  });

  it('adds processes carrying the run marker and their children, but never init or itself', () => {
    const table = [row(1, 0, 't1', true), row(30, 1, 't30', true), row(31, 30), row(SELF, 1, 'me', true)];
    expect([...updateRecord(new Map(), table, [], SELF).keys()].sort()).toEqual([30, 31]);
  });

  it('survives a cycle that pid reuse between reads could fake', () => {
    const table = [row(10, 11), row(11, 10)];
    expect([...updateRecord(new Map(), table, [10], SELF).keys()].sort()).toEqual([10, 11]);
  });
});
