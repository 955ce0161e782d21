import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { confirmAction } from '../../../shared/confirm';
import { UserInputError, runTool, toolError, toolResult } from '../../../shared/tool-result';
import type { CalendarApi, Event } from '../calendar-api';
import { eventPeriod, withoutNulls } from '../event-input';
import { eventDetail, eventText, whenText } from '../format';
import {
  calendarIdInput,
  eventIdInput,
  eventResultOutput,
  sendUpdatesInput,
  timeInput,
  timeZoneInput,
} from '../schemas';

const attendeesInput = z
  .array(z.email({ message: 'must be an email address' }))
  .max(100)
  .describe('Guests’ email addresses.');

const timeZoneForEvent = timeZoneInput
  .optional()
  .describe(
    "IANA zone the event's times are meant in (e.g. Europe/Berlin): local date-times are read in it, it becomes the " +
      "event's time zone, and times are shown in it (default: the calendar's).",
  );

/** `create_event`, `update_event` and `delete_event`. */
export function registerChangeTools(server: McpServer, api: CalendarApi): void {
  const zoneOf = (calendarId: string, requested: string | undefined) =>
    requested ?? api.calendarTimeZone(calendarId);
  const result = async (calendarId: string, event: Event, requested: string | undefined, verb: string) => {
    const zone = await zoneOf(calendarId, requested);
    const detail = eventDetail(event, zone);
    return toolResult({ calendarId, timeZone: zone, event: detail }, `${verb}:\n${eventText(detail, zone)}`);
  };

  server.registerTool(
    'create_event',
    {
      title: 'Create event',
      description:
        'Creates an event: a timed one (start/end date-times) or an all-day one (start/end dates, end being the last ' +
        'day). Guests are invited only by email if sendUpdates says so. Google Meet links are not created.',
      inputSchema: {
        calendarId: calendarIdInput,
        summary: z.string().min(1).max(1024).describe('Title of the event.'),
        start: timeInput('When it starts: a date-time, or a date for an all-day event'),
        end: timeInput(
          'When it ends (exclusive) or, for an all-day event, its last day (default: one hour after start, or the same day)',
        ).optional(),
        timeZone: timeZoneForEvent,
        description: z.string().max(8000).optional().describe('Notes shown in the event.'),
        location: z.string().max(1024).optional().describe('Place or address.'),
        attendees: attendeesInput.optional(),
        sendUpdates: sendUpdatesInput,
      },
      outputSchema: eventResultOutput,
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    (args) =>
      runTool(async () => {
        const period = await eventPeriod({
          start: args.start,
          end: args.end,
          timeZone: args.timeZone,
          calendarZone: () => api.calendarTimeZone(args.calendarId),
          defaultEnd: true,
        });
        const body: Event = {
          summary: args.summary,
          start: withoutNulls(period.start),
          end: withoutNulls(period.end),
          ...(args.description ? { description: args.description } : {}),
          ...(args.location ? { location: args.location } : {}),
          ...(args.attendees?.length ? { attendees: args.attendees.map((email) => ({ email })) } : {}),
        };
        const created = await api.insertEvent(args.calendarId, body, args.sendUpdates);
        return result(args.calendarId, created, args.timeZone, 'Created');
      }),
  );

  server.registerTool(
    'update_event',
    {
      title: 'Update event',
      description:
        'Changes an event: only the fields given are changed, the rest stay as they are. To move an event give ' +
        'both start and end. attendees replaces the whole guest list (get_event first to keep the current guests). ' +
        'An id from list_events is one occurrence of a recurring event; use its recurringEventId to change the series.',
      inputSchema: {
        calendarId: calendarIdInput,
        eventId: eventIdInput,
        summary: z.string().min(1).max(1024).optional().describe('New title.'),
        start: timeInput('New start: a date-time, or a date for an all-day event').optional(),
        end: timeInput('New end (exclusive) or, for an all-day event, the new last day').optional(),
        timeZone: timeZoneForEvent,
        description: z.string().max(8000).optional().describe('New notes; an empty string removes them.'),
        location: z.string().max(1024).optional().describe('New place; an empty string removes it.'),
        attendees: attendeesInput
          .optional()
          .describe('The complete new guest list (replaces the current one).'),
        sendUpdates: sendUpdatesInput,
      },
      outputSchema: eventResultOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runTool(async () => {
        const period = await eventPeriod({
          start: args.start,
          end: args.end,
          timeZone: args.timeZone,
          calendarZone: () => api.calendarTimeZone(args.calendarId),
          defaultEnd: false,
        });
        const changes: Record<string, unknown> = {
          ...(args.summary !== undefined ? { summary: args.summary } : {}),
          ...period,
          ...(args.description !== undefined ? { description: args.description } : {}),
          ...(args.location !== undefined ? { location: args.location } : {}),
          ...(args.attendees ? { attendees: args.attendees.map((email) => ({ email })) } : {}),
        };
        if (Object.keys(changes).length === 0) {
          throw new UserInputError(
            'Nothing to change: give at least one of summary, start, end, description, location, attendees.',
          );
        }
        const updated = await api.patchEvent(args.calendarId, args.eventId, changes, args.sendUpdates);
        return result(args.calendarId, updated, args.timeZone, 'Updated');
      }),
  );

  server.registerTool(
    'delete_event',
    {
      title: 'Delete event',
      description:
        'Deletes an event after the user confirms (when the client can ask). An id from list_events is one ' +
        'occurrence of a recurring event; its recurringEventId deletes the whole series.',
      inputSchema: {
        calendarId: calendarIdInput,
        eventId: eventIdInput,
        sendUpdates: sendUpdatesInput,
      },
      outputSchema: {
        calendarId: z.string(),
        eventId: z.string(),
        summary: z.string(),
        deleted: z.literal(true),
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runTool(async () => {
        const [event, zone] = await Promise.all([
          api.getEvent(args.calendarId, args.eventId),
          zoneOf(args.calendarId, undefined),
        ]);
        const detail = eventDetail(event, zone);
        const when = `${whenText(detail)}${detail.allDay ? '' : ` ${zone}`}`;
        const notes = [
          event.recurrence?.length ? 'This deletes every occurrence of the series.' : '',
          detail.recurringEventId ? 'Only this occurrence of the recurring event is deleted.' : '',
          args.sendUpdates !== 'none' && detail.attendees ? 'Guests will be emailed.' : '',
        ].filter(Boolean);
        const message = [`Delete "${detail.summary}" (${when}) from Google Calendar?`, ...notes].join(' ');
        if ((await confirmAction(server.server, message)) === 'declined') {
          return toolError('Deleting the event was cancelled by the user; nothing was deleted.');
        }
        await api.deleteEvent(args.calendarId, args.eventId, args.sendUpdates);
        return toolResult(
          {
            calendarId: args.calendarId,
            eventId: args.eventId,
            summary: detail.summary,
            deleted: true as const,
          },
          `Deleted "${detail.summary}" (${when}).`,
        );
      }),
  );
}
