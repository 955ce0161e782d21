import { targetRoute } from '../core/platform/notifier';
import type { ElectronNotifier } from './electron-notifier';
import type { ShellContext } from './shell-context';
import type { ShellWindow } from './setup-window';

/**
 * What brings the window forward on a screen of its own: a notification click opens it on the
 * notification's target, and coming back from the browser after a sign-in opens the service
 * that signed in.
 */
export function setupRoutes(
  ctx: ShellContext,
  window: Pick<ShellWindow, 'open'>,
  notifier: Pick<ElectronNotifier, 'onClick'>,
): void {
  notifier.onClick((target) => void window.open(targetRoute(target)).catch(() => undefined));
  ctx.running.core.bus.on('signInFinished', ({ id }) => {
    void window.open(targetRoute({ kind: 'instance', id })).catch(() => undefined);
  });
}
