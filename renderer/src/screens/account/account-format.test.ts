import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatRenewal, webLink } from './account-format';

const NOW = Date.parse('2025-03-01T10:00:00.000Z');
const MIN = 60_000;

describe('account formatting', () => {
  it('says how long in the largest unit that reads naturally', () => {
    expect(formatDuration(20_000)).toBe('less than a minute');
    expect(formatDuration(23 * MIN + 50_000)).toBe('23 min');
    expect(formatDuration(60 * MIN)).toBe('1 h');
    expect(formatDuration(125 * MIN)).toBe('2 h 5 min');
    expect(formatDuration(26 * 60 * MIN)).toBe('1 day');
    expect(formatDuration(3 * 24 * 60 * MIN)).toBe('3 days');
  });

  it('phrases the expiry as a renewal the app takes care of', () => {
    expect(formatRenewal(new Date(NOW + 23 * MIN + 10_000).toISOString(), NOW)).toBe(
      'Renews automatically in 23 min',
    );
    expect(formatRenewal(new Date(NOW - MIN).toISOString(), NOW)).toBe(
      'Renews automatically the next time it’s needed',
    );
    expect(formatRenewal('not a date', NOW)).toBe('Renews automatically');
  });

  it('counts a code down in minutes and seconds', () => {
    expect(formatClock(900)).toBe('15:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(-3)).toBe('0:00');
  });

  it('links only to web pages', () => {
    expect(webLink('https://github.com/login/device')).toBe('https://github.com/login/device');
    expect(webLink('http://127.0.0.1:4000/authorize?x=1')).toBe('http://127.0.0.1:4000/authorize?x=1');
    expect(webLink('javascript:alert(1)')).toBeNull();
    expect(webLink('file:///etc/passwd')).toBeNull();
    expect(webLink('not a url')).toBeNull();
  });
});
