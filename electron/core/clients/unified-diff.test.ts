import { describe, expect, it } from 'vitest';
import { detectEol, detectIndent, lineColumn, sameValue } from './text-format';
import { unifiedDiff } from './unified-diff';

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('f', 'a\nb\n', 'a\nb\n')).toBe('');
    expect(unifiedDiff('f', 'a\r\nb\r\n', 'a\nb\n')).toBe('');
  });

  it('shows one hunk with three lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n') + '\n';
    const after = ['1', '2', '3', '4', 'new', '5', '6', '7', '8'].join('\n') + '\n';
    expect(unifiedDiff('cfg.json', before, after)).toBe(
      '--- cfg.json\n+++ cfg.json\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+new\n 5\n 6\n 7\n',
    );
  });

  it('splits far-apart changes into separate hunks and shows removals before additions', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const changed = [...lines];
    changed[1] = 'changed 1';
    changed[18] = 'changed 18';
    const diff = unifiedDiff('f', lines.join('\n'), changed.join('\n'));
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('-line 1\n+changed 1\n');
    expect(diff).toContain('@@ -16,5 +16,5 @@');
  });

  it('handles a new file and an emptied one', () => {
    expect(unifiedDiff('f', '', 'a\nb\n')).toBe('--- f\n+++ f\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('f', 'a\n', '')).toBe('--- f\n+++ f\n@@ -1,1 +0,0 @@\n-a\n');
  });

  it('finds a small change in a big file', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `"key${i}": ${i},`);
    const after = [...lines.slice(0, 50_000), '"ours": 1,', ...lines.slice(50_000)];
    const diff = unifiedDiff('f', lines.join('\n'), after.join('\n'));
    expect(diff.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'))).toEqual([
      '+"ours": 1,',
    ]);
  });

  it('shows many scattered changes line by line, never the whole file as replaced', () => {
    // 3,000 × 3,000 lines: past the size at which the old hand-made diff gave up.
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const changed = lines.map((line, i) => (i % 2 === 0 ? `${line} changed` : line));
    const diff = unifiedDiff('f', lines.join('\n'), changed.join('\n'));
    const body = diff.split('\n').slice(2);
    expect(body.filter((l) => l.startsWith('-'))).toHaveLength(1500);
    expect(body.filter((l) => l.startsWith('+'))).toHaveLength(1500);
    expect(body.filter((l) => l.startsWith(' '))).toHaveLength(1500);
  });
});

describe('text-format helpers', () => {
  it('detects line ends and indentation', () => {
    expect(detectEol('{\r\n}\r\n')).toBe('\r\n');
    expect(detectEol('{\n}\n')).toBe('\n');
    expect(detectEol('{}')).toBe('\n');
    expect(detectIndent('{\n    "a": {\n        "b": 1\n    }\n}')).toEqual({ tabs: false, size: 4 });
    expect(detectIndent('{\n\t"a": 1\n}')).toEqual({ tabs: true, size: 1 });
    expect(detectIndent('{}')).toEqual({ tabs: false, size: 2 });
  });

  it('turns offsets into 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
  });

  it('compares values with or without key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { a: 1, b: [1, { c: 2 }] })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 }, false)).toBe(true);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
