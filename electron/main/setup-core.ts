import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, shell } from 'electron';
import { createCore } from '../core/core';
import { createNodeDeps } from '../core/node-deps';
import { InstanceLock } from '../core/platform/instance-lock';
import { assertOpenableUrl } from '../core/platform/opener';
import { appPaths, currentDataDir } from '../core/platform/paths';
import type { ShellContext } from './shell-context';

const dataDirFlag = (argv: string[]): string | undefined => {
  const index = argv.indexOf('--data-dir');
  return index >= 0 ? argv[index + 1] : undefined;
};

/** Builds the same core as the headless host, with Electron's opener and data folder. */
export function setupCore(): ShellContext {
  const dataDir = currentDataDir(dataDirFlag(process.argv));
  app.setPath('userData', dataDir);
  const lock = new InstanceLock(appPaths(dataDir).runDir);
  lock.acquire();
  const deps = createNodeDeps({
    host: 'electron',
    dataDir,
    opener: {
      openExternal: (url) => {
        assertOpenableUrl(url);
        return shell.openExternal(url);
      },
    },
  });
  lock.publish({ pid: process.pid, url: null, port: null });
  const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return { core: createCore(deps), deps, lock, distDir };
}
