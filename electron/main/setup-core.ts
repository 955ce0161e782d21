import path from 'node:path';
import type { App, Shell } from 'electron';
import { launchCore } from '../core/app-runtime';
import { electronRuntime } from '../core/platform/electron-runtime';
import type { Notifier } from '../core/platform/notifier';
import { installStableCli } from '../core/platform/stable-cli';
import { assertOpenableUrl } from '../core/platform/opener';
import { ProcessGuard } from '../core/platform/process-guard';
import type { ShellContext } from './shell-context';

/** The built app's `dist/` folder (the main process is the CommonJS bundle `dist/main/main.cjs`). */
export const distDir = (): string => path.resolve(__dirname, '..');

/**
 * Builds the same core as the headless host, with Electron's opener, notifier and data folder.
 * Everything it runs as Node (guardian, built-in servers, the connector in clients' configs)
 * runs on this binary with ELECTRON_RUN_AS_NODE=1, so users need no Node of their own.
 */
export async function setupCore(
  dataDir: string,
  notifier: Notifier,
  { app, shell }: { app: Pick<App, 'quit' | 'isPackaged'>; shell: Pick<Shell, 'openExternal'> },
): Promise<ShellContext> {
  const dist = distDir();
  const plan = electronRuntime({
    execPath: process.execPath,
    distDir: dist,
    env: process.env,
    platform: process.platform,
    dataDir,
  });
  if (plan.stableCli) installStableCli(plan.stableCli.from, plan.stableCli.to);
  const running = await launchCore({
    host: 'electron',
    dataDir,
    builtInServersDir: plan.builtInServersDir,
    runtime: plan.runtime,
    connectorRuntime: plan.connectorRuntime,
    notifier,
    // `mcp-tray quit`: the same clean stop as the tray's Quit.
    onQuit: () => app.quit(),
    opener: {
      openExternal: (url) => {
        assertOpenableUrl(url);
        return shell.openExternal(url);
      },
    },
  });
  // Without it, Electron shows a dialog for an unhandled error and the app may stop serving.
  new ProcessGuard(running.deps.logger.child('guard')).install();
  return { running, distDir: dist, packaged: app.isPackaged };
}
