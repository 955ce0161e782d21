import fs from 'node:fs/promises';
import path from 'node:path';
import { app, protocol, session } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, resolveAppRequest } from '../core/platform/app-protocol';
import { WINDOW_CSP, permissionAllowed } from '../shared/window-options';

/**
 * Registers `app://` as a standard, secure scheme. Must run before the app is ready; the
 * handler itself is installed by {@link setupSecurity}.
 */
export function registerAppScheme(): void {
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
export function setupSecurity(distDir: string, onRefused: (what: string, detail: string) => void): void {
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
  const ses = session.defaultSession;
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
