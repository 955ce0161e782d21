import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders the CLI build puts code in below `dist/cli` (see scripts/build-node.mjs). */
const BUILD_FOLDERS = new Set(['heavy', 'chunks']);

/**
 * The `dist/cli` folder of this build. Code built into `dist/cli/heavy/` or its `chunks/` must
 * not take its own folder for it, or the renderer and `mcp-tray.mjs` would be looked for in the
 * wrong place.
 */
export function cliDir(moduleUrl: string): string {
  let here = path.dirname(fileURLToPath(moduleUrl));
  while (BUILD_FOLDERS.has(path.basename(here))) here = path.dirname(here);
  return here;
}
