import path from 'node:path';
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { AppNotification, NotificationTarget, Notifier } from '../core/platform/notifier';

/** One shown notification as the notifier uses it (Electron's `Notification`). */
export interface ShownNotification extends Pick<Notification, 'show'> {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: () => void): unknown;
}

/** The Electron pieces notifications need, given by main.ts. */
export interface NotificationElectron {
  /** `Notification.isSupported()`. */
  isSupported(): boolean;
  /** `new Notification(options)`. */
  create(
    options: Pick<NotificationConstructorOptions, 'title' | 'body' | 'silent' | 'icon'>,
  ): ShownNotification;
}

/**
 * Desktop notifications through Electron's `Notification`. A click calls `onClick` with the
 * notification's target (the shell opens the window there). References to shown notifications
 * are kept until they are closed or clicked: a notification that is garbage-collected loses its
 * click handler on some platforms.
 */
export class ElectronNotifier implements Notifier {
  private readonly live = new Set<ShownNotification>();
  private clickHandler: (target: NotificationTarget) => void = () => undefined;

  constructor(
    private readonly iconPath: string | null,
    private readonly electron: NotificationElectron,
  ) {}

  /** Where clicks go; set once the window exists (the core, and so notifications, start earlier). */
  onClick(handler: (target: NotificationTarget) => void): void {
    this.clickHandler = handler;
  }

  /** How many shown notifications are still held (until clicked, closed or failed). */
  get pending(): number {
    return this.live.size;
  }

  notify({ title, body, target }: AppNotification): void {
    if (!this.electron.isSupported()) return;
    const notification = this.electron.create({
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
export function createNotifier(
  distDir: string,
  electron: NotificationElectron,
  platform: NodeJS.Platform = process.platform,
): ElectronNotifier {
  return new ElectronNotifier(
    platform === 'darwin' ? null : path.join(distDir, '..', 'resources', 'icon.png'),
    electron,
  );
}
