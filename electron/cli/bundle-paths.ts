import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `dist/cli` folder of this build. Code split into `dist/cli/chunks/` must not take its
 * own folder for it, or the renderer and `mcp-tray.mjs` would be looked for in the wrong place.
 */
export function cliDir(moduleUrl: string): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  return path.basename(here) === 'chunks' ? path.dirname(here) : here;
}
