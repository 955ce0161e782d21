import path from 'node:path';
import type {
  BrowserWindow,
  Event,
  NativeTheme,
  RenderProcessGoneDetails,
  Shell,
  WebContents,
} from 'electron';
import { APP_ENTRY_URL } from '../core/platform/app-protocol';
import type { CloseAction } from '../core/platform/tray-availability';
import type { MainWindowOptions } from '../shared/window-options';
import { mainWindowOptions, navigationAllowed, windowOpenDecision } from '../shared/window-options';
import type { ShellContext } from './shell-context';

/** URL of the built renderer inside the app (served by the `app://` handler). */
export const rendererUrl = (): string => APP_ENTRY_URL;

/** How the main window behaves, decided at launch (see `tray-availability.ts`). */
export interface WindowBehaviour {
  /** What closing the window does while the app is not quitting. */
  onClose: CloseAction;
}

/** An event whose default a listener may cancel (Electron's `Event`). */
export type PreventableEvent = Pick<Event, 'preventDefault'>;

/** The page of the window as the shell uses it: Electron's `WebContents`. */
interface WindowPage extends Pick<WebContents, 'send' | 'executeJavaScript'> {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(event: 'did-fail-load', listener: PageFailListener): unknown;
  on(event: 'render-process-gone', listener: PageGoneListener): unknown;
  off(event: 'did-finish-load', listener: () => void): unknown;
  off(event: 'did-fail-load', listener: PageFailListener): unknown;
  off(event: 'render-process-gone', listener: PageGoneListener): unknown;
}
type PageFailListener = (
  event: unknown,
  code: number,
  description: string,
  url: string,
  mainFrame: boolean,
) => void;
type PageGoneListener = (event: unknown, details: Pick<RenderProcessGoneDetails, 'reason'>) => void;

/** A `BrowserWindow` as the shell uses it. */
export interface WindowFrame extends Pick<
  BrowserWindow,
  'isMinimized' | 'restore' | 'show' | 'focus' | 'showInactive' | 'minimize' | 'loadURL'
> {
  readonly webContents: WindowPage;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

/** The Electron pieces the window needs, given by main.ts. */
export interface WindowElectron {
  /** `new BrowserWindow(options)`. */
  createWindow(options: MainWindowOptions): WindowFrame;
  shell: Pick<Shell, 'openExternal'>;
  nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'>;
}

/** What the other setup steps may do with the main window. */
export interface ShellWindow {
  show(): void;
  showMinimized(): void;
  open(hash?: string | null): Promise<unknown>;
  deliver(channel: string, payload: unknown): Promise<void>;
  prepareToQuit(): void;
}

/**
 * The one main window: created on demand, isolated, sandboxed, no Node; navigation and new
 * windows are refused (links for the browser go to the system after a scheme check).
 */
export class MainWindow implements ShellWindow {
  private window: WindowFrame | null = null;
  private loaded: Promise<WindowFrame> | null = null;
  private quitting = false;

  constructor(
    private readonly ctx: ShellContext,
    private readonly behaviour: WindowBehaviour,
    private readonly electron: WindowElectron,
  ) {}

  /** Shows (creating if needed), restores and focuses the window. */
  show(): WindowFrame {
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
  async open(hash: string | null = null): Promise<WindowFrame> {
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

  private whenLoaded(): Promise<WindowFrame> {
    if (!this.window) this.create();
    // A load that failed, or a page that crashed, is tried again.
    else if (!this.loaded) this.load(this.window);
    return this.loaded!;
  }

  /**
   * Loads the page; `loaded` settles either way (a failed load or a crashed page rejects it), so
   * nothing waiting on the page (install links, notification clicks) waits forever.
   */
  private load(window: WindowFrame): void {
    const { logger } = this.ctx.running.deps;
    const contents = window.webContents;
    const loaded = new Promise<WindowFrame>((resolve, reject) => {
      const settle = (error: Error | null) => {
        contents.off('did-finish-load', onLoad);
        contents.off('did-fail-load', onFail);
        contents.off('render-process-gone', onGone);
        if (!error) return resolve(window);
        if (this.loaded === loaded) this.loaded = null;
        reject(error);
      };
      const onLoad = () => settle(null);
      const onFail: PageFailListener = (_e, code, description, _url, mainFrame) => {
        // -3 is ERR_ABORTED: a newer navigation replaced this one, which will report itself.
        if (mainFrame && code !== -3)
          settle(new Error(`the window could not load: ${description} (${code})`));
      };
      const onGone: PageGoneListener = (_e, details) =>
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

  private create(minimized = false): WindowFrame {
    const { shell, nativeTheme } = this.electron;
    const window = this.electron.createWindow(
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
    const guard = (event: PreventableEvent, url: string) => {
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
export function setupWindow(
  ctx: ShellContext,
  behaviour: WindowBehaviour,
  electron: WindowElectron,
): MainWindow {
  return new MainWindow(ctx, behaviour, electron);
}
