import type { ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { joinFor } from './platform-paths';

/**
 * Cursor. Global servers live in `~/.cursor/mcp.json` on every platform (`%USERPROFILE%` on
 * Windows). Treated as strict JSON: users report Cursor failing on a trailing comma in it
 * (https://github.com/upstash/context7/issues/563).
 *
 * https://cursor.com/docs/mcp (Project `.cursor/mcp.json`, Global `~/.cursor/mcp.json`).
 */
export const cursorAdapter: ClientAdapter = {
  id: 'cursor',
  displayName: 'Cursor',
  docs: ['https://cursor.com/docs/mcp'],
  format: 'json',
  trailingCommas: false,
  serversPath: ['mcpServers'],
  reloadHint: 'Restart Cursor, or switch the server off and on in Cursor Settings → MCP.',
  configPath(ctx) {
    return joinFor(ctx, ctx.home, '.cursor', 'mcp.json');
  },
  toEntry: stdioEntry,
  readEntry: readStdioEntry,
  // Cursor treats an entry with `url` (and optional `headers`) instead of `command` as a
  // Streamable HTTP server; no `type` field is used. https://cursor.com/docs/mcp ("Remote
  // server": `{ "url": …, "headers": { "Authorization": "Bearer …" } }`).
  http: {
    docs: ['https://cursor.com/docs/mcp'],
    toEntry: (url, headers) => ({ url, headers }),
  },
};
