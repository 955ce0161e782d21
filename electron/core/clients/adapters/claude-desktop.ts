import type { AdapterContext, ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { appConfigDir, joinFor, localAppData } from './platform-paths';

/**
 * Package family name of Claude Desktop's MSIX install on Windows (Microsoft Store, and since
 * early 2026 the claude.ai installer too). Windows virtualises `%APPDATA%` for packaged apps, so
 * such an install never reads `%APPDATA%\Claude`; it reads the copy inside its package folder.
 */
export const CLAUDE_MSIX_PACKAGE = 'Claude_pzs8sxrjxfjjc';

const FILE = 'claude_desktop_config.json';

function msixPackageDir(ctx: AdapterContext): string {
  return joinFor(ctx, localAppData(ctx), 'Packages', CLAUDE_MSIX_PACKAGE);
}

/** Whether Claude Desktop on this Windows machine is the MSIX (packaged) install. */
export function isClaudeMsixInstall(ctx: AdapterContext): boolean {
  return ctx.platform === 'win32' && ctx.exists(msixPackageDir(ctx));
}

/**
 * Claude Desktop. Strict JSON: the app parses the file with `JSON.parse`, so a comment or a
 * trailing comma makes it ignore every server; we refuse to write such a file rather than hide it.
 *
 * Paths: https://modelcontextprotocol.io/docs/develop/connect-local-servers (macOS, Windows);
 * MSIX location: https://github.com/anthropics/claude-code/issues/26073 (the app reads
 * `%LOCALAPPDATA%\Packages\Claude_pzs8sxrjxfjjc\LocalCache\Roaming\Claude\…`). Linux has no
 * official build; community builds use Electron's default `$XDG_CONFIG_HOME/Claude`.
 */
export const claudeDesktopAdapter: ClientAdapter = {
  id: 'claude-desktop',
  displayName: 'Claude Desktop',
  docs: [
    'https://modelcontextprotocol.io/docs/develop/connect-local-servers',
    'https://github.com/anthropics/claude-code/issues/26073',
  ],
  format: 'json',
  trailingCommas: false,
  serversPath: ['mcpServers'],
  reloadHint:
    'Quit Claude Desktop completely (from the menu bar or tray, not just the window) and open it again.',
  configPath(ctx) {
    if (isClaudeMsixInstall(ctx)) {
      return joinFor(ctx, msixPackageDir(ctx), 'LocalCache', 'Roaming', 'Claude', FILE);
    }
    return joinFor(ctx, appConfigDir(ctx, 'Claude'), FILE);
  },
  toEntry: stdioEntry,
  readEntry: readStdioEntry,
};
