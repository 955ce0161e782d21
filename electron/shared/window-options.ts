/**
 * The main window's options and the decisions its event handlers make, as pure functions so
 * that Node tests can assert every security preference (Electron's security checklist) without
 * an Electron binary. `electron/main/setup-window.ts` only applies them.
 *
 * The types are our own, written to be assignable to Electron's `BrowserWindowConstructorOptions`:
 * this layer may not import Electron, not even its types, and `tsc` checks the assignment in main.
 */

/** The `webPreferences` we set; each one is the secure choice, spelled out rather than defaulted. */
interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: boolean;
  devTools: boolean;
}

/** What `new BrowserWindow(...)` gets for the main window. */
export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: false;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: SecureWebPreferences;
}

/** The facts the window options depend on. */
export interface MainWindowInput {
  /** Absolute path of the built preload (`dist/preload/preload.cjs`). */
  preloadPath: string;
  /** A packaged build has no DevTools: nobody should be talked into pasting code there. */
  packaged: boolean;
  /** The system uses a dark theme (Electron's `nativeTheme.shouldUseDarkColors`). */
  dark: boolean;
}

/** The main window's options. Shown only once ready, so the user never sees a blank frame. */
export function mainWindowOptions({ preloadPath, packaged, dark }: MainWindowInput): MainWindowOptions {
  return {
    width: 1040,
    height: 700,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'MCP Tray',
    // The renderer's page colour (renderer/src/styles/tokens.css), so a resize never flashes.
    backgroundColor: dark ? '#16181c' : '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      // The page gets only the contract API from the preload; it never sees Node or Electron.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // No <webview>: it could host remote content with its own, weaker preferences.
      webviewTag: false,
      // A file dropped on the window must not replace our page with it.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/**
 * Whether the main window may navigate to `url`: only to our own page (any hash or query, since
 * the renderer routes by hash), never anywhere else. Everything else is refused; links meant
 * for the browser go through {@link externalOpenAllowed}.
 */
export function navigationAllowed(url: string, rendererUrl: string): boolean {
  const target = parse(url);
  const own = parse(rendererUrl);
  if (!target || !own) return false;
  return (
    target.protocol === own.protocol &&
    target.host === own.host &&
    target.pathname === own.pathname &&
    target.username === '' &&
    target.password === ''
  );
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);
const MAX_EXTERNAL_URL = 8192;

/**
 * Whether a link the page tried to open (`window.open`, `target=_blank`) may be handed to the
 * system: http(s) with a host and no credentials, or mailto. Other schemes (`file:`, `smb:`,
 * custom app handlers, `javascript:`) could run or expose things on this machine.
 */
export function externalOpenAllowed(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL) return false;
  const parsed = parse(url);
  if (!parsed || !EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return true;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** What the window-open handler does with a `window.open`: always deny, maybe open outside. */
export interface WindowOpenDecision {
  action: 'deny';
  /** Hand the URL to the system browser or mail client. */
  openExternally: boolean;
}

/** The window-open handler's decision: the app never opens a second window of web content. */
export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalOpenAllowed(url) };
}

/**
 * Permissions our own page may use: writing to the clipboard (the Copy buttons for device codes
 * and commands). Everything else (camera, microphone, geolocation, notifications, MIDI, HID,
 * serial, USB, screen capture, pointer lock, fullscreen, opening external protocols…) is denied.
 */
const GRANTED_TO_RENDERER = new Set(['clipboard-sanitized-write']);

/**
 * Decides a permission request or check: denied by default, granted only to our own page and
 * only for what it needs. `requestingUrl` is the URL of the frame asking (empty when unknown,
 * which is refused).
 */
export function permissionAllowed(permission: string, requestingUrl: string, rendererUrl: string): boolean {
  return GRANTED_TO_RENDERER.has(permission) && navigationAllowed(requestingUrl, rendererUrl);
}

/**
 * The Content-Security-Policy of the Electron window, sent as a header with every file of the
 * renderer (a header also covers what a `<meta>` cannot: `frame-ancestors`). Only our own
 * scripts and styles; no network access beyond our own origin; no plugins, frames or forms.
 */
export const WINDOW_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join('; ');
