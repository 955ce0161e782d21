import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, shell } from 'electron';
import { launchCore } from '../core/app-runtime';
import { assertOpenableUrl } from '../core/platform/opener';
import { currentDataDir } from '../core/platform/paths';
import type { ShellContext } from './shell-context';

const dataDirFlag = (argv: string[]): string | undefined => {
  const index = argv.indexOf('--data-dir');
  return index >= 0 ? argv[index + 1] : undefined;
};

/** Builds the same core as the headless host, with Electron's opener, runtime and data folder. */
export async function setupCore(): Promise<ShellContext> {
  const dataDir = currentDataDir(dataDirFlag(process.argv));
  app.setPath('userData', dataDir);
  const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const running = await launchCore({
    host: 'electron',
    dataDir,
    builtInServersDir: path.join(distDir, '..', 'servers'),
    // Electron runs the orphan guardian as plain Node: no system Node needed.
    runtime: { execPath: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } },
    // The packaged connector runs on the app's own runtime; its client entries also need
    // ELECTRON_RUN_AS_NODE=1, which the packaging issue adds.
    connectorRuntime: { command: process.execPath, args: [path.join(distDir, 'cli', 'mcp-tray.mjs')] },
    opener: {
      openExternal: (url) => {
        assertOpenableUrl(url);
        return shell.openExternal(url);
      },
    },
  });
  return { running, distDir };
}
