import type { App, Dialog, Tray } from 'electron';
import { APP_USER_MODEL_ID } from '../core/platform/app-identity';
import type { LaunchArgs } from '../core/platform/launch-args';
import { parseLaunchArgs } from '../core/platform/launch-args';
import { currentDataDir } from '../core/platform/paths';
import type { ShellContext } from './shell-context';
import type { PreventableEvent, ShellWindow } from './setup-window';

/** The parts of Electron's `app` that take the single-instance lock. */
export interface SingleInstanceApp extends Pick<App, 'requestSingleInstanceLock' | 'quit'> {
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
}

/** The parts of Electron's `app` that quitting uses. */
export interface QuitApp extends Pick<App, 'exit'> {
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
}

/** First thing at launch: without the id, Windows shows toasts under the wrong name or not at all. */
export function setupAppIdentity(app: Pick<App, 'setAppUserModelId'>): void {
  // The method exists only on Windows.
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}

/** What this launch's command line asks for (see also `openedAtLogin`). */
export function readLaunch(): LaunchArgs {
  return parseLaunchArgs(process.argv);
}

/**
 * Points Electron's own storage (and with it the single-instance lock) at our data folder, so
 * apps with different `--data-dir`s run side by side and the CLI and the app agree. Must run
 * before the lock is taken.
 */
export function setupDataDir(launch: LaunchArgs, app: Pick<App, 'setPath'>): string {
  const dataDir = currentDataDir(launch.dataDir);
  app.setPath('userData', dataDir);
  return dataDir;
}

/**
 * One app per data folder: a later launch quits at once and hands its command line to this one, which
 * focuses its window or opens the `mcp-tray://` link it carries.
 */
export function setupSingleInstance(
  app: SingleInstanceApp,
  onSecondLaunch: (launch: LaunchArgs) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondLaunch(parseLaunchArgs(argv)));
  return true;
}

/**
 * Start-up failed (a data folder held by `mcp-tray serve`, a broken install): say why and exit.
 * A process without a UI must never linger holding the single-instance lock. `showErrorBox` is the
 * one dialog Electron allows before `ready` (Linux prints it to stderr then).
 */
export function fatal(error: unknown, app: Pick<App, 'exit'>, dialog: Pick<Dialog, 'showErrorBox'>): void {
  const reason = error instanceof Error ? error.message : String(error);
  try {
    dialog.showErrorBox('MCP Tray could not start', reason);
  } finally {
    app.exit(1);
  }
}

/**
 * macOS: run from the disk image or a quarantined download (App Translocation), the app's path
 * is temporary and AI clients' entries would break. Offers the move (Electron relaunches from
 * Applications); false when the app is moving and start-up must stop here.
 */
export async function offerMoveToApplications(
  app: Pick<App, 'isPackaged' | 'isInApplicationsFolder' | 'moveToApplicationsFolder'>,
  dialog: Pick<Dialog, 'showMessageBox'>,
): Promise<boolean> {
  if (process.platform !== 'darwin' || !app.isPackaged || app.isInApplicationsFolder()) return true;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    message: 'Move MCP Tray to your Applications folder?',
    detail:
      'AI clients start MCP Tray from where it is installed. Run from here, their settings would stop working once this copy goes away.',
    buttons: ['Move to Applications', 'Not Now'],
    defaultId: 0,
    cancelId: 1,
  });
  return !(response === 0 && app.moveToApplicationsFolder());
}

/** macOS: clicking the Dock icon, or opening the app again from Finder or Spotlight, shows the window. */
export function setupActivate(
  app: { on(event: 'activate', listener: () => void): unknown },
  window: Pick<ShellWindow, 'show'>,
): void {
  app.on('activate', () => window.show());
}

/** Closing the window keeps the app in the tray; Quit stops the core (every server) cleanly. */
export function setupQuit(
  ctx: ShellContext,
  window: Pick<ShellWindow, 'prepareToQuit'>,
  tray: Pick<Tray, 'isDestroyed' | 'destroy'> | null,
  app: QuitApp,
): void {
  app.on('window-all-closed', () => undefined);
  let stopping = false;
  app.on('before-quit', (event) => {
    window.prepareToQuit();
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    // Windows leaves a ghost icon behind a tray that is not destroyed.
    if (tray && !tray.isDestroyed()) tray.destroy();
    ctx.running
      .shutdown()
      .finally(() => app.exit(0))
      .catch(() => undefined);
  });
}
