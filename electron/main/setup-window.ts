import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell } from 'electron';
import type { ShellContext } from './shell-context';

/** URL of the built renderer inside the app. */
export const rendererUrl = (ctx: ShellContext): string =>
  pathToFileURL(path.join(ctx.distDir, 'renderer', 'index.html')).href;

/** The main window: isolated, sandboxed, no Node, external links to the system browser. */
export function setupWindow(ctx: ShellContext): () => BrowserWindow {
  let window: BrowserWindow | null = null;
  const create = (): BrowserWindow => {
    window = new BrowserWindow({
      width: 1040,
      height: 700,
      minWidth: 800,
      minHeight: 560,
      show: false,
      title: 'MCP Tray',
      webPreferences: {
        preload: path.join(ctx.distDir, 'preload', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    window.webContents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) shell.openExternal(url).catch(() => undefined);
      return { action: 'deny' };
    });
    window.webContents.on('will-navigate', (event, url) => {
      if (url !== rendererUrl(ctx)) event.preventDefault();
    });
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      window = null;
    });
    window.loadURL(rendererUrl(ctx)).catch((error: unknown) => {
      ctx.running.deps.logger.error('window failed to load', { error: String(error) });
    });
    return window;
  };
  return () => {
    if (!window) return create();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  };
}
