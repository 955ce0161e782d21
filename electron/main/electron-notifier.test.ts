import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotificationTarget } from '../core/platform/notifier';
import { NotificationDouble, ShellWindowDouble } from '../../test/main/electron-doubles';
import { startedShell } from '../../test/main/shell-context';
import { createNotifier } from './electron-notifier';
import { setupRoutes } from './setup-routes';

/** A notifier on a `Notification` double that keeps what it made. */
function notifierUnderTest(supported = true, platform: NodeJS.Platform = 'linux') {
  const made: NotificationDouble[] = [];
  const notifier = createNotifier(
    '/app/dist',
    {
      isSupported: () => supported,
      create: (options) => {
        const notification = new NotificationDouble(options);
        made.push(notification);
        return notification;
      },
    },
    platform,
  );
  return { notifier, made };
}

const crash: NotificationTarget = { kind: 'instance', id: 'notes' };

describe('desktop notifications', () => {
  it('shows one with the app icon and holds it until it is clicked or closed', () => {
    const { notifier, made } = notifierUnderTest();
    notifier.notify({ title: 'Notes stopped', body: 'It crashed.', target: crash });
    notifier.notify({ title: 'Clients changed', body: 'Cursor', target: { kind: 'clients' } });
    expect(made.map((n) => [n.options, n.shown])).toEqual([
      [
        {
          title: 'Notes stopped',
          body: 'It crashed.',
          silent: false,
          icon: path.join('/app/resources/icon.png'),
        },
        true,
      ],
      [
        {
          title: 'Clients changed',
          body: 'Cursor',
          silent: false,
          icon: path.join('/app/resources/icon.png'),
        },
        true,
      ],
    ]);
    expect(notifier.pending).toBe(2);
    made[0]!.emit('click');
    made[1]!.emit('close');
    expect(notifier.pending).toBe(0);
  });

  it('uses no icon of its own on macOS, and shows nothing where notifications are unsupported', () => {
    const mac = notifierUnderTest(true, 'darwin');
    mac.notifier.notify({ title: 't', body: 'b', target: crash });
    expect(mac.made[0]!.options).not.toHaveProperty('icon');
    const none = notifierUnderTest(false);
    none.notifier.notify({ title: 't', body: 'b', target: crash });
    expect(none.made).toEqual([]);
  });

  it('a click opens the window on the notification target', async () => {
    const { notifier, made } = notifierUnderTest();
    // A click before the window exists goes nowhere, and does not throw.
    notifier.notify({ title: 'early', body: '', target: crash });
    made[0]!.emit('click');
    const window = new ShellWindowDouble();
    setupRoutes(await startedShell(), window, notifier);
    notifier.notify({ title: 'Notes stopped', body: '', target: crash });
    notifier.notify({ title: 'Clients changed', body: '', target: { kind: 'clients' } });
    notifier.notify({ title: 'Update', body: '', target: { kind: 'window' } });
    for (const n of made.slice(1)) n.emit('click');
    expect(window.calls).toEqual(['open(#/services/notes)', 'open(#/clients)', 'open(null)']);
  });

  it('a finished sign-in brings the window forward on its service', async () => {
    const ctx = await startedShell();
    const window = new ShellWindowDouble();
    setupRoutes(ctx, window, notifierUnderTest().notifier);
    ctx.running.core.bus.emit('signInFinished', { id: 'gmail', ok: true, message: null });
    expect(window.calls).toEqual(['open(#/services/gmail)']);
  });
});
