import type { AdapterContext, ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { envPath, joinFor } from './platform-paths';

function geminiDir(ctx: AdapterContext): string {
  // Gemini CLI's `homedir()` is `$GEMINI_CLI_HOME` when set (packages/core/src/utils/paths.ts).
  return joinFor(ctx, envPath(ctx, 'GEMINI_CLI_HOME') ?? ctx.home, '.gemini');
}

/**
 * Gemini CLI. User settings `~/.gemini/settings.json`, servers under `mcpServers`. Gemini reads
 * the file with `strip-json-comments` and writes it back preserving comments, so comments are
 * fine; trailing commas are not (strip-json-comments leaves them and `JSON.parse` fails).
 *
 * https://geminicli.com/docs/tools/mcp-server/; https://geminicli.com/docs/cli/configuration.
 */
export const geminiCliAdapter: ClientAdapter = {
  id: 'gemini-cli',
  displayName: 'Gemini CLI',
  docs: ['https://geminicli.com/docs/tools/mcp-server/', 'https://geminicli.com/docs/cli/configuration'],
  format: 'jsonc',
  trailingCommas: false,
  serversPath: ['mcpServers'],
  reloadHint: 'Restart Gemini CLI (it reads settings.json when it starts).',
  configPath(ctx) {
    return joinFor(ctx, geminiDir(ctx), 'settings.json');
  },
  toEntry: stdioEntry,
  readEntry: readStdioEntry,
};
