import { EventEmitter } from 'node:events';
import type { SenderFrame } from '../../electron/main/setup-ipc';
import type { Debounce, TrayMenuTemplate } from '../../electron/main/setup-tray';
import type { PreventableEvent } from '../../electron/main/setup-window';
import type { MainWindowOptions } from '../../electron/shared/window-options';

// Small stand-ins for the Electron objects the shell's setup steps take as parameters. Each one
// records what the shell did and lets a test play what Electron would emit; none of them is
// Electron (the `_electron` specs in e2e/electron are the Electron tests).

/** An event a listener may cancel; `defaultPrevented` says whether it did. */
export function preventable(): PreventableEvent & { defaultPrevented: boolean } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Electron's `app`: the methods the shell calls, recorded in `calls`, and its events. */
export class AppDouble extends EventEmitter {
  readonly calls: string[] = [];
  readonly paths = new Map<string, string>();
  isPackaged = false;
  /** What `requestSingleInstanceLock` answers (false: another instance holds it). */
  lockAvailable = true;
  exitCode: number | null = null;
  /** Runs inside `exit`, to see the world at the moment the app goes. */
  onExit: () => void = () => undefined;

  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.lockAvailable;
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code = 0): void {
    this.calls.push(`exit(${code})`);
    this.exitCode = code;
    this.onExit();
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  isDefaultProtocolClient(): boolean {
    return false;
  }
  setAsDefaultProtocolClient(protocol: string): boolean {
    this.calls.push(`setAsDefaultProtocolClient(${protocol})`);
    return true;
  }
  /** Emits a cancellable event the way Electron does; true when a listener prevented it. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    const event = preventable();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

/** `ipcMain`: keeps the handlers and calls one as a page in `frame` would. */
export class IpcMainDouble {
  readonly handlers = new Map<
    string,
    (event: { senderFrame: SenderFrame | null }, input: unknown) => unknown
  >();

  handle(
    channel: string,
    listener: (event: { senderFrame: SenderFrame | null }, input: unknown) => unknown,
  ): void {
    if (this.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  async invoke(channel: string, frame: SenderFrame | null, input: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return await handler({ senderFrame: frame }, input);
  }
}

/** A `Tray` whose images are file paths and whose menus are the templates themselves. */
export class TrayDouble extends EventEmitter {
  image: string;
  tooltip = '';
  menu: TrayMenuTemplate[] | null = null;
  destroyed = false;

  constructor(image: string) {
    super();
    this.image = image;
  }
  setImage(image: string): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: TrayMenuTemplate[] | null): void {
    this.menu = menu;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** A debounce the test fires by hand: `calls` since the last `flush`, which runs the function once. */
export class ManualDebounce {
  calls = 0;
  private fn: (() => void) | null = null;

  readonly debounce: Debounce = (fn) => {
    this.fn = fn;
    return () => {
      this.calls++;
    };
  };

  flush(): void {
    if (this.calls === 0 || !this.fn) return;
    this.calls = 0;
    this.fn();
  }
}

/** A window's `webContents`: records what was sent and plays navigations. */
export class PageDouble extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly scripts: string[] = [];
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] });
  }
  executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return Promise.resolve(undefined);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** The page tries to go to `url`; true when the shell let it. */
  navigate(url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = preventable();
    this.emit(kind, event, url);
    return !event.defaultPrevented;
  }
}

/** A `BrowserWindow` made with `options`: records its visible state and the URLs it loaded. */
export class WindowDouble extends EventEmitter {
  readonly webContents = new PageDouble();
  readonly loads: string[] = [];
  shown = false;
  minimized = false;
  focused = false;

  constructor(readonly options: MainWindowOptions) {
    super();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  showInactive(): void {
    this.shown = true;
  }
  minimize(): void {
    this.minimized = true;
  }
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    return Promise.resolve();
  }
  /** The user closes the window; true when the shell kept it open. */
  close(): boolean {
    const event = preventable();
    this.emit('close', event);
    if (!event.defaultPrevented) this.emit('closed');
    return event.defaultPrevented;
  }
}

/** The window as other setup steps see it: what they asked of it, in order. */
export class ShellWindowDouble {
  readonly calls: string[] = [];
  readonly delivered: { channel: string; payload: unknown }[] = [];

  show(): void {
    this.calls.push('show');
  }
  showMinimized(): void {
    this.calls.push('showMinimized');
  }
  open(hash: string | null = null): Promise<void> {
    this.calls.push(`open(${hash})`);
    return Promise.resolve();
  }
  deliver(channel: string, payload: unknown): Promise<void> {
    this.calls.push(`deliver(${channel})`);
    this.delivered.push({ channel, payload });
    return Promise.resolve();
  }
  prepareToQuit(): void {
    this.calls.push('prepareToQuit');
  }
}

/** A `Notification` made with `options`; `click` and `close` play what the user does. */
export class NotificationDouble extends EventEmitter {
  shown = false;

  constructor(readonly options: { title?: string; body?: string; silent?: boolean; icon?: unknown }) {
    super();
  }
  show(): void {
    this.shown = true;
  }
}

/** `protocol`: the schemes registered as privileged and the handler installed per scheme. */
export class ProtocolDouble {
  readonly privileged: { scheme: string; privileges?: object }[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: object }[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
  /** What the page gets for `url`. */
  async fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no handler for ${url}`);
    return await handler(new Request(url));
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (
  contents: { getURL(): string } | null,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean;

/** `session.defaultSession`'s permission hooks, asked as Chromium would ask them. */
export class SessionDouble {
  private onRequest: PermissionRequestHandler | null = null;
  private onCheck: PermissionCheckHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.onRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.onCheck = handler;
  }
  /** A page at `url` asks for `permission`; resolves to the answer. */
  request(permission: string, url: string): Promise<boolean> {
    return new Promise((resolve) => this.onRequest!(null, permission, resolve, { requestingUrl: url }));
  }
  /** Chromium checks `permission` for the frame at `url`. */
  check(permission: string, url: string): boolean {
    return this.onCheck!(null, permission, new URL(url).origin, { requestingUrl: url });
  }
}

/** Web contents as `web-contents-created` hands them over. */
export class ContentsDouble extends EventEmitter {
  constructor(private readonly url: string) {
    super();
  }
  getURL(): string {
    return this.url;
  }
}
