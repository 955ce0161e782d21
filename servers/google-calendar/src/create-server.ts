import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ApiServerOptions } from '../../shared/create-api-server';
import { createApiServer } from '../../shared/create-api-server';
import { CalendarApi } from './calendar-api';
import { registerCalendarTools } from './tools/calendars';
import { registerChangeTools } from './tools/changes';
import { registerEventTools } from './tools/events';
import { registerFreeBusyTools } from './tools/free-busy';

export type CreateServerOptions = ApiServerOptions;

/** The Google Calendar MCP server with all its tools, not yet connected to a transport. */
export function createServer(options: CreateServerOptions): McpServer {
  return createApiServer(
    {
      info: { name: 'google-calendar', title: 'Google Calendar', version: '1.0.0' },
      instructions:
        'Tools for the signed-in Google Calendar account. Times: RFC 3339 with offset, a local date-time plus ' +
        'timeZone, or a date for all-day events. Use list_calendars for calendar ids; "primary" is the main one.',
      api: (apiOptions) => new CalendarApi(apiOptions),
      tools: [registerCalendarTools, registerEventTools, registerChangeTools, registerFreeBusyTools],
    },
    options,
  );
}
