import type { AdapterContext, ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { envPath, joinFor, roamingAppData, xdgConfigHome } from './platform-paths';

/** Zed's config folder, as in Zed's `crates/paths/src/paths.rs` `config_dir()`. */
function zedConfigDir(ctx: AdapterContext): string {
  if (ctx.platform === 'win32') return joinFor(ctx, roamingAppData(ctx), 'Zed');
  if (ctx.platform === 'linux') {
    return joinFor(ctx, envPath(ctx, 'FLATPAK_XDG_CONFIG_HOME') ?? xdgConfigHome(ctx), 'zed');
  }
  return joinFor(ctx, ctx.home, '.config', 'zed');
}

/**
 * Zed. Custom servers live under `context_servers` in the user `settings.json`, which Zed reads
 * leniently (comments and trailing commas). Current Zed takes `{ command, args, env }` untagged;
 * releases from mid-2025 required the tag `"source": "custom"` on the same flat shape, and the
 * untagged parser ignores it, so writing it keeps both working. Entries from before that
 * (`command: { path, args, env }`) are still read for import.
 *
 * https://zed.dev/docs/ai/mcp; https://zed.dev/docs/configuring-zed (settings file location).
 */
export const zedAdapter: ClientAdapter = {
  id: 'zed',
  displayName: 'Zed',
  docs: ['https://zed.dev/docs/ai/mcp', 'https://zed.dev/docs/configuring-zed'],
  format: 'jsonc',
  trailingCommas: true,
  serversPath: ['context_servers'],
  reloadHint: 'Nothing to do: Zed applies settings.json changes as soon as they are saved.',
  configPath(ctx) {
    return joinFor(ctx, zedConfigDir(ctx), 'settings.json');
  },
  toEntry: (launch) => ({ source: 'custom', ...stdioEntry(launch) }),
  readEntry: readStdioEntry,
};
