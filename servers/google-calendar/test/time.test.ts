import { describe, expect, it } from 'vitest';
import { eventTimes, whenText } from '../src/format';
import { freeSlots, mergeIntervals } from '../src/free-slots';
import { boundToMs, inZone, isTimeZone, parseTime, rfc3339, zonedToMs } from '../src/time';

const at = (iso: string) => Date.parse(iso);

describe('time zones', () => {
  it('parses dates, instants and wall-clock times, and refuses impossible ones', () => {
    expect(parseTime('2025-03-14', 't')).toEqual({ kind: 'date', date: '2025-03-14' });
    expect(parseTime('2025-03-14T09:00', 't')).toEqual({ kind: 'local', local: '2025-03-14T09:00:00' });
    expect(parseTime('2025-03-14T09:00:00+01:00', 't')).toMatchObject({
      kind: 'instant',
      ms: at('2025-03-14T08:00Z'),
    });
    expect(() => parseTime('2025-02-29', 'start')).toThrow('start is not a real date: 2025-02-29');
    expect(() => parseTime('2025-03-14T24:30', 'start')).toThrow('not a valid time');
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('CEST')).toBe(false);
  });

  it('maps wall-clock times to instants across daylight-saving changes', () => {
    // Berlin: UTC+1 until 2025-03-30 02:00, then UTC+2.
    expect(rfc3339(zonedToMs('2025-03-29T12:00:00', 'Europe/Berlin'))).toBe('2025-03-29T11:00:00Z');
    expect(rfc3339(zonedToMs('2025-03-30T12:00:00', 'Europe/Berlin'))).toBe('2025-03-30T10:00:00Z');
    // 02:30 does not exist that night; it is read as 03:30 summer time.
    expect(rfc3339(zonedToMs('2025-03-30T02:30:00', 'Europe/Berlin'))).toBe('2025-03-30T01:30:00Z');
    // Half-hour and southern-hemisphere zones.
    expect(rfc3339(zonedToMs('2025-01-10T09:00:00', 'Asia/Kolkata'))).toBe('2025-01-10T03:30:00Z');
    expect(rfc3339(zonedToMs('2025-01-10T09:00:00', 'Australia/Sydney'))).toBe('2025-01-09T22:00:00Z');
    expect(inZone(at('2025-07-01T12:00:00Z'), 'America/Los_Angeles').iso).toBe('2025-07-01T05:00:00-07:00');
    expect(inZone(at('2025-07-01T12:00:00Z'), 'UTC').iso).toBe('2025-07-01T12:00:00+00:00');
  });

  it('reads a date as the whole day when it ends a range', () => {
    const day = parseTime('2025-03-30', 'd');
    expect(rfc3339(boundToMs(day, 'Europe/Berlin', 'start'))).toBe('2025-03-29T23:00:00Z');
    // A 23-hour day: the next midnight is already summer time.
    expect(rfc3339(boundToMs(day, 'Europe/Berlin', 'end'))).toBe('2025-03-30T22:00:00Z');
  });
});

describe('event times', () => {
  it('renders all-day events as dates with the last day inclusive', () => {
    const oneDay = eventTimes({ start: { date: '2025-03-14' }, end: { date: '2025-03-15' } }, 'UTC');
    expect(oneDay).toEqual({ start: '2025-03-14', end: '2025-03-14', allDay: true });
    expect(whenText(oneDay)).toBe('Fri 2025-03-14 (all day)');
    const timed = eventTimes(
      { start: { dateTime: '2025-03-14T23:00:00Z' }, end: { dateTime: '2025-03-15T01:00:00Z' } },
      'Europe/Berlin',
    );
    expect(whenText(timed)).toBe('Sat 2025-03-15 00:00–02:00');
    const overnight = eventTimes(
      { start: { dateTime: '2025-03-14T22:00:00Z' }, end: { dateTime: '2025-03-15T01:00:00Z' } },
      'UTC',
    );
    expect(whenText(overnight)).toBe('Fri 2025-03-14 22:00 – Sat 2025-03-15 01:00');
  });
});

describe('free slots', () => {
  const hours = { start: '09:00', end: '17:00', days: new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) };

  it('merges overlapping busy blocks', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 8 },
        { start: 1, end: 3 },
        { start: 2, end: 6 },
        { start: 10, end: 10 },
      ]),
    ).toEqual([{ start: 1, end: 8 }]);
  });

  it('finds gaps inside working hours on working days only, in the zone, across DST', () => {
    // Fri 28 March to Mon 31 March in Berlin; the clocks change on Sunday 30 March.
    const range = { start: at('2025-03-28T00:00:00+01:00'), end: at('2025-04-01T00:00:00+02:00') };
    const busy = [{ start: at('2025-03-28T09:00:00+01:00'), end: at('2025-03-28T16:00:00+01:00') }];
    const { slots, more } = freeSlots(range, busy, 'Europe/Berlin', hours, 30, 10);
    expect(more).toBe(false);
    expect(
      slots.map((s) => [inZone(s.start, 'Europe/Berlin').iso, inZone(s.end, 'Europe/Berlin').iso]),
    ).toEqual([
      ['2025-03-28T16:00:00+01:00', '2025-03-28T17:00:00+01:00'],
      ['2025-03-31T09:00:00+02:00', '2025-03-31T17:00:00+02:00'],
    ]);
  });

  it('clips to the range, honours 24:00 and the limit', () => {
    const range = { start: at('2025-03-17T12:00:00Z'), end: at('2025-03-19T00:00:00Z') };
    const allDay = { start: '00:00', end: '24:00', days: hours.days };
    const { slots, more } = freeSlots(range, [], 'UTC', allDay, 60, 1);
    expect(slots).toEqual([{ start: range.start, end: at('2025-03-18T00:00:00Z') }]);
    expect(more).toBe(true);
  });
});
