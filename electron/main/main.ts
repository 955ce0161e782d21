import { app } from 'electron';
import { setupCore } from './setup-core';
import { setupIpc } from './setup-ipc';
import { setupQuit, setupSingleInstance } from './setup-lifecycle';
import { setupTray } from './setup-tray';
import { rendererUrl, setupWindow } from './setup-window';

let showWindow: (() => unknown) | null = null;

if (setupSingleInstance(() => showWindow?.())) {
  await app.whenReady();
  const ctx = await setupCore();
  setupIpc(ctx, rendererUrl(ctx));
  const show = setupWindow(ctx);
  showWindow = show;
  setupTray(ctx, show);
  setupQuit(ctx);
  // Launched at login: stay in the tray until the user opens the window.
  if (!app.getLoginItemSettings().wasOpenedAtLogin && !process.argv.includes('--hidden')) show();
}
