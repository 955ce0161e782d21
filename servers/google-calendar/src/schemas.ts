import * as z from 'zod';
import { TIME_FORMAT_HELP, TIME_PATTERN, isTimeZone } from './time';

/** Input and output schema pieces shared by the tools. */

export const calendarIdInput = z
  .string()
  .min(1)
  .max(300)
  .default('primary')
  .describe(
    'Calendar id from list_calendars (often an email address); "primary" is the user\'s main calendar.',
  );

export const eventIdInput = z
  .string()
  .min(1)
  .max(1100)
  .describe('Event id from list_events, get_event or create_event.');

export const timeZoneInput = z.string().max(64).refine(isTimeZone, {
  message: 'must be an IANA time zone name such as "Europe/Berlin" or "America/New_York"',
});

/** A time field: RFC 3339 with offset, a local date-time, or a date. */
export const timeInput = (description: string) =>
  z
    .string()
    .max(40)
    .regex(TIME_PATTERN, { message: TIME_FORMAT_HELP })
    .describe(`${description}; ${TIME_FORMAT_HELP}.`);

export const sendUpdatesInput = z
  .enum(['all', 'externalOnly', 'none'])
  .default('none')
  .describe(
    'Whom Google emails about this change: "all" guests, only guests outside the organisation ("externalOnly"), or "none".',
  );

export const cursorInput = z
  .string()
  .max(2000)
  .optional()
  .describe('nextCursor from a previous call of this tool, for the next page; omit for the first page.');

export const nextCursorOutput = z
  .string()
  .optional()
  .describe('Pass as `cursor` to get the next page; absent on the last page.');

export const eventSummaryOutput = z.object({
  id: z.string(),
  summary: z.string(),
  start: z.string().describe('RFC 3339 in the display time zone, or YYYY-MM-DD for all-day events.'),
  end: z.string().describe('RFC 3339 (exclusive), or for all-day events the last day (inclusive).'),
  allDay: z.boolean(),
  status: z.string().describe('confirmed, tentative or cancelled.'),
  location: z.string().optional(),
  recurringEventId: z
    .string()
    .optional()
    .describe('Set on an occurrence of a recurring event: the series id.'),
  meetLink: z.string().optional(),
  myResponse: z
    .string()
    .optional()
    .describe("The user's answer as a guest: accepted, declined, tentative, needsAction."),
});

const eventDetailOutput = eventSummaryOutput.extend({
  description: z.string().optional(),
  organizer: z.string().optional(),
  attendees: z
    .array(
      z.object({
        email: z.string(),
        name: z.string().optional(),
        response: z.string(),
        optional: z.boolean().optional(),
        organizer: z.boolean().optional(),
      }),
    )
    .optional(),
  moreAttendees: z.number().optional(),
  recurrence: z.array(z.string()).optional(),
  htmlLink: z.string().optional(),
});

/** Output of get/create/update: the event and the zone its times are shown in. */
export const eventResultOutput = {
  calendarId: z.string(),
  timeZone: z.string().describe('IANA zone the times are shown in.'),
  event: eventDetailOutput,
};
