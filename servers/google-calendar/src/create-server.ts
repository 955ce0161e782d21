import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { TokenSource } from '../../shared/token-source';
import { CalendarApi } from './calendar-api';
import { registerCalendarTools } from './tools/calendars';
import { registerChangeTools } from './tools/changes';
import { registerEventTools } from './tools/events';
import { registerFreeBusyTools } from './tools/free-busy';

export interface CreateServerOptions {
  /** Calendar API base, `https://www.googleapis.com/calendar/v3` unless testing. */
  apiUrl: string;
  /**
   * The access token; a function when the source needs the MCP server itself (the 401 channel
   * asks the connected client, MCP Tray, for a fresh token).
   */
  token: TokenSource | ((server: Server) => TokenSource);
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** The Google Calendar MCP server with all its tools, not yet connected to a transport. */
export function createServer(options: CreateServerOptions): McpServer {
  const server = new McpServer(
    { name: 'google-calendar', title: 'Google Calendar', version: '1.0.0' },
    {
      instructions:
        'Tools for the signed-in Google Calendar account. Times: RFC 3339 with offset, a local date-time plus ' +
        'timeZone, or a date for all-day events. Use list_calendars for calendar ids; "primary" is the main one.',
    },
  );
  const token = typeof options.token === 'function' ? options.token(server.server) : options.token;
  const api = new CalendarApi({
    apiUrl: options.apiUrl,
    token,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  registerCalendarTools(server, api);
  registerEventTools(server, api);
  registerChangeTools(server, api);
  registerFreeBusyTools(server, api);
  return server;
}
