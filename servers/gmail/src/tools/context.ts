import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import type { GmailApi } from '../gmail-api';

/** What every tool registration needs. */
export interface ToolContext {
  server: McpServer;
  api: GmailApi;
}

/** Gmail's message, thread and draft ids are URL-safe tokens (hex for messages and threads). */
export const gmailId = (what: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, `must be a Gmail ${what} id as returned by this server's tools`);

export const cursorField = z
  .string()
  .max(4000)
  .optional()
  .describe('nextCursor from the previous call, to get the next page; omit for the first page');
