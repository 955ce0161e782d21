import path from 'node:path';
import { Notification } from 'electron';
import type { AppNotification, NotificationTarget, Notifier } from '../core/platform/notifier';

/**
 * Desktop notifications through Electron's `Notification`. A click calls `onClick` with the
 * notification's target (the shell opens the window there). References to shown notifications
 * are kept until they are closed or clicked: a notification that is garbage-collected loses its
 * click handler on some platforms.
 */
export class ElectronNotifier implements Notifier {
  private readonly live = new Set<Notification>();
  private clickHandler: (target: NotificationTarget) => void = () => undefined;

  constructor(private readonly iconPath: string | null) {}

  /** Where clicks go; set once the window exists (the core, and so notifications, start earlier). */
  onClick(handler: (target: NotificationTarget) => void): void {
    this.clickHandler = handler;
  }

  notify({ title, body, target }: AppNotification): void {
    if (!Notification.isSupported()) return;
    const notification = new Notification({
      title,
      body,
      silent: false,
      ...(this.iconPath ? { icon: this.iconPath } : {}),
    });
    const forget = () => this.live.delete(notification);
    notification.on('click', () => {
      forget();
      this.clickHandler(target);
    });
    notification.on('close', forget);
    notification.on('failed', forget);
    this.live.add(notification);
    notification.show();
  }
}

/** The notifier for this app, using the app icon where the platform shows one. */
export function createNotifier(distDir: string): ElectronNotifier {
  return new ElectronNotifier(
    process.platform === 'darwin' ? null : path.join(distDir, '..', 'resources', 'icon.png'),
  );
}
