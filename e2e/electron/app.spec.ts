import { expect, test } from '@playwright/test';
import { launchApp, skipWithoutElectron } from './launch';

test.describe('Electron app', () => {
  skipWithoutElectron();

  test('opens the window with the live services list', async () => {
    const { window, close } = await launchApp();
    try {
      // A new data folder: the first-run welcome, then Services once it is skipped.
      await window.getByTestId('welcome-dismiss').click();
      await expect(window.getByTestId('services-screen')).toBeVisible();
      await expect(window.getByTestId('services-empty')).toBeVisible();
      // Isolation as seen from the page: no Node, only the contract API from the preload.
      const globals = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        api: typeof (globalThis as { mcpTray?: unknown }).mcpTray,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: 'object' });
      expect(window.url()).toMatch(/^app:\/\/mcp-tray\/index\.html(#.*)?$/);
    } finally {
      await close();
    }
  });
});
