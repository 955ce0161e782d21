import { app } from 'electron';
import { targetRoute } from '../core/platform/notifier';
import { closeAction, startupWindow } from '../core/platform/tray-availability';
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
import { registerAppScheme, setupSecurity } from './setup-security';
import { detectTray, setupTray } from './setup-tray';
import { rendererUrl, setupWindow } from './setup-window';

// Electron emits `ready` only after this entry has finished evaluating, so only synchronous
// pre-ready steps run here and everything else waits in `start` (a top-level await on `ready`
// would hang the app: electron/electron#40719). Links and second launches that arrive before the
// window exists wait in `links`.
try {
  setupAppIdentity();
  const launch = readLaunch();
  const dataDir = setupDataDir(launch);
  const links = registerDeepLinks(launch);
  if (setupSingleInstance((next) => links.secondLaunch(next))) {
    registerAppScheme();
    app
      .whenReady()
      .then(() => start(launch, dataDir, links))
      .catch(fatal);
  }
} catch (error) {
  fatal(error);
}

/** Everything that needs a ready app: the core, then the shell around it. */
async function start(launch: LaunchArgs, dataDir: string, links: DeepLinkInbox): Promise<void> {
  if (!(await offerMoveToApplications())) return;
  const notifier = createNotifier(distDir());
  const ctx = await setupCore(dataDir, notifier);
  try {
    const log = ctx.running.deps.logger.child('shell');
    setupSecurity(ctx.distDir, (what, detail) => log.warn(`refused ${what}`, { detail }));
    const probe = setupE2eProbe();
    const tray = await detectTray(log);
    const window = setupWindow(ctx, { onClose: closeAction(tray.tray) });
    notifier.onClick((target) => void window.open(targetRoute(target)).catch(() => undefined));
    // Back from the browser: the app comes forward on the service that signed in.
    ctx.running.core.bus.on('signInFinished', ({ id }) => {
      void window.open(targetRoute({ kind: 'instance', id })).catch(() => undefined);
    });
    setupIpc(ctx, rendererUrl());
    const trayIcon = tray.tray ? setupTray(ctx, window, createLoginItem(), probe?.recordTray) : null;
    setupDeepLinks(ctx, window, links);
    setupActivate(window);
    setupQuit(ctx, window, trayIcon);
    const shown = startupWindow({ hidden: launch.hidden || openedAtLogin(), tray: tray.tray });
    if (shown === 'shown') window.show();
    if (shown === 'minimized') window.showMinimized();
    probe?.ready(tray);
  } catch (error) {
    // No UI came up: stop the servers before saying why and exiting.
    await ctx.running.shutdown().catch(() => undefined);
    throw error;
  }
}
