import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, resolveAppRequest } from '../core/platform/app-protocol';
import { WINDOW_CSP, permissionAllowed } from '../shared/window-options';
import type { PreventableEvent } from './setup-window';

/** The default session's permission hooks (Electron's `Session`). */
interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: { getURL(): string } | null,
      permission: string,
      origin: string,
      details: { requestingUrl?: string },
    ) => boolean,
  ): void;
}

/** Web contents as `web-contents-created` hands them over. */
interface CreatedContents {
  getURL(): string;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

/** The Electron pieces the protections need, given by main.ts. */
export interface SecurityElectron {
  protocol: Pick<Protocol, 'handle'>;
  /** `session.defaultSession`. */
  session: PermissionSession;
  app: {
    on(event: 'web-contents-created', listener: (event: unknown, contents: CreatedContents) => void): unknown;
  };
}

/**
 * Registers `app://` as a standard, secure scheme. Must run before the app is ready; the
 * handler itself is installed by {@link setupSecurity}.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origins and relative URLs; secure: a secure context (the clipboard API needs one).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, corsEnabled: true, codeCache: true } },
  ]);
}

/**
 * App-wide protections, once the app is ready: `app://` serves the built renderer (and nothing
 * else) with our CSP; permission requests and checks are denied unless `permissionAllowed`
 * says otherwise; no web contents may attach a `<webview>`.
 */
export function setupSecurity(
  distDir: string,
  onRefused: (what: string, detail: string) => void,
  { protocol, session: ses, app }: SecurityElectron,
): void {
  const rendererDir = path.join(distDir, 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if (!target) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(target.file);
      return new Response(body, {
        headers: {
          'Content-Type': target.contentType,
          'Content-Security-Policy': WINDOW_CSP,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = permissionAllowed(permission, details.requestingUrl, APP_ENTRY_URL);
    if (!allowed) onRefused('permission', `${permission} for ${details.requestingUrl}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((contents, permission, _origin, details) =>
    permissionAllowed(permission, details.requestingUrl ?? contents?.getURL() ?? '', APP_ENTRY_URL),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      onRefused('webview', contents.getURL());
    });
  });
}
