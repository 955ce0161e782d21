import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

function split(chunks: string[], max = 16) {
  const lines: string[] = [];
  const oversized: number[] = [];
  const splitter = new LineSplitter(
    max,
    (l) => lines.push(l),
    (n) => oversized.push(n),
  );
  chunks.forEach((c) => splitter.push(Buffer.from(c)));
  return { lines, oversized };
}

describe('LineSplitter', () => {
  it('joins partial frames and splits several lines in one chunk', () => {
    expect(split(['{"a":', '1}\n{"b"', ':2}\r\n\n{"c":3}\n']).lines).toEqual([
      '{"a":1}',
      '{"b":2}',
      '{"c":3}',
    ]);
  });

  it('drops an over-long line, reports its size, and resumes after its newline', () => {
    const { lines, oversized } = split(['x'.repeat(10), 'y'.repeat(10), 'z\nok\n']);
    expect(oversized).toEqual([21]);
    expect(lines).toEqual(['ok']);
  });

  it('keeps nothing of a line with no end beyond the cap', () => {
    const { lines, oversized } = split(['a'.repeat(1000)], 16);
    expect(lines).toEqual([]);
    expect(oversized).toEqual([]);
  });
});
