import path from 'node:path';
import { BrowserWindow, nativeTheme, shell } from 'electron';
import { APP_ENTRY_URL } from '../core/platform/app-protocol';
import type { CloseAction } from '../core/platform/tray-availability';
import { mainWindowOptions, navigationAllowed, windowOpenDecision } from '../shared/window-options';
import type { ShellContext } from './shell-context';

/** URL of the built renderer inside the app (served by the `app://` handler). */
export const rendererUrl = (): string => APP_ENTRY_URL;

/** How the main window behaves, decided at launch (see `tray-availability.ts`). */
export interface WindowBehaviour {
  /** What closing the window does while the app is not quitting. */
  onClose: CloseAction;
}

/**
 * The one main window: created on demand, isolated, sandboxed, no Node; navigation and new
 * windows are refused (links for the browser go to the system after a scheme check).
 */
export class MainWindow {
  private window: BrowserWindow | null = null;
  private loaded: Promise<BrowserWindow> | null = null;
  private quitting = false;

  constructor(
    private readonly ctx: ShellContext,
    private readonly behaviour: WindowBehaviour,
  ) {}

  /** Shows (creating if needed), restores and focuses the window. */
  show(): BrowserWindow {
    // A new window shows itself when ready, so the user never sees an empty frame.
    if (!this.window) return this.create();
    const window = this.window;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  }

  /** Opens the window minimised, for a launch at login on a desktop without a tray. */
  showMinimized(): void {
    if (!this.window) this.create(true);
  }

  /** Shows the window once its page has loaded; `hash` (e.g. `#/services/notes`) selects a screen. */
  async open(hash: string | null = null): Promise<BrowserWindow> {
    this.show();
    const window = await this.whenLoaded();
    if (hash) await window.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
    return window;
  }

  /** Sends one IPC message to the page once it has loaded, showing the window first. */
  async deliver(channel: string, payload: unknown): Promise<void> {
    this.show();
    const window = await this.whenLoaded();
    window.webContents.send(channel, payload);
  }

  /** From now on closing really closes (Quit was chosen). */
  prepareToQuit(): void {
    this.quitting = true;
  }

  private whenLoaded(): Promise<BrowserWindow> {
    if (!this.window) this.create();
    // A load that failed, or a page that crashed, is tried again.
    else if (!this.loaded) this.load(this.window);
    return this.loaded!;
  }

  /**
   * Loads the page; `loaded` settles either way (a failed load or a crashed page rejects it), so
   * nothing waiting on the page (install links, notification clicks) waits forever.
   */
  private load(window: BrowserWindow): void {
    const { logger } = this.ctx.running.deps;
    const contents = window.webContents;
    const loaded = new Promise<BrowserWindow>((resolve, reject) => {
      const settle = (error: Error | null) => {
        contents.off('did-finish-load', onLoad);
        contents.off('did-fail-load', onFail);
        contents.off('render-process-gone', onGone);
        if (!error) return resolve(window);
        if (this.loaded === loaded) this.loaded = null;
        reject(error);
      };
      const onLoad = () => settle(null);
      const onFail = (
        _e: Electron.Event,
        code: number,
        description: string,
        _url: string,
        mainFrame: boolean,
      ) => {
        // -3 is ERR_ABORTED: a newer navigation replaced this one, which will report itself.
        if (mainFrame && code !== -3)
          settle(new Error(`the window could not load: ${description} (${code})`));
      };
      const onGone = (_e: Electron.Event, details: Electron.RenderProcessGoneDetails) =>
        settle(new Error(`the window's page stopped: ${details.reason}`));
      contents.on('did-finish-load', onLoad);
      contents.on('did-fail-load', onFail);
      contents.on('render-process-gone', onGone);
    });
    // Callers that wait handle the rejection; nobody waiting is not an error.
    loaded.catch((error: unknown) => logger.error('window page failed', { error: String(error) }));
    this.loaded = loaded;
    window.loadURL(rendererUrl()).catch((error: unknown) => {
      logger.error('window failed to load', { error: String(error) });
    });
  }

  private create(minimized = false): BrowserWindow {
    const window = new BrowserWindow(
      mainWindowOptions({
        preloadPath: path.join(this.ctx.distDir, 'preload', 'preload.cjs'),
        packaged: this.ctx.packaged,
        dark: nativeTheme.shouldUseDarkColors,
      }),
    );
    const { logger } = this.ctx.running.deps;
    this.window = window;
    const contents = window.webContents;
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternally) {
        shell
          .openExternal(url)
          .catch((error: unknown) => logger.warn('could not open link', { error: String(error) }));
      } else {
        logger.warn('refused to open a link', { url });
      }
      return { action: decision.action };
    });
    const guard = (event: Electron.Event, url: string) => {
      if (navigationAllowed(url, rendererUrl())) return;
      event.preventDefault();
      logger.warn('refused navigation', { url });
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    window.once('ready-to-show', () => {
      if (!minimized) return window.show();
      window.showInactive();
      window.minimize();
    });
    window.on('close', (event) => {
      if (this.quitting || this.behaviour.onClose === 'close') return;
      // No tray to come back from: keep the window in the taskbar instead.
      event.preventDefault();
      window.minimize();
    });
    window.on('closed', () => {
      if (this.window === window) {
        this.window = null;
        this.loaded = null;
      }
    });
    this.load(window);
    return window;
  }
}

/** The main window; closing it keeps the app in the tray, or minimises it where there is none. */
export function setupWindow(ctx: ShellContext, behaviour: WindowBehaviour): MainWindow {
  return new MainWindow(ctx, behaviour);
}
