import { app } from 'electron';
import { setupCore } from './setup-core';
import { setupIpc } from './setup-ipc';
import { setupQuit, setupSingleInstance } from './setup-lifecycle';
import { setupTray } from './setup-tray';
import { rendererUrl, setupWindow } from './setup-window';

let showWindow: () => void = () => undefined;

if (setupSingleInstance(() => showWindow())) {
  await app.whenReady();
  const ctx = await setupCore();
  setupIpc(ctx, rendererUrl(ctx));
  showWindow = setupWindow(ctx);
  setupTray(ctx, showWindow);
  setupQuit(ctx);
  showWindow();
}
