import type { ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { appConfigDir, joinFor } from './platform-paths';

/**
 * VS Code. The user-profile `mcp.json` sits next to the user `settings.json`
 * (`~/Library/Application Support/Code/User`, `%APPDATA%\Code\User`, `~/.config/Code/User`) and
 * holds servers under a top-level `servers` object; stdio servers need `"type": "stdio"`. It is
 * JSONC like every VS Code settings file: comments and trailing commas are accepted.
 * Non-default profiles keep their own `User/profiles/<id>/mcp.json`; only the default profile
 * is written.
 *
 * https://code.visualstudio.com/docs/copilot/reference/mcp-configuration;
 * https://code.visualstudio.com/docs/getstarted/settings#_settings-file-locations.
 */
export const vscodeAdapter: ClientAdapter = {
  id: 'vscode',
  displayName: 'VS Code',
  docs: [
    'https://code.visualstudio.com/docs/copilot/reference/mcp-configuration',
    'https://code.visualstudio.com/docs/getstarted/settings#_settings-file-locations',
  ],
  format: 'jsonc',
  trailingCommas: true,
  serversPath: ['servers'],
  reloadHint: 'VS Code notices the change; start the server from the MCP Servers list if it does not start.',
  configPath(ctx) {
    return joinFor(ctx, appConfigDir(ctx, 'Code'), 'User', 'mcp.json');
  },
  toEntry: (launch) => ({ type: 'stdio', ...stdioEntry(launch) }),
  readEntry(raw) {
    // `type` is optional in older files; an http server has a url instead of a command.
    return readStdioEntry(raw);
  },
  // "HTTP and Server-Sent Events (SSE) servers": `type` ("http" or "sse", required), `url`,
  // and optional `headers` "for authentication or configuration"; with "http" VS Code uses
  // Streamable HTTP. https://code.visualstudio.com/docs/copilot/reference/mcp-configuration
  http: {
    docs: ['https://code.visualstudio.com/docs/copilot/reference/mcp-configuration'],
    toEntry: (url, headers) => ({ type: 'http', url, headers }),
  },
};
