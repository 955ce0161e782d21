import { convert } from 'html-to-text';
import { trimText } from '../../shared/tool-result';
import type { CalendarListEntry, Event, EventDateTime } from './calendar-api';
import { addDays, inZone, weekdayOf, zonedToMs } from './time';

/** Longest event description returned; descriptions can hold whole pasted documents. */
const MAX_DESCRIPTION = 4000;
/** Attendees listed per event; big all-hands invites can have hundreds. */
const MAX_ATTENDEES = 50;

/** When an event happens, as the tools report it. */
export interface EventTimes {
  /** RFC 3339 in the display zone, or `YYYY-MM-DD` for all-day events. */
  start: string;
  /** RFC 3339 (exclusive end), or for all-day events the last day, inclusive. */
  end: string;
  allDay: boolean;
}

/**
 * Google's all-day `end.date` is exclusive (a one-day event on the 14th ends on the 15th);
 * models and people read "ends on the 15th" as two days, so we report the last day instead.
 */
export function eventTimes(event: Event, zone: string): EventTimes {
  const start = event.start ?? {};
  const end = event.end ?? {};
  if (start.date) {
    const last = end.date ? addDays(end.date, -1) : start.date;
    return { start: start.date, end: last < start.date ? start.date : last, allDay: true };
  }
  const startMs = instant(start, zone);
  const endMs = end.dateTime ? instant(end, zone) : startMs;
  return { start: inZone(startMs, zone).iso, end: inZone(endMs, zone).iso, allDay: false };
}

/** Google always sends an offset; should one be missing, read the time in its zone, not ours. */
function instant(time: EventDateTime, zone: string): number {
  const text = time.dateTime ?? '';
  if (/(?:Z|[+-]\d{2}:\d{2})$/i.test(text)) return Date.parse(text);
  return zonedToMs(text.slice(0, 19), time.timeZone ?? zone);
}

/** "Fri 2025-03-14 09:00–10:00", "Fri 2025-03-14 (all day)", "2025-03-14 – 2025-03-16 (all day)". */
export function whenText(times: EventTimes): string {
  if (times.allDay) {
    return times.start === times.end
      ? `${weekdayOf(times.start)} ${times.start} (all day)`
      : `${weekdayOf(times.start)} ${times.start} – ${weekdayOf(times.end)} ${times.end} (all day)`;
  }
  const [startDate, startTime] = [times.start.slice(0, 10), times.start.slice(11, 16)];
  const [endDate, endTime] = [times.end.slice(0, 10), times.end.slice(11, 16)];
  const first = `${weekdayOf(startDate)} ${startDate} ${startTime}`;
  return startDate === endDate
    ? `${first}–${endTime}`
    : `${first} – ${weekdayOf(endDate)} ${endDate} ${endTime}`;
}

/** One event in a list: enough to recognise it and act on it. */
export function eventSummary(event: Event, zone: string) {
  const self = event.attendees?.find((a) => a.self);
  return {
    id: event.id ?? '',
    summary: event.summary ?? '(no title)',
    ...eventTimes(event, zone),
    status: event.status ?? 'confirmed',
    ...(event.location ? { location: event.location } : {}),
    ...(event.recurringEventId ? { recurringEventId: event.recurringEventId } : {}),
    ...(event.hangoutLink ? { meetLink: event.hangoutLink } : {}),
    ...(self?.responseStatus ? { myResponse: self.responseStatus } : {}),
  };
}
export type EventSummary = ReturnType<typeof eventSummary>;

/** HTML descriptions (Google Calendar's editor writes some) become plain text. */
function plainDescription(description: string): string {
  const text = /<[a-z][^>]*>/i.test(description)
    ? convert(description, {
        wordwrap: false,
        selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }],
      })
    : description;
  return trimText(text.trim(), MAX_DESCRIPTION);
}

/** One event in full, minus what a model has no use for (etags, colours, gadgets…). */
export function eventDetail(event: Event, zone: string) {
  const attendees = event.attendees ?? [];
  const organizer = event.organizer?.email ?? event.creator?.email;
  return {
    ...eventSummary(event, zone),
    ...(event.description ? { description: plainDescription(event.description) } : {}),
    ...(organizer ? { organizer } : {}),
    ...(attendees.length > 0
      ? {
          attendees: attendees.slice(0, MAX_ATTENDEES).map((a) => ({
            email: a.email ?? '',
            ...(a.displayName ? { name: a.displayName } : {}),
            response: a.responseStatus ?? 'needsAction',
            ...(a.optional ? { optional: true } : {}),
            ...(a.organizer ? { organizer: true } : {}),
          })),
        }
      : {}),
    ...(attendees.length > MAX_ATTENDEES ? { moreAttendees: attendees.length - MAX_ATTENDEES } : {}),
    ...(event.recurrence?.length ? { recurrence: event.recurrence } : {}),
    ...(event.htmlLink ? { htmlLink: event.htmlLink } : {}),
  };
}
export type EventDetail = ReturnType<typeof eventDetail>;

/** A line per event: when, what, where, and the id to act on. */
export function eventLine(e: EventSummary): string {
  const extras = [
    e.location ? `at ${e.location}` : '',
    e.status !== 'confirmed' ? `(${e.status})` : '',
    e.myResponse && e.myResponse !== 'accepted' ? `(you: ${e.myResponse})` : '',
  ].filter(Boolean);
  return `- ${whenText(e)}  ${e.summary}${extras.length ? `  ${extras.join(' ')}` : ''}  [id: ${e.id}]`;
}

/** An event in full, for get/create/update. */
export function eventText(e: EventDetail, zone: string): string {
  const lines = [`${e.summary}`, `When: ${whenText(e)}${e.allDay ? '' : ` (${zone})`}`];
  if (e.status !== 'confirmed') lines.push(`Status: ${e.status}`);
  if (e.location) lines.push(`Where: ${e.location}`);
  if (e.meetLink) lines.push(`Meet: ${e.meetLink}`);
  if (e.organizer) lines.push(`Organizer: ${e.organizer}`);
  if (e.attendees) {
    const who = e.attendees.map(
      (a) =>
        `${a.name ? `${a.name} <${a.email}>` : a.email} (${a.response}${a.optional ? ', optional' : ''})`,
    );
    lines.push(`Guests: ${who.join(', ')}${e.moreAttendees ? `, and ${e.moreAttendees} more` : ''}`);
  }
  if (e.recurrence) lines.push(`Repeats: ${e.recurrence.join('; ')}`);
  if (e.recurringEventId) lines.push(`Occurrence of recurring event ${e.recurringEventId}`);
  lines.push(`Id: ${e.id}`);
  if (e.htmlLink) lines.push(`Link: ${e.htmlLink}`);
  if (e.description) lines.push('', e.description);
  return lines.join('\n');
}

/** One calendar of the user's list. */
export function calendarEntry(c: CalendarListEntry) {
  return {
    id: c.id ?? '',
    name: c.summaryOverride ?? c.summary ?? c.id ?? '',
    accessRole: c.accessRole ?? 'reader',
    primary: c.primary === true,
    ...(c.timeZone ? { timeZone: c.timeZone } : {}),
    ...(c.description ? { description: trimText(c.description, 500) } : {}),
  };
}
export type CalendarEntry = ReturnType<typeof calendarEntry>;

export function calendarLine(c: CalendarEntry): string {
  const tags = [c.primary ? 'primary' : '', c.accessRole, c.timeZone ?? ''].filter(Boolean).join(', ');
  return `- ${c.name} (${tags})  [id: ${c.id}]`;
}
