import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { newCall, openLog } from '../../../test/core/calllog/test-calls';

const aTurn = () => new Promise((resolve) => setImmediate(resolve));
const lines = (dir: string) =>
  fs
    .readdirSync(dir)
    .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter(Boolean);

describe('ToolCallLog.appendLater', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the calls of 5 ms together, and only then tells of them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = tempDir();
    const log = openLog(dir);
    const told: string[] = [];
    const tell = (record: { tool: string }) => told.push(`${record.tool} ${lines(dir).length}`);
    log.appendLater(newCall({ tool: 'a' }), tell);
    await aTurn();
    vi.advanceTimersByTime(4);
    log.appendLater(newCall({ tool: 'b' }), tell);
    await aTurn();
    expect(lines(dir)).toHaveLength(0);
    expect(told).toEqual([]);
    vi.advanceTimersByTime(1);
    // Both on disk before the first is told of: one write for the two.
    expect(told).toEqual(['a 2', 'b 2']);
    log.appendLater(newCall({ tool: 'c' }), tell);
    await aTurn();
    vi.advanceTimersByTime(5);
    expect(told).toEqual(['a 2', 'b 2', 'c 3']);
  });

  it('misses no queued call in a query or a close', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = tempDir();
    const log = openLog(dir);
    const told: number[] = [];
    for (let i = 0; i < 3; i++) log.appendLater(newCall(), (record) => told.push(record.id));
    expect(log.query({}).records.map((record) => record.id)).toEqual([3, 2, 1]);
    expect(told).toEqual([1, 2, 3]);
    log.appendLater(newCall(), (record) => told.push(record.id));
    log.close();
    expect(told).toEqual([1, 2, 3, 4]);
    expect(lines(dir)).toHaveLength(4);
    // Nothing is left for the timer to write.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('writes at once when many calls are waiting', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = tempDir();
    const log = openLog(dir);
    for (let i = 0; i < 256; i++) log.appendLater(newCall(), () => undefined);
    await aTurn();
    expect(lines(dir)).toHaveLength(256);
    expect(vi.getTimerCount()).toBe(0);
  });
});
