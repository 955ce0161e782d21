import type { AdapterContext, ClientAdapter } from '../client-adapter';
import { readStdioEntry, stdioEntry } from '../client-adapter';
import { joinFor, pathsFor } from './platform-paths';

/**
 * LM Studio's home folder, found the way LM Studio's own SDK does (lmstudio-js
 * `findLMStudioHome`): the path written in `~/.lmstudio-home-pointer`, else the legacy
 * `~/.cache/lm-studio` if it exists, else `~/.lmstudio`. Older installs really do keep
 * `mcp.json` under `~/.cache/lm-studio` (https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1371).
 */
function lmStudioHome(ctx: AdapterContext): string {
  const pointer = ctx.readText(joinFor(ctx, ctx.home, '.lmstudio-home-pointer'))?.trim();
  if (pointer && pathsFor(ctx).isAbsolute(pointer)) return pointer;
  const legacy = joinFor(ctx, ctx.home, '.cache', 'lm-studio');
  if (ctx.exists(legacy)) return legacy;
  return joinFor(ctx, ctx.home, '.lmstudio');
}

/**
 * LM Studio (0.3.17+). `mcp.json` in LM Studio's home, "Cursor's mcp.json notation" (servers
 * under `mcpServers`), so strict JSON like Cursor.
 *
 * https://lmstudio.ai/docs/app/mcp
 */
export const lmStudioAdapter: ClientAdapter = {
  id: 'lm-studio',
  displayName: 'LM Studio',
  docs: [
    'https://lmstudio.ai/docs/app/mcp',
    'https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1371',
  ],
  format: 'json',
  trailingCommas: false,
  serversPath: ['mcpServers'],
  reloadHint: 'LM Studio picks up mcp.json changes; if the server is missing, restart LM Studio.',
  configPath(ctx) {
    return joinFor(ctx, lmStudioHome(ctx), 'mcp.json');
  },
  toEntry: stdioEntry,
  readEntry: readStdioEntry,
};
