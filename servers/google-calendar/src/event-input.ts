import { UserInputError } from '../../shared/tool-result';
import type { EventDateTime } from './calendar-api';
import type { TimeInput } from './time';
import { addDays, parseTime, rfc3339, zonedToMs } from './time';

type Timed = Exclude<TimeInput, { kind: 'date' }>;

const HOUR_MS = 3_600_000;

/** What create/update send as `start`/`end`; `null` clears a field in a PATCH. */
type Patchable<T> = { [K in keyof T]: T[K] | null };
export interface Period {
  start?: Patchable<EventDateTime>;
  end?: Patchable<EventDateTime>;
}

export interface PeriodInput {
  start?: string;
  end?: string;
  /** The caller's zone, if given. */
  timeZone?: string;
  /** The calendar's zone, fetched only when a wall-clock time needs one. */
  calendarZone: () => Promise<string>;
  /** create: a missing end becomes one hour (or the same day); update: it stays as it is. */
  defaultEnd: boolean;
}

/**
 * Turns the tools' start/end into Google's `EventDateTime`s: dates make an all-day event (our
 * `end` date is the last day, Google's is exclusive), instants keep their offset, wall-clock
 * times are sent with the zone they are meant in. Mixed kinds and reversed ranges are refused
 * here, in words, before anything is sent.
 */
export async function eventPeriod(input: PeriodInput): Promise<Period> {
  const start = input.start === undefined ? null : parseTime(input.start, 'start');
  const end = input.end === undefined ? null : parseTime(input.end, 'end');
  if (!start && !end) return {};
  const allDay = (start ?? end)!.kind === 'date';
  if (start && end && (start.kind === 'date') !== (end.kind === 'date')) {
    throw new UserInputError('start and end must both be dates (an all-day event) or both be date-times.');
  }
  if (allDay) {
    const first = start?.kind === 'date' ? start.date : null;
    const last = end?.kind === 'date' ? end.date : input.defaultEnd ? first : null;
    if (first && last && last < first) throw new UserInputError('end must not be before start.');
    // Clearing dateTime/timeZone lets a PATCH turn a timed event into an all-day one.
    const day = (date: string) => ({ date, dateTime: null, timeZone: null });
    return {
      ...(first ? { start: day(first) } : {}),
      ...(last ? { end: day(addDays(last, 1)) } : {}),
    };
  }
  const [from, to] = [start, end] as [Timed | null, Timed | null];
  const needsZone = [from, to].some((t) => t?.kind === 'local');
  const zone = input.timeZone ?? (needsZone ? await input.calendarZone() : undefined);
  const ms = (t: Timed) => (t.kind === 'instant' ? t.ms : zonedToMs(t.local, zone!));
  const timed = (t: Timed) => ({
    dateTime: t.kind === 'instant' ? t.text : t.local,
    date: null,
    ...(zone ? { timeZone: zone } : {}),
  });
  const period: Period = {};
  if (from) period.start = timed(from);
  if (to) period.end = timed(to);
  if (from && to && ms(to) <= ms(from)) throw new UserInputError('end must be after start.');
  if (from && !to && input.defaultEnd) {
    period.end = { dateTime: rfc3339(ms(from) + HOUR_MS), date: null, ...(zone ? { timeZone: zone } : {}) };
  }
  return period;
}

/** A create body must not carry PATCH's clearing nulls. */
export function withoutNulls(time: Patchable<EventDateTime> | undefined): EventDateTime | undefined {
  if (!time) return undefined;
  return Object.fromEntries(Object.entries(time).filter(([, v]) => v !== null)) as EventDateTime;
}
