import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../../../shared/cursor';
import { runTool, toolResult } from '../../../shared/tool-result';
import type { CalendarApi } from '../calendar-api';
import { calendarEntry, calendarLine } from '../format';
import { cursorInput, nextCursorOutput } from '../schemas';

/** `list_calendars`: the calendars on the user's list, with the ids the other tools take. */
export function registerCalendarTools(server: McpServer, api: CalendarApi): void {
  server.registerTool(
    'list_calendars',
    {
      title: 'List calendars',
      description:
        "Lists the calendars on the user's Google Calendar list (their own, shared and subscribed ones) " +
        'with the id, access role and time zone of each. Use the ids with list_events, create_event and find_free_busy.',
      inputSchema: {
        maxResults: z.number().int().min(1).max(250).default(100).describe('Calendars per page (1–250).'),
        showHidden: z
          .boolean()
          .default(false)
          .describe('Include calendars hidden from the list in Google Calendar.'),
        minAccessRole: z
          .enum(['freeBusyReader', 'reader', 'writer', 'owner'])
          .optional()
          .describe(
            'Only calendars where the user has at least this role ("writer" for ones they can add events to).',
          ),
        cursor: cursorInput,
      },
      outputSchema: {
        calendars: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            accessRole: z.string().describe('freeBusyReader, reader, writer or owner.'),
            primary: z.boolean(),
            timeZone: z.string().optional(),
            description: z.string().optional(),
          }),
        ),
        nextCursor: nextCursorOutput,
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runTool(async () => {
        const page = decodeCursor<{ pageToken: string }>(args.cursor);
        const list = await api.listCalendars({
          maxResults: args.maxResults,
          showHidden: args.showHidden,
          ...(args.minAccessRole ? { minAccessRole: args.minAccessRole } : {}),
          ...(page ? { pageToken: page.pageToken } : {}),
        });
        const calendars = (list.items ?? []).filter((c) => !c.deleted).map(calendarEntry);
        const nextCursor = list.nextPageToken ? encodeCursor({ pageToken: list.nextPageToken }) : undefined;
        const text = [
          calendars.length ? `${calendars.length} calendar(s):` : 'No calendars found.',
          ...calendars.map(calendarLine),
          ...(nextCursor ? [`More calendars: call again with cursor "${nextCursor}".`] : []),
        ].join('\n');
        return toolResult({ calendars, ...(nextCursor ? { nextCursor } : {}) }, text);
      }),
  );
}
