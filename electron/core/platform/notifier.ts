import type { Logger } from './logger';

/** Where clicking a notification takes the user. */
export type NotificationTarget = { kind: 'instance'; id: string } | { kind: 'clients' } | { kind: 'window' };

/** One desktop notification. */
export interface AppNotification {
  title: string;
  body: string;
  target: NotificationTarget;
}

/**
 * Shows desktop notifications. The Electron shell passes one built on Electron's
 * `Notification` (clicks open the window on the target); the headless host and tests log or
 * record them. The core never imports Electron, so this is all it knows.
 */
export interface Notifier {
  notify(notification: AppNotification): void;
}

/** The headless host's notifier: there is no desktop to show them on, so they go to the log. */
export class LogNotifier implements Notifier {
  constructor(private readonly logger: Logger) {}

  notify(notification: AppNotification): void {
    this.logger.info('notification', {
      title: notification.title,
      body: notification.body,
      target: notification.target.kind,
    });
  }
}

/** The renderer's hash route for a target (see renderer/src/routing/routes.ts), or null for "just open". */
export function targetRoute(target: NotificationTarget): string | null {
  switch (target.kind) {
    case 'instance':
      return `#/services/${encodeURIComponent(target.id)}`;
    case 'clients':
      return '#/clients';
    case 'window':
      return null;
  }
}
