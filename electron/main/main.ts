import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  dialog,
  ipcMain,
  nativeImage,
  nativeTheme,
  protocol,
  session,
  shell,
} from 'electron';
import { closeAction, startupWindow } from '../core/platform/tray-availability';
import type { NotificationElectron } from './electron-notifier';
import { createNotifier } from './electron-notifier';
import { createLoginItem, openedAtLogin } from './login-item';
import { distDir, setupCore } from './setup-core';
import type { DeepLinkInbox } from './setup-deep-links';
import { registerDeepLinks, setupDeepLinks } from './setup-deep-links';
import { setupE2eProbe } from './setup-e2e';
import { setupIpc } from './setup-ipc';
import type { LaunchArgs } from '../core/platform/launch-args';
import {
  fatal,
  offerMoveToApplications,
  readLaunch,
  setupActivate,
  setupAppIdentity,
  setupDataDir,
  setupQuit,
  setupSingleInstance,
} from './setup-lifecycle';
import { setupRoutes } from './setup-routes';
import { registerAppScheme, setupSecurity } from './setup-security';
import { detectTray, setupTray } from './setup-tray';
import { rendererUrl, setupWindow } from './setup-window';

// The one file that takes values from 'electron': every setup step gets the pieces it uses as
// parameters, so each can be tested with small doubles (test/main/).
const die = (error: unknown) => fatal(error, app, dialog);
const notifications: NotificationElectron = {
  isSupported: () => Notification.isSupported(),
  create: (options) => new Notification(options),
};

// Electron emits `ready` only after this entry has finished evaluating, so only synchronous
// pre-ready steps run here and everything else waits in `start` (a top-level await on `ready`
// would hang the app: electron/electron#40719). Links and second launches that arrive before the
// window exists wait in `links`.
try {
  setupAppIdentity(app);
  const launch = readLaunch();
  const dataDir = setupDataDir(launch, app);
  const links = registerDeepLinks(launch, app);
  if (setupSingleInstance(app, (next) => links.secondLaunch(next))) {
    registerAppScheme(protocol);
    app
      .whenReady()
      .then(() => start(launch, dataDir, links))
      .catch(die);
  }
} catch (error) {
  die(error);
}

/** Everything that needs a ready app: the core, then the shell around it. */
async function start(launch: LaunchArgs, dataDir: string, links: DeepLinkInbox): Promise<void> {
  if (!(await offerMoveToApplications(app, dialog))) return;
  const notifier = createNotifier(distDir(), notifications);
  const ctx = await setupCore(dataDir, notifier, { app, shell });
  try {
    const log = ctx.running.deps.logger.child('shell');
    setupSecurity(ctx.distDir, (what, detail) => log.warn(`refused ${what}`, { detail }), {
      protocol,
      session: session.defaultSession,
      app,
    });
    const probe = setupE2eProbe();
    const tray = await detectTray(log);
    const window = setupWindow(
      ctx,
      { onClose: closeAction(tray.tray) },
      { createWindow: (options) => new BrowserWindow(options), shell, nativeTheme },
    );
    setupRoutes(ctx, window, notifier);
    setupIpc(ctx, rendererUrl(), { ipcMain, allWindows: () => BrowserWindow.getAllWindows() });
    const trayIcon = tray.tray
      ? setupTray(
          ctx,
          window,
          createLoginItem(app),
          {
            image: (file) => nativeImage.createFromPath(file),
            createTray: (image) => new Tray(image),
            buildMenu: (template) => Menu.buildFromTemplate(template),
            app,
            platform: process.platform,
          },
          probe?.recordTray,
        )
      : null;
    setupDeepLinks(ctx, window, links);
    setupActivate(app, window);
    setupQuit(ctx, window, trayIcon, app);
    const shown = startupWindow({ hidden: launch.hidden || openedAtLogin(app), tray: tray.tray });
    if (shown === 'shown') window.show();
    if (shown === 'minimized') window.showMinimized();
    probe?.ready(tray);
  } catch (error) {
    // No UI came up: stop the servers before saying why and exiting.
    await ctx.running.shutdown().catch(() => undefined);
    throw error;
  }
}
