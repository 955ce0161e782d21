import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { batchedWrite } from './batched-write';

/** A stream that notes each write it is handed: one entry per system call it would make. */
function recorder() {
  const writes: string[][] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      writes.push(chunks.map((c) => String(c.chunk)));
      done();
    },
  });
  return { stream, writes };
}

describe('batchedWrite', () => {
  it('sends the writes of one tick together, and each later tick on its own', async () => {
    const { stream, writes } = recorder();
    const written: string[] = [];
    for (const line of ['a\n', 'b\n', 'c\n']) batchedWrite(stream, line, () => written.push(line));
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    batchedWrite(stream, 'd\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([['a\n', 'b\n', 'c\n'], ['d\n']]);
    expect(written).toEqual(['a\n', 'b\n', 'c\n']);
  });
});
