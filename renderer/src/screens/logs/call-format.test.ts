import { describe, expect, it } from 'vitest';
import { clientLabel, formatBytes, formatCallCount, formatDuration, prettyJson } from './call-format';

describe('call formatting', () => {
  it('counts calls in words with thousands separators', () => {
    expect(formatCallCount(0)).toBe('No calls');
    expect(formatCallCount(1)).toBe('1 call');
    expect(formatCallCount(1234)).toBe('1,234 calls');
    expect(formatCallCount(100_000)).toBe('100,000 calls');
  });

  it('shows durations in ms below a second, then seconds and minutes', () => {
    expect(formatDuration(0.4)).toBe('<1 ms');
    expect(formatDuration(120.4)).toBe('120 ms');
    expect(formatDuration(999)).toBe('999 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(12_345)).toBe('12 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('shows sizes in bytes, KB and MB', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });

  it('pretty-prints arguments and names the client with its version', () => {
    expect(prettyJson({ a: 1, b: ['x'] })).toBe('{\n  "a": 1,\n  "b": [\n    "x"\n  ]\n}');
    expect(prettyJson(undefined)).toBe('');
    expect(prettyJson(null)).toBe('null');
    expect(clientLabel({ name: 'Cursor', version: '0.48' })).toBe('Cursor 0.48');
    expect(clientLabel({ name: 'Cursor', version: null })).toBe('Cursor');
  });
});
