import path from 'node:path';

/**
 * The Electron window loads the renderer from `app://mcp-tray/…` rather than `file://`: pages on
 * `file://` get privileges a browser would not give them (read any local file with fetch,
 * share one origin with every other local file), which is why the GrantFileProtocolExtraPrivileges
 * fuse is off. The main process answers `app://` from the built renderer folder only; the
 * mapping from URL to file lives here so it is tested in Node.
 */
/** The scheme our page is served on. */
export const APP_SCHEME = 'app';
/** The one host under it: every other host is refused. */
const APP_HOST = 'mcp-tray';

/** The renderer's entry page. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file of the renderer to answer with. */
export interface AppFile {
  file: string;
  contentType: string;
}

/**
 * The file under `rootDir` that `url` names, or null when it must be refused: another scheme
 * or host, a path that leaves the folder (`..`, encoded or not, backslashes), a NUL byte, or a
 * type we do not serve (source maps, anything unexpected). `/` is the entry page.
 */
export function resolveAppRequest(url: string, rootDir: string): AppFile | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...relative.split('/'));
  if (!file.startsWith(root + path.sep)) return null;
  const contentType = TYPES[path.extname(file).toLowerCase()];
  return contentType ? { file, contentType } : null;
}
