import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../../../shared/cursor';
import { UserInputError, runTool, toolResult } from '../../../shared/tool-result';
import type { CalendarApi } from '../calendar-api';
import { eventDetail, eventLine, eventSummary, eventText } from '../format';
import {
  calendarIdInput,
  cursorInput,
  eventIdInput,
  eventResultOutput,
  eventSummaryOutput,
  nextCursorOutput,
  timeInput,
  timeZoneInput,
} from '../schemas';
import { boundToMs, inZone, parseTime, rfc3339 } from '../time';

const WEEK_MS = 7 * 86_400_000;

/** The page token is only valid with the same range, so the cursor carries the range too. */
type EventsCursor = { pageToken: string; timeMin: string; timeMax: string };

/** `list_events` and `get_event`. */
export function registerEventTools(server: McpServer, api: CalendarApi): void {
  server.registerTool(
    'list_events',
    {
      title: 'List events',
      description:
        'Lists the events of one calendar in a time range, recurring events expanded into single occurrences, ' +
        'ordered by start time; optionally only those matching a text query. All-day events are shown as dates, ' +
        'other times in the requested time zone or the calendar’s own.',
      inputSchema: {
        calendarId: calendarIdInput,
        timeMin: timeInput('Start of the range (default: now)').optional(),
        timeMax: timeInput(
          'End of the range; a date means through the end of that day (default: 7 days after the start)',
        ).optional(),
        query: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe('Free text matched against title, description, location and guests.'),
        timeZone: timeZoneInput
          .optional()
          .describe(
            "IANA zone to show times in and to read dates and local times in (default: the calendar's).",
          ),
        maxResults: z.number().int().min(1).max(250).default(50).describe('Events per page (1–250).'),
        cursor: cursorInput,
      },
      outputSchema: {
        calendarId: z.string(),
        calendarName: z.string().optional(),
        timeZone: z.string().describe('IANA zone the times are shown in.'),
        timeMin: z.string(),
        timeMax: z.string(),
        events: z.array(eventSummaryOutput),
        nextCursor: nextCursorOutput,
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runTool(async () => {
        const page = decodeCursor<EventsCursor>(args.cursor);
        const min = args.timeMin ? parseTime(args.timeMin, 'timeMin') : null;
        const max = args.timeMax ? parseTime(args.timeMax, 'timeMax') : null;
        // Dates and wall-clock times mean nothing without a zone; only then ask for the calendar's.
        const needsZone = [min, max].some((t) => t && t.kind !== 'instant');
        const inputZone =
          args.timeZone ?? (needsZone && !page ? await api.calendarTimeZone(args.calendarId) : 'UTC');
        let range = page ? { timeMin: page.timeMin, timeMax: page.timeMax } : null;
        if (!range) {
          const startMs = min ? boundToMs(min, inputZone, 'start') : Date.now();
          const endMs = max ? boundToMs(max, inputZone, 'end') : startMs + WEEK_MS;
          if (endMs <= startMs) throw new UserInputError('timeMax must be after timeMin.');
          range = { timeMin: rfc3339(startMs), timeMax: rfc3339(endMs) };
        }
        const result = await api.listEvents(args.calendarId, {
          ...range,
          maxResults: args.maxResults,
          ...(args.query ? { q: args.query } : {}),
          ...(page ? { pageToken: page.pageToken } : {}),
          ...(args.timeZone ? { timeZone: args.timeZone } : {}),
        });
        const zone = args.timeZone ?? result.timeZone ?? inputZone;
        const events = (result.items ?? []).map((e) => eventSummary(e, zone));
        const nextCursor = result.nextPageToken
          ? encodeCursor({ pageToken: result.nextPageToken, ...range } satisfies EventsCursor)
          : undefined;
        const from = inZone(Date.parse(range.timeMin), zone);
        const to = inZone(Date.parse(range.timeMax), zone);
        const name = result.summary ?? args.calendarId;
        const text = [
          `${events.length ? `${events.length} event(s)` : 'No events'}${args.query ? ` matching "${args.query}"` : ''} ` +
            `in "${name}" from ${from.date} ${from.time} to ${to.date} ${to.time} (${zone})${events.length ? ':' : '.'}`,
          ...events.map(eventLine),
          ...(nextCursor ? [`More events: call again with cursor "${nextCursor}".`] : []),
        ].join('\n');
        return toolResult(
          {
            calendarId: args.calendarId,
            ...(result.summary ? { calendarName: result.summary } : {}),
            timeZone: zone,
            timeMin: from.iso,
            timeMax: to.iso,
            events,
            ...(nextCursor ? { nextCursor } : {}),
          },
          text,
        );
      }),
  );

  server.registerTool(
    'get_event',
    {
      title: 'Get event',
      description:
        'Gets one event in full: time, place, description, guests and their answers, recurrence, Meet link.',
      inputSchema: {
        calendarId: calendarIdInput,
        eventId: eventIdInput,
        timeZone: timeZoneInput.optional().describe("IANA zone to show times in (default: the calendar's)."),
      },
      outputSchema: eventResultOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runTool(async () => {
        const [event, zone] = await Promise.all([
          api.getEvent(args.calendarId, args.eventId, args.timeZone),
          args.timeZone ?? api.calendarTimeZone(args.calendarId),
        ]);
        const detail = eventDetail(event, zone);
        return toolResult(
          { calendarId: args.calendarId, timeZone: zone, event: detail },
          eventText(detail, zone),
        );
      }),
  );
}
