import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  App,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  NativeImage,
  Protocol,
  Session,
  Shell,
} from 'electron';

/**
 * A stand-in for the `electron` module that keeps Electron's boot contract, for running the built
 * main bundle in plain Node (no Electron binary can run here). It is not Electron: it proves the
 * shell's order of calls, not that Chromium renders anything.
 *
 * The contract it enforces (see Electron's docs for `app`, `protocol`, `dialog`):
 * - `ready` is emitted by the harness only after the entry module has finished evaluating;
 * - `setPath('userData')` and `registerSchemesAsPrivileged` throw after `ready`;
 * - windows, trays, `protocol.handle`, dialogs (but `showErrorBox`), notifications and `screen`
 *   throw before it.
 */
export interface DoubleState {
  ready: boolean;
  userData: string;
  appUserModelId: string | null;
  desktopName: string | null;
  windows: {
    url: string | null;
    preload: string | null;
    shown: boolean;
    sent: { channel: string; payload: unknown }[];
  }[];
  trays: { icon: string | null; iconExists: boolean; tooltip: string; destroyed: boolean }[];
  ipcChannels: string[];
  schemes: string[];
  handledSchemes: string[];
  errorBoxes: { title: string; content: string }[];
  listeners: string[];
  calls: string[];
  violations: string[];
}

/** How the harness drives the double. */
export interface ElectronDouble {
  /** What `require('electron')` returns. */
  exports: Record<string, unknown>;
  state: DoubleState;
  /** Emits `ready` (and resolves `whenReady`): call once the entry has evaluated. */
  emitReady(): void;
  /** The app's own `quit` as a tray click would call it. */
  quit(): void;
}

export interface DoubleOptions {
  /** The process arguments Electron would give the app. */
  argv: string[];
  /** Where the process goes when the app exits (`process.exit` in the harness). */
  exit: (code: number) => void;
}

class ContractError extends Error {}

/** Builds a fresh double; one per process, like Electron itself. */
export function createElectronDouble(options: DoubleOptions): ElectronDouble {
  const state: DoubleState = {
    ready: false,
    userData: path.join(os.homedir(), '.config', 'MCP Tray'),
    appUserModelId: null,
    desktopName: null,
    windows: [],
    trays: [],
    ipcChannels: [],
    schemes: [],
    handledSchemes: [],
    errorBoxes: [],
    listeners: [],
    calls: [],
    violations: [],
  };
  const violate = (message: string): never => {
    state.violations.push(message);
    throw new ContractError(message);
  };
  const afterReady = (api: string) => {
    state.calls.push(api);
    if (!state.ready) violate(`${api} used before the app is ready`);
  };
  const beforeReady = (api: string) => {
    state.calls.push(api);
    if (state.ready) violate(`${api} used after the app is ready`);
  };

  const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  let readyResolve: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (readyResolve = resolve));
  const emitter = new EventEmitter();
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    for (const tray of state.trays)
      if (!tray.destroyed) state.violations.push('a tray was not destroyed at quit');
    setImmediate(() => options.exit(code));
  };
  const singleInstance = singleInstanceLock(state, (argv) =>
    emitter.emit('second-instance', { preventDefault: () => undefined }, argv, process.cwd(), {}),
  );

  const quit = () => {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    emitter.emit('before-quit', event);
    if (prevented) return;
    emitter.emit('will-quit', event);
    if (prevented) return;
    singleInstance.release();
    exit(0);
  };

  const app = Object.assign(emitter, {
    name: 'MCP Tray',
    isPackaged: false,
    whenReady: (() => readyPromise) satisfies App['whenReady'],
    isReady: (() => state.ready) satisfies App['isReady'],
    getPath: ((name: string) =>
      name === 'userData' ? state.userData : path.join(os.tmpdir(), name)) as App['getPath'],
    setPath: ((name: string, value: string) => {
      if (name === 'userData') beforeReady('app.setPath(userData)');
      if (name === 'userData') state.userData = value;
    }) satisfies App['setPath'],
    getAppPath: (() => process.cwd()) satisfies App['getAppPath'],
    getVersion: (() => '0.0.0-double') satisfies App['getVersion'],
    setAppUserModelId: ((id: string) => {
      state.calls.push('app.setAppUserModelId');
      state.appUserModelId = id;
    }) satisfies App['setAppUserModelId'],
    setDesktopName: (name: string) => {
      state.desktopName = name;
    },
    requestSingleInstanceLock: (() => {
      state.calls.push('app.requestSingleInstanceLock');
      return singleInstance.acquire(options.argv);
    }) satisfies App['requestSingleInstanceLock'],
    releaseSingleInstanceLock: (() => singleInstance.release()) satisfies App['releaseSingleInstanceLock'],
    isDefaultProtocolClient: (() => false) satisfies App['isDefaultProtocolClient'],
    setAsDefaultProtocolClient: (() => true) satisfies App['setAsDefaultProtocolClient'],
    getLoginItemSettings: (() => ({
      openAtLogin: false,
      openAsHidden: false,
      wasOpenedAtLogin: false,
      wasOpenedAsHidden: false,
      restoreState: false,
      status: 'not-registered',
      executableWillLaunchAtLogin: false,
      launchItems: [],
    })) satisfies App['getLoginItemSettings'],
    setLoginItemSettings: (() => undefined) satisfies App['setLoginItemSettings'],
    isInApplicationsFolder: (() => true) satisfies App['isInApplicationsFolder'],
    moveToApplicationsFolder: (() => false) satisfies App['moveToApplicationsFolder'],
    focus: (() => undefined) satisfies App['focus'],
    quit: quit satisfies App['quit'],
    exit: ((code = 0) => {
      state.calls.push(`app.exit(${code})`);
      singleInstance.release();
      exit(code);
    }) satisfies App['exit'],
  });
  // Like Electron, platform-only methods do not exist elsewhere (calling one there throws).
  const only: Record<string, NodeJS.Platform[]> = {
    setAppUserModelId: ['win32'],
    isInApplicationsFolder: ['darwin'],
    moveToApplicationsFolder: ['darwin'],
    getLoginItemSettings: ['darwin', 'win32'],
    setLoginItemSettings: ['darwin', 'win32'],
  };
  for (const [name, platforms] of Object.entries(only)) {
    if (!platforms.includes(process.platform)) delete (app as unknown as Record<string, unknown>)[name];
  }
  // Which listeners the app registered, for the assertions.
  emitter.on('newListener', (name: string | symbol) => state.listeners.push(String(name)));

  const protocol = {
    registerSchemesAsPrivileged: ((schemes) => {
      beforeReady('protocol.registerSchemesAsPrivileged');
      state.schemes.push(...schemes.map((s) => s.scheme));
    }) satisfies Protocol['registerSchemesAsPrivileged'],
    handle: ((scheme, handler) => {
      afterReady('protocol.handle');
      handlers.set(scheme, handler as (request: Request) => Promise<Response>);
      state.handledSchemes.push(scheme);
    }) satisfies Protocol['handle'],
  };

  const fetchScheme = async (url: string): Promise<number> => {
    const handler = handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) return 0;
    return (await handler(new Request(url))).status;
  };

  class BrowserWindow extends EventEmitter {
    static readonly all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all.filter((w) => !w.destroyed);
    readonly record: DoubleState['windows'][number];
    readonly webContents: WebContentsDouble;
    private destroyed = false;
    private minimized = false;
    constructor(opts: BrowserWindowConstructorOptions) {
      super();
      afterReady('new BrowserWindow');
      this.record = {
        url: null,
        preload: opts.webPreferences?.preload ?? null,
        shown: opts.show !== false,
        sent: [],
      };
      state.windows.push(this.record);
      this.webContents = new WebContentsDouble(this.record, fetchScheme);
      BrowserWindow.all.push(this);
      if (opts.show === false) this.webContents.once('did-finish-load', () => this.emit('ready-to-show'));
    }
    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    show(): void {
      this.record.shown = true;
    }
    showInactive(): void {
      this.record.shown = true;
    }
    hide(): void {
      this.record.shown = false;
    }
    focus(): void {}
    minimize(): void {
      this.minimized = true;
    }
    restore(): void {
      this.minimized = false;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.destroy();
    }
    destroy(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  class Tray extends EventEmitter {
    private readonly record: DoubleState['trays'][number];
    constructor(image: NativeImageDouble) {
      super();
      afterReady('new Tray');
      this.record = { icon: image.file, iconExists: !image.isEmpty(), tooltip: '', destroyed: false };
      state.trays.push(this.record);
    }
    setImage(image: NativeImageDouble): void {
      this.record.icon = image.file;
      this.record.iconExists = !image.isEmpty();
    }
    setToolTip(text: string): void {
      this.record.tooltip = text;
    }
    setContextMenu(): void {}
    destroy(): void {
      this.record.destroyed = true;
    }
    isDestroyed(): boolean {
      return this.record.destroyed;
    }
  }

  class Notification extends EventEmitter {
    static isSupported = () => true;
    constructor() {
      super();
      afterReady('new Notification');
    }
    show(): void {}
  }

  const dialog = {
    showErrorBox: ((title, content) => {
      // Electron allows this one before ready (it prints to stderr on Linux then).
      state.calls.push('dialog.showErrorBox');
      state.errorBoxes.push({ title, content });
    }) satisfies Dialog['showErrorBox'],
    showMessageBox: (async () => {
      afterReady('dialog.showMessageBox');
      return { response: 0, checkboxChecked: false };
    }) as unknown as Dialog['showMessageBox'],
  };

  const ipcMain = {
    handle: ((channel: string) => {
      if (state.ipcChannels.includes(channel)) violate(`a second handler for ${channel}`);
      state.ipcChannels.push(channel);
    }) as IpcMain['handle'],
    on: () => ipcMain,
  };

  const session: {
    defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  } = {
    get defaultSession() {
      afterReady('session.defaultSession');
      return { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined };
    },
  };

  const shell: Pick<Shell, 'openExternal'> = { openExternal: async () => undefined };
  const screen = new Proxy(
    {},
    {
      get: (_target, key) => {
        afterReady(`screen.${String(key)}`);
        return () => undefined;
      },
    },
  );

  const exports: Record<string, unknown> = {
    app,
    protocol,
    BrowserWindow,
    Tray,
    Notification,
    dialog,
    ipcMain,
    session,
    shell,
    screen,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ items: template }),
      setApplicationMenu: () => undefined,
    },
    nativeImage: { createFromPath: (file: string) => new NativeImageDouble(file) },
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' }),
  };
  return {
    exports,
    state,
    emitReady: () => {
      state.ready = true;
      emitter.emit('will-finish-launching');
      emitter.emit('ready', { preventDefault: () => undefined }, {});
      readyResolve();
    },
    quit,
  };
}

/** `nativeImage`: empty when the file is missing, as Electron's is. */
class NativeImageDouble implements Pick<NativeImage, 'isEmpty'> {
  constructor(readonly file: string) {}
  isEmpty(): boolean {
    try {
      return fs.statSync(this.file).size === 0;
    } catch {
      return true;
    }
  }
  setTemplateImage(): void {}
}

class WebContentsDouble extends EventEmitter {
  constructor(
    private readonly record: DoubleState['windows'][number],
    private readonly fetchScheme: (url: string) => Promise<number>,
  ) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.record.url = url;
    // The page is served by the app's own protocol handler, or the load fails as Electron's does.
    const status = await this.fetchScheme(url).catch(() => 0);
    if (status === 200) this.emit('did-finish-load');
    else {
      this.emit('did-fail-load', {}, -6, `status ${status}`, url, true);
      throw new Error(`ERR_FILE_NOT_FOUND (${status}) loading '${url}'`);
    }
  }
  getURL(): string {
    return this.record.url ?? '';
  }
  send(channel: string, payload: unknown): void {
    this.record.sent.push({ channel, payload });
  }
  async executeJavaScript(): Promise<void> {}
  setWindowOpenHandler(): void {}
  isDestroyed(): boolean {
    return false;
  }
}

/**
 * Electron's single-instance lock across processes: the first process holds a lock file in the
 * userData folder; a later one hands its argv over (a file the holder watches) and gets `false`.
 */
function singleInstanceLock(state: DoubleState, onSecond: (argv: string[]) => void) {
  let held: string | null = null;
  let watcher: fs.FSWatcher | null = null;
  const inboxOf = (dir: string) => path.join(dir, '.double-second-instance');
  const drain = (inbox: string) => {
    for (const name of fs.readdirSync(inbox).filter((n) => n.endsWith('.json'))) {
      const file = path.join(inbox, name);
      const argv = JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
      fs.rmSync(file);
      onSecond(argv);
    }
  };
  return {
    acquire(argv: string[]): boolean {
      fs.mkdirSync(state.userData, { recursive: true });
      const lock = path.join(state.userData, '.double-singleton-lock');
      const inbox = inboxOf(state.userData);
      try {
        fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      } catch {
        const holder = Number(fs.readFileSync(lock, 'utf8'));
        if (isAlive(holder)) {
          fs.mkdirSync(inbox, { recursive: true });
          const tmp = path.join(inbox, `${process.pid}.tmp`);
          fs.writeFileSync(tmp, JSON.stringify(argv));
          fs.renameSync(tmp, path.join(inbox, `${process.pid}.json`));
          return false;
        }
        fs.writeFileSync(lock, String(process.pid));
      }
      held = lock;
      fs.mkdirSync(inbox, { recursive: true });
      watcher = fs.watch(inbox, () => drain(inbox));
      watcher.unref();
      return true;
    },
    release(): void {
      watcher?.close();
      if (held) fs.rmSync(held, { force: true });
      held = null;
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
