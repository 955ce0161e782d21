import path from 'node:path';
import { expect, test } from '@playwright/test';
import { mainWindowOptions } from '../../electron/shared/window-options';
import { launchApp, skipWithoutElectron } from './launch';

test.describe('Electron security preferences', () => {
  skipWithoutElectron();

  test('the window runs with the preferences declared in window-options.ts', async () => {
    const { app, window, close } = await launchApp();
    try {
      await window.waitForLoadState('load');
      const actual = await app.evaluate(({ BrowserWindow, app: electronApp }) => {
        const [main] = BrowserWindow.getAllWindows();
        // Undocumented (so untyped), but what Electron itself tests preferences with.
        const contents = main!.webContents as unknown as {
          getLastWebPreferences(): Record<string, unknown> | null;
        };
        return { prefs: contents.getLastWebPreferences(), packaged: electronApp.isPackaged };
      });
      const declared = mainWindowOptions({
        preloadPath: '',
        packaged: actual.packaged,
        dark: false,
      }).webPreferences;
      const { preload, ...rest } = declared;
      expect(preload).toBe('');
      expect(path.basename(String(actual.prefs?.preload))).toBe('preload.cjs');
      expect(actual.prefs).toMatchObject(rest);
    } finally {
      await close();
    }
  });

  test('the page cannot navigate away, open windows, or get permissions', async () => {
    const { app, window: page, close } = await launchApp();
    try {
      await page.waitForLoadState('load');
      const opened = await page.evaluate(() => window.open('https://example.com/') === null);
      expect(opened).toBe(true);
      await page.evaluate(() => {
        location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/mcp-tray\/index\.html(#.*)?$/);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      const geolocation = await page.evaluate(() =>
        navigator.permissions.query({ name: 'geolocation' }).then((status) => status.state),
      );
      expect(geolocation).not.toBe('granted');
      // The page's CSP forbids inline script.
      const inline = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
        return (window as { __inlineRan?: boolean }).__inlineRan === true;
      });
      expect(inline).toBe(false);
    } finally {
      await close();
    }
  });
});
