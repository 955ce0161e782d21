import { addDays, inZone, weekdayOf, zonedToMs } from './time';

/** A span of time in epoch milliseconds, end exclusive. */
export interface Interval {
  start: number;
  end: number;
}

/** The caller's working hours: `HH:MM` wall-clock times (end may be 24:00) on some weekdays. */
export interface WorkingHours {
  start: string;
  end: string;
  /** Short English weekdays: Mon, Tue… */
  days: ReadonlySet<string>;
}

/** Sorted, overlapping and touching intervals joined. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/** Each working day's hours inside `range`, as instants (DST days get their real length). */
function workingWindows(range: Interval, zone: string, hours: WorkingHours): Interval[] {
  const windows: Interval[] = [];
  const last = inZone(range.end, zone).date;
  for (let day = inZone(range.start, zone).date; day <= last; day = addDays(day, 1)) {
    if (!hours.days.has(weekdayOf(day))) continue;
    const start = zonedToMs(`${day}T${hours.start}:00`, zone);
    const end =
      hours.end === '24:00'
        ? zonedToMs(`${addDays(day, 1)}T00:00:00`, zone)
        : zonedToMs(`${day}T${hours.end}:00`, zone);
    const clipped = { start: Math.max(start, range.start), end: Math.min(end, range.end) };
    if (clipped.end > clipped.start) windows.push(clipped);
  }
  return windows;
}

/**
 * Gaps of at least `minMinutes` in `busy` within the working hours of each day of `range`,
 * at most `limit` of them, earliest first.
 */
export function freeSlots(
  range: Interval,
  busy: Interval[],
  zone: string,
  hours: WorkingHours,
  minMinutes: number,
  limit: number,
): { slots: Interval[]; more: boolean } {
  const merged = mergeIntervals(busy);
  const slots: Interval[] = [];
  const minMs = minMinutes * 60_000;
  for (const window of workingWindows(range, zone, hours)) {
    let cursor = window.start;
    for (const b of merged) {
      if (b.end <= cursor) continue;
      if (b.start >= window.end) break;
      if (b.start - cursor >= minMs) slots.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (window.end - cursor >= minMs) slots.push({ start: cursor, end: window.end });
  }
  return { slots: slots.slice(0, limit), more: slots.length > limit };
}
