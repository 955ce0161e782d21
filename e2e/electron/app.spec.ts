import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary, noDisplayReason } from '../../scripts/electron-binary.mjs';

const binary = findElectronBinary();
const skipReason = binary.path ? noDisplayReason() : binary.reason;

test.describe('Electron app', () => {
  test.skip(skipReason !== null, `Electron specs need a runnable Electron: ${skipReason}`);

  test('opens the window with the live services list', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-electron-'));
    const app = await electron.launch({
      executablePath: binary.path!,
      args: ['.', '--data-dir', path.join(home, 'data')],
      env: { ...process.env, HOME: home } as Record<string, string>,
    });
    try {
      const window = await app.firstWindow();
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
    } finally {
      await app.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
