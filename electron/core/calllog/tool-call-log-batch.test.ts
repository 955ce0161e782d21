import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { newCall, openLog } from '../../../test/core/calllog/test-calls';

const aTurn = () => new Promise((resolve) => setImmediate(resolve));
const lines = (dir: string) =>
  fs
    .readdirSync(dir)
    .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter(Boolean);

describe('ToolCallLog.appendLater', () => {
  it('writes calls that finish in different turns together, and only then tells of them', async () => {
    const dir = tempDir();
    const log = openLog(dir);
    const events: string[] = [];
    const told = new Promise<void>((resolve) => {
      log.appendLater(newCall({ tool: 'a' }), (record) => events.push(`${record.tool} ${lines(dir).length}`));
      void aTurn().then(() => {
        events.push('next turn');
        log.appendLater(newCall({ tool: 'b' }), (record) => {
          events.push(`${record.tool} ${lines(dir).length}`);
          resolve();
        });
      });
    });
    await told;
    // Both on disk before the first is told of: one write for the two.
    expect(events).toEqual(['next turn', 'a 2', 'b 2']);
  });

  it('misses no queued call in a query or a close', async () => {
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
    await aTurn();
  });

  it('writes at once when many calls are waiting', () => {
    const dir = tempDir();
    const log = openLog(dir);
    for (let i = 0; i < 256; i++) log.appendLater(newCall(), () => undefined);
    expect(lines(dir)).toHaveLength(256);
  });
});
