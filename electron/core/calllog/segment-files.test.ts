import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import { SegmentFiles } from './segment-files';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segments-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const contents = (dir: string) =>
  Object.fromEntries(
    fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );

describe('SegmentFiles.appendAll', () => {
  it('writes a batch with the same segment boundaries and order as one line at a time', () => {
    const lines = Array.from({ length: 23 }, (_, i) => ({
      id: i + 1,
      line: `{"n":${i + 1},"pad":"${'x'.repeat(i % 7)}"}`,
    }));
    const single = tempDir();
    const one = new SegmentFiles(single, 64, silentLogger);
    one.load(() => null);
    for (const { id, line } of lines) one.append(id, line);
    one.close();
    const batched = tempDir();
    const all = new SegmentFiles(batched, 64, silentLogger);
    all.load(() => null);
    all.appendAll(lines.slice(0, 10));
    all.appendAll(lines.slice(10));
    all.close();
    expect(Object.keys(contents(single)).length).toBeGreaterThan(3);
    expect(contents(batched)).toEqual(contents(single));
    expect([all.count, all.totalBytes, all.nextId]).toEqual([one.count, one.totalBytes, one.nextId]);
  });
});
