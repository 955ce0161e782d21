import type { AdapterContext, ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { envPath, joinFor } from './platform-paths';

function configDir(ctx: AdapterContext): string | null {
  return envPath(ctx, 'CLAUDE_CONFIG_DIR');
}

/**
 * Claude Code (CLI). User-scope servers live in the top-level `mcpServers` of `~/.claude.json`
 * (`$CLAUDE_CONFIG_DIR/.claude.json` when that is set), the same file Claude Code keeps its own
 * state in and rewrites often: the writer's re-read before replacing the file matters here.
 * Strict JSON (Claude Code reads it with `JSON.parse` and treats a broken file as corrupt).
 * `claude mcp add --scope user` writes `"type": "stdio"`, so we do too.
 *
 * https://code.claude.com/docs/en/mcp (scopes: user scope is stored in `~/.claude.json`);
 * https://code.claude.com/docs/en/settings (`CLAUDE_CONFIG_DIR`).
 */
export const claudeCodeAdapter: ClientAdapter = {
  id: 'claude-code',
  displayName: 'Claude Code',
  docs: ['https://code.claude.com/docs/en/mcp', 'https://code.claude.com/docs/en/settings'],
  format: 'json',
  trailingCommas: false,
  serversPath: ['mcpServers'],
  reloadHint: 'Start a new Claude Code session (running sessions keep the servers they started with).',
  configPath(ctx) {
    return joinFor(ctx, configDir(ctx) ?? ctx.home, '.claude.json');
  },
  toEntry: (launch) => ({ type: 'stdio', ...stdioEntry(launch) }),
  readEntry(raw) {
    // Remote entries (`"type": "http"`/`"sse"`) have no command and are skipped by the reader.
    return readStdioEntry(raw);
  },
  // `claude mcp add --transport http <name> <url> --header "Authorization: Bearer …"` stores
  // `{ "type": "http", "url": …, "headers": { … } }`, the shape the docs show for `.mcp.json`
  // and `claude mcp add-json`. https://code.claude.com/docs/en/mcp ("Option 1: Add a remote
  // HTTP server"; "Add MCP servers from JSON configuration").
  http: {
    docs: ['https://code.claude.com/docs/en/mcp'],
    toEntry: (url, headers) => ({ type: 'http', url, headers }),
  },
};
