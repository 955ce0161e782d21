import { UserInputError } from '../../shared/tool-result';

/**
 * Time-zone arithmetic with nothing but `Intl` (the bundle ships no tz database of its own):
 * parsing what a model sends, turning wall-clock times in an IANA zone into instants and back.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** What the time fields of the tools accept (checked by the input schemas). */
export const TIME_PATTERN = new RegExp(`${DATE.source}|${LOCAL.source}|${WITH_OFFSET.source}`, 'i');

export const TIME_FORMAT_HELP =
  'use an RFC 3339 date-time with offset (2025-03-14T09:00:00+01:00 or 2025-03-14T08:00:00Z), ' +
  'a local date-time read in timeZone (2025-03-14T09:00), or a date (2025-03-14)';

/** A time as given: a calendar date, an instant (had an offset), or a wall-clock time. */
export type TimeInput =
  | { kind: 'date'; date: string }
  | { kind: 'instant'; ms: number; text: string }
  | { kind: 'local'; local: string };

/** Parses a value that matched `TIME_PATTERN`, rejecting impossible dates (2025-02-30). */
export function parseTime(value: string, field: string): TimeInput {
  const date = DATE.exec(value);
  if (date) {
    assertRealDate(value, field);
    return { kind: 'date', date: value };
  }
  const local = LOCAL.exec(value);
  if (local) {
    assertRealDate(local[1]!, field);
    const [, day, hour, minute, second = '00'] = local;
    if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
      throw new UserInputError(`${field} is not a valid time: ${value}.`);
    return { kind: 'local', local: `${day}T${hour}:${minute}:${second}` };
  }
  const ms = Date.parse(value);
  if (!WITH_OFFSET.test(value) || Number.isNaN(ms)) {
    throw new UserInputError(`${field} is not a valid time (${TIME_FORMAT_HELP}): ${value}.`);
  }
  assertRealDate(value.slice(0, 10), field);
  return { kind: 'instant', ms, text: value.toUpperCase() };
}

function assertRealDate(date: string, field: string): void {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new UserInputError(`${field} is not a real date: ${date}.`);
  }
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(ms: number, zone: string) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}`,
    second: part.second!,
    weekday: part.weekday!,
  };
}

/** Minutes `zone` is ahead of UTC at instant `ms`. */
function offsetMinutes(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  const asUtc = Date.parse(`${w.date}T${w.time}:${w.second}Z`);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm:ss`) denotes in `zone`. In a DST gap the
 * time is read with the offset before the change (02:30 on a spring-forward day → 03:30).
 */
export function zonedToMs(local: string, zone: string): number {
  const guess = Date.parse(`${local}Z`);
  const first = offsetMinutes(guess, zone);
  const ms = guess - first * 60_000;
  const second = offsetMinutes(ms, zone);
  return second === first ? ms : guess - second * 60_000;
}

/** An instant as seen in `zone`: RFC 3339 with that zone's offset, plus parts for text. */
export function inZone(ms: number, zone: string) {
  const w = wallClock(ms, zone);
  const offset = offsetMinutes(ms, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return { iso: `${w.date}T${w.time}:${w.second}${sign}${hh}:${mm}`, ...w };
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Short English weekday of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/**
 * The instant a range bound means: a date starts at midnight in `zone`, and as the end of a
 * range means the end of that day (so `2025-03-14`…`2025-03-14` is that whole day).
 */
export function boundToMs(input: TimeInput, zone: string, edge: 'start' | 'end'): number {
  if (input.kind === 'instant') return input.ms;
  if (input.kind === 'local') return zonedToMs(input.local, zone);
  const day = edge === 'end' ? addDays(input.date, 1) : input.date;
  return zonedToMs(`${day}T00:00:00`, zone);
}

/** RFC 3339 in UTC, as Google's `timeMin`/`timeMax` want it (the offset is mandatory). */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
