import { targetRoute } from '../core/platform/notifier';
import { closeAction, startupWindow } from '../core/platform/tray-availability';
import { createNotifier } from './electron-notifier';
import { createLoginItem, openedAtLogin } from './login-item';
import { distDir, setupCore } from './setup-core';
import { registerDeepLinks, setupDeepLinks } from './setup-deep-links';
import { setupE2eProbe } from './setup-e2e';
import { setupIpc } from './setup-ipc';
import { readLaunch, setupDataDir, setupQuit, setupSingleInstance, whenReady } from './setup-lifecycle';
import { registerAppScheme, setupSecurity } from './setup-security';
import { detectTray, setupTray } from './setup-tray';
import { rendererUrl, setupWindow } from './setup-window';

// One concern per step (see the setup-*.ts files). Links and second launches that arrive
// before the window exists wait in `links`.
const launch = readLaunch();
const dataDir = setupDataDir(launch);
const links = registerDeepLinks(launch);
if (setupSingleInstance((next) => links.secondLaunch(next))) {
  registerAppScheme();
  await whenReady();
  const notifier = createNotifier(distDir());
  const ctx = await setupCore(dataDir, notifier);
  const log = ctx.running.deps.logger.child('shell');
  setupSecurity(ctx.distDir, (what, detail) => log.warn(`refused ${what}`, { detail }));
  const probe = setupE2eProbe();
  const tray = await detectTray(log);
  const window = setupWindow(ctx, { onClose: closeAction(tray.tray) });
  notifier.onClick((target) => void window.open(targetRoute(target)));
  // Back from the browser: the app comes forward on the service that signed in.
  ctx.running.core.bus.on('signInFinished', ({ id }) => {
    void window.open(targetRoute({ kind: 'instance', id }));
  });
  setupIpc(ctx, rendererUrl());
  if (tray.tray) setupTray(ctx, window, createLoginItem(), probe?.recordTray);
  setupDeepLinks(ctx, window, links);
  setupQuit(ctx, window);
  const start = startupWindow({ hidden: launch.hidden || openedAtLogin(), tray: tray.tray });
  if (start === 'shown') window.show();
  if (start === 'minimized') window.showMinimized();
  probe?.ready(tray);
}
