import type { ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { joinFor } from './platform-paths';

/**
 * Windsurf (the editor). `~/.codeium/windsurf/mcp_config.json` on every platform, "the same
 * schema as the config file for Claude Desktop", so treated as strict JSON. (The JetBrains
 * plugin's page names `~/.codeium/mcp_config.json`; that is a different product.)
 *
 * https://docs.windsurf.com/windsurf/cascade/mcp
 */
export const windsurfAdapter: ClientAdapter = {
  id: 'windsurf',
  displayName: 'Windsurf',
  docs: ['https://docs.windsurf.com/windsurf/cascade/mcp'],
  format: 'json',
  trailingCommas: false,
  serversPath: ['mcpServers'],
  reloadHint: "Press the refresh button in Cascade's MCP panel.",
  configPath(ctx) {
    return joinFor(ctx, ctx.home, '.codeium', 'windsurf', 'mcp_config.json');
  },
  toEntry: stdioEntry,
  readEntry: readStdioEntry,
};
