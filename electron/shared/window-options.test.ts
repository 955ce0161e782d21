import { describe, expect, it } from 'vitest';
import {
  WINDOW_CSP,
  externalOpenAllowed,
  mainWindowOptions,
  navigationAllowed,
  permissionAllowed,
  windowOpenDecision,
} from './window-options';

const RENDERER = 'app://mcp-tray/index.html';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({
    preloadPath: '/app/dist/preload/preload.cjs',
    packaged: true,
    dark: false,
  });

  it('sets every security preference of the checklist explicitly', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    // Nothing that would switch a protection back on by another name.
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('keeps DevTools for development builds only, and stays hidden until ready', () => {
    const dev = mainWindowOptions({ preloadPath: '/p', packaged: false, dark: true });
    expect(dev.webPreferences.devTools).toBe(true);
    expect(dev.webPreferences.sandbox).toBe(true);
    expect(dev.show).toBe(false);
    expect(dev.backgroundColor).not.toBe(options.backgroundColor);
  });
});

describe('navigationAllowed', () => {
  it('allows only our own page, whatever the hash or query', () => {
    expect(navigationAllowed(RENDERER, RENDERER)).toBe(true);
    expect(navigationAllowed(`${RENDERER}#/services/notes`, RENDERER)).toBe(true);
    expect(navigationAllowed(`${RENDERER}?x=1#/logs`, RENDERER)).toBe(true);
  });

  it('refuses every other page, scheme, host or path', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:7711/',
      'app://evil/index.html',
      'app://mcp-tray/other.html',
      'app://mcp-tray/assets/index.js',
      'file:///app/dist/renderer/index.html',
      'javascript:alert(1)',
      'data:text/html,hi',
      'app://user:pw@mcp-tray/index.html',
      'not a url',
      '',
    ]) {
      expect(navigationAllowed(url, RENDERER), url).toBe(false);
    }
  });
});

describe('externalOpenAllowed / windowOpenDecision', () => {
  it('hands http(s) and mailto to the system', () => {
    expect(externalOpenAllowed('https://github.com/settings/tokens')).toBe(true);
    expect(externalOpenAllowed('http://localhost:3000/')).toBe(true);
    expect(externalOpenAllowed('mailto:help@example.com')).toBe(true);
  });

  it('refuses schemes that run or reveal things on this machine, and odd URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'vscode://file/x',
      'mcp-tray://install?integration=github',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:secret@example.com/',
      `https://example.com/${'a'.repeat(9000)}`,
      'not a url',
    ]) {
      expect(externalOpenAllowed(url), url).toBe(false);
    }
  });

  it('never opens a second window', () => {
    expect(windowOpenDecision('https://example.com')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('permissionAllowed', () => {
  it('denies by default, grants our page only the clipboard write it uses', () => {
    expect(permissionAllowed('clipboard-sanitized-write', `${RENDERER}#/services`, RENDERER)).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'hid',
      'serial',
      'usb',
      'display-capture',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'unknown',
    ]) {
      expect(permissionAllowed(permission, RENDERER, RENDERER), permission).toBe(false);
    }
  });

  it('denies even the clipboard to any other origin or an unknown one', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'https://example.com/', RENDERER)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', '', RENDERER)).toBe(false);
  });
});

describe('WINDOW_CSP', () => {
  it('allows only our own scripts and nothing by default', () => {
    const directives = Object.fromEntries(
      WINDOW_CSP.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(WINDOW_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });
});
