import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../core/platform/app-protocol';
import { WINDOW_CSP } from '../shared/window-options';
import { tempDir } from '../../test/core/support/temp-dirs';
import {
  AppDouble,
  ContentsDouble,
  ProtocolDouble,
  SessionDouble,
  preventable,
} from '../../test/main/electron-doubles';
import { registerAppScheme, setupSecurity } from './setup-security';

/** `setupSecurity` over a dist folder holding one page and a secret beside it. */
function securityUnderTest() {
  const dist = tempDir();
  fs.mkdirSync(path.join(dist, 'renderer'));
  fs.writeFileSync(path.join(dist, 'renderer', 'index.html'), '<!doctype html><title>MCP Tray</title>');
  fs.writeFileSync(path.join(dist, 'secret.txt'), 'not for the page');
  const protocol = new ProtocolDouble();
  const session = new SessionDouble();
  const app = new AppDouble();
  const refused: string[] = [];
  setupSecurity(dist, (what, detail) => refused.push(`${what}: ${detail}`), { protocol, session, app });
  return { protocol, session, app, refused };
}

describe('app-wide protections', () => {
  it('registers app:// as a standard, secure scheme', () => {
    const protocol = new ProtocolDouble();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('serves the built page with our CSP, and nothing outside the renderer folder', async () => {
    const { protocol } = securityUnderTest();
    const page = await protocol.fetch(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(WINDOW_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>MCP Tray</title>');
    for (const url of [
      'app://mcp-tray/../secret.txt',
      'app://mcp-tray/%2e%2e/secret.txt',
      'app://mcp-tray/missing.js',
    ]) {
      const response = await protocol.fetch(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
    }
  });

  it('grants our page only clipboard writes, and other pages nothing', async () => {
    const { session, refused } = securityUnderTest();
    expect(await session.request('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(await session.request('media', APP_ENTRY_URL)).toBe(false);
    expect(await session.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(session.check('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(session.check('geolocation', APP_ENTRY_URL)).toBe(false);
    expect(refused).toEqual([
      `permission: media for ${APP_ENTRY_URL}`,
      'permission: clipboard-sanitized-write for https://evil.example/',
    ]);
  });

  it('lets no web contents attach a <webview>', () => {
    const { app, refused } = securityUnderTest();
    const contents = new ContentsDouble(APP_ENTRY_URL);
    app.emit('web-contents-created', preventable(), contents);
    const attach = preventable();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
    expect(refused).toEqual([`webview: ${APP_ENTRY_URL}`]);
  });
});
