import { app } from 'electron';
import type { LaunchArgs } from '../core/platform/launch-args';
import { parseLaunchArgs } from '../core/platform/launch-args';
import { currentDataDir } from '../core/platform/paths';
import type { ShellContext } from './shell-context';
import type { MainWindow } from './setup-window';

/** What this launch's command line asks for (see also `openedAtLogin`). */
export function readLaunch(): LaunchArgs {
  return parseLaunchArgs(process.argv);
}

/**
 * Points Electron's own storage (and with it the single-instance lock) at our data folder, so
 * apps with different `--data-dir`s run side by side and the CLI and the app agree. Must run
 * before the lock is taken.
 */
export function setupDataDir(launch: LaunchArgs): string {
  const dataDir = currentDataDir(launch.dataDir);
  app.setPath('userData', dataDir);
  return dataDir;
}

/** Resolves when Electron is ready for windows, trays and protocols. */
export const whenReady = (): Promise<void> => app.whenReady();

/**
 * One app per data folder: a later launch quits at once and hands its command line to this one, which
 * focuses its window or opens the `mcp-tray://` link it carries.
 */
export function setupSingleInstance(onSecondLaunch: (launch: LaunchArgs) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondLaunch(parseLaunchArgs(argv)));
  return true;
}

/** Closing the window keeps the app in the tray; Quit stops the core (every server) cleanly. */
export function setupQuit(ctx: ShellContext, window: MainWindow): void {
  app.on('window-all-closed', () => undefined);
  let stopping = false;
  app.on('before-quit', (event) => {
    window.prepareToQuit();
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    ctx.running
      .shutdown()
      .finally(() => app.exit(0))
      .catch(() => undefined);
  });
}
