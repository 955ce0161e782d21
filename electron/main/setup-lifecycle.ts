import { app } from 'electron';
import type { ShellContext } from './shell-context';

/** One app per user: a second launch focuses the first one's window. */
export function setupSingleInstance(focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focus);
  return true;
}

/** Closing the window keeps the app in the tray; Quit stops the core cleanly. */
export function setupQuit(ctx: ShellContext): void {
  app.on('window-all-closed', () => undefined);
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    ctx.running
      .shutdown()
      .finally(() => app.exit(0))
      .catch(() => undefined);
  });
}
