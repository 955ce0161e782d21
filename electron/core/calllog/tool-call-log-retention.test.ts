import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { segmentName } from './segment-files';
import { ManualClock, newCall, openLog, T0 } from '../../../test/core/calllog/test-calls';
import type { ToolCallLog } from './tool-call-log';

const DAY = 24 * 60 * 60 * 1000;
const ids = (log: ToolCallLog) => log.query({ limit: 1000 }).records.map((r) => r.id);
const segments = (dir: string) => fs.readdirSync(dir).sort();
const diskBytes = (dir: string) =>
  segments(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
const firstIds = (dir: string) => segments(dir).map((name) => Number(/calls-(\d+)\.jsonl/.exec(name)![1]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => to - i);

describe('ToolCallLog retention', () => {
  it('drops records older than maxAgeMs, and their segments once none is left', () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const log = openLog(dir, { clock, maxAgeMs: 10 * DAY, segmentBytes: 1000 });
    for (let day = 0; day < 20; day++) {
      clock.time = T0 + day * DAY;
      log.append(newCall({ time: clock.time }));
    }
    // At day 19 the cut-off is day 9: days 9…19 are kept.
    expect(ids(log)).toEqual(range(10, 20));
    // The first segment holds id 10; every older one is gone.
    const [first, second] = firstIds(dir);
    expect(first).toBeLessThanOrEqual(10);
    expect(second).toBeGreaterThan(10);
    clock.time += 5 * DAY;
    // A query applies the cut-off too: a log nobody appends to still forgets.
    expect(ids(log)).toEqual(range(15, 20));
    clock.time += 30 * DAY;
    expect(log.query({})).toEqual({ records: [], total: 0, hasMore: false });
    expect(log.size).toBe(0);
    // The segment being written stays, so ids carry on after a reopen.
    expect(segments(dir)).toHaveLength(1);
    log.close();
    const reopened = openLog(dir, { clock, maxAgeMs: 10 * DAY });
    expect(reopened.size).toBe(0);
    expect(reopened.append(newCall({ time: clock.time })).id).toBe(21);
  });

  it('applies the age limit to what it loads at open', () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const log = openLog(dir, { clock });
    for (let day = 0; day < 5; day++) log.append(newCall({ time: T0 + day * DAY }));
    log.close();
    clock.time = T0 + 32 * DAY;
    expect(ids(openLog(dir, { clock }))).toEqual([5, 4, 3]);
  });

  it('deletes the oldest whole segments while the folder is over maxBytes', () => {
    const dir = tempDir();
    const log = openLog(dir, { maxBytes: 3000, segmentBytes: 1000 });
    const line = Buffer.byteLength(JSON.stringify(log.append(newCall()))) + 1;
    for (let i = 0; i < 200; i++) log.append(newCall({ arguments: { i } }));
    expect(diskBytes(dir)).toBeLessThanOrEqual(3000);
    expect(diskBytes(dir)).toBeGreaterThan(3000 - 2 * 1000);
    const kept = ids(log);
    // Newest first, contiguous, ending at the last id; as many as fit on disk.
    expect(kept).toEqual(range(kept.at(-1)!, 201));
    expect(kept.length).toBeGreaterThan((3000 - 2 * 1000) / (line + 10));
    // Every retained record is still on disk: what survives a reopen is what was shown.
    log.close();
    expect(ids(openLog(dir, { maxBytes: 3000, segmentBytes: 1000 }))).toEqual(kept);
  });

  it('keeps at most maxRecords, newest, deleting segments they all left', () => {
    const dir = tempDir();
    const log = openLog(dir, { maxRecords: 10, segmentBytes: 1000 });
    for (let i = 0; i < 100; i++) log.append(newCall());
    expect(log.size).toBe(10);
    expect(ids(log)).toEqual(range(91, 100));
    expect(log.query({ limit: 3 })).toMatchObject({ total: 10, hasMore: true });
    const [first, second] = firstIds(dir);
    expect(first).toBeLessThanOrEqual(91);
    expect(second).toBeGreaterThan(91);
  });

  it('names segments so that sorting names sorts them oldest first', () => {
    const dir = tempDir();
    const log = openLog(dir, { segmentBytes: 250 });
    for (let i = 0; i < 12; i++) log.append(newCall());
    const names = segments(dir);
    expect(names.length).toBeGreaterThan(3);
    expect(names[0]).toBe(segmentName(1));
    expect(names[0]).toBe('calls-000000000001.jsonl');
    const starts = firstIds(dir);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const [i, name] of names.entries()) {
      const lines = fs.readFileSync(path.join(dir, name), 'utf8').trim().split('\n');
      expect((JSON.parse(lines[0]!) as { id: number }).id).toBe(starts[i]);
    }
  });
});
