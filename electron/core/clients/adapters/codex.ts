import type { AdapterContext, ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { envPath, joinFor } from './platform-paths';

function codexHome(ctx: AdapterContext): string {
  return envPath(ctx, 'CODEX_HOME') ?? joinFor(ctx, ctx.home, '.codex');
}

/**
 * Codex (CLI, IDE extension and app share one config). `~/.codex/config.toml`
 * (`$CODEX_HOME/config.toml` when set), one `[mcp_servers.<name>]` table per server with
 * `command`, `args` and optional `env` (inline or as a `[mcp_servers.<name>.env]` sub-table).
 *
 * https://developers.openai.com/codex/mcp; https://github.com/openai/codex/blob/main/docs/config.md.
 */
export const codexAdapter: ClientAdapter = {
  id: 'codex',
  displayName: 'Codex',
  docs: [
    'https://developers.openai.com/codex/mcp',
    'https://github.com/openai/codex/blob/main/docs/config.md',
  ],
  format: 'toml',
  trailingCommas: false,
  serversPath: ['mcp_servers'],
  reloadHint: 'Restart Codex (the CLI, IDE extension or app reads config.toml when it starts).',
  configPath(ctx) {
    return joinFor(ctx, codexHome(ctx), 'config.toml');
  },
  toEntry: stdioEntry,
  readEntry: readStdioEntry,
};
