import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';
import { parseDuration, parseSince } from './durations';

describe('command lines of the newer commands', () => {
  it('call takes its arguments as JSON after --json, while --json stays a flag elsewhere', () => {
    const call = parseCliArgs(['call', 'notes', 'echo', '--json', '{"message":"hi"}']);
    expect(call).toMatchObject({ command: 'call', positionals: ['notes', 'echo'], json: false });
    expect(call.callJson).toBe('{"message":"hi"}');
    expect(parseCliArgs(['--json', 'status'])).toMatchObject({ command: 'status', json: true });
    expect(parseCliArgs(['logs', '--json', '--limit', '5', '--since', '10m'])).toMatchObject({
      json: true,
      limit: '5',
      since: '10m',
    });
    expect(parseCliArgs(['call', 'a', 'b', '--arg', 'x=1', '--arg', 'y=two']).callArgs).toEqual([
      'x=1',
      'y=two',
    ]);
  });

  it('reads durations and --since in words, and refuses what it cannot read', () => {
    expect(parseDuration('45s', '--x')).toBe(45_000);
    expect(parseDuration('2m', '--x')).toBe(120_000);
    expect(parseDuration('90', '--x')).toBe(90_000);
    expect(() => parseDuration('soon', '--x')).toThrow('--x takes a duration such as 30s');
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(parseSince('10m', now)).toBe('2026-05-01T11:50:00.000Z');
    expect(parseSince('2026-05-01T10:00:00+02:00', now)).toBe('2026-05-01T08:00:00.000Z');
    expect(() => parseSince('2026-13-45', now)).toThrow('is not a time');
  });
});
