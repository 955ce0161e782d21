import { expect, test } from '@playwright/test';
import type { ExposedApi } from '../../electron/shared/api';
import type { EventPayload } from '../../electron/shared/contract';
import { launchApp, skipWithoutElectron } from './launch';

const LINK = 'mcp-tray://install?command=npx&arg=-y&arg=notes-mcp&secret=NOTES_TOKEN&name=Notes';
const REQUEST = {
  kind: 'custom',
  name: 'Notes',
  command: 'npx',
  args: ['-y', 'notes-mcp'],
  env: {},
  secretEnvNames: ['NOTES_TOKEN'],
};

/** Resolves in the page with the next `installRequested` the page receives. */
const nextInstallRequest = () =>
  new Promise<EventPayload<'installRequested'>>((resolve) => {
    const api = (globalThis as unknown as { mcpTray: ExposedApi }).mcpTray;
    const off = api.onInstallRequested((payload) => {
      off();
      resolve(payload);
    });
  });

test.describe('Electron install links', () => {
  skipWithoutElectron();

  test('a link passed to a second launch opens the Add flow prefilled', async () => {
    const { window, secondLaunch, close } = await launchApp();
    try {
      await expect(window.getByTestId('services-screen')).toBeVisible();
      const received = window.evaluate(nextInstallRequest);
      // What Windows and Linux do with a clicked link: start the app with it as an argument.
      expect(await secondLaunch([LINK])).toBe(0);
      expect(await received).toEqual({ request: REQUEST });
      // The renderer's Add flow (its own issue) shows the request for confirmation.
      await expect(window.getByTestId('add-flow')).toBeVisible();
    } finally {
      await close();
    }
  });

  test('a link from macOS (open-url) reaches the page, and nothing is added by it', async () => {
    const { app, window, close } = await launchApp();
    try {
      await expect(window.getByTestId('services-screen')).toBeVisible();
      const received = window.evaluate(nextInstallRequest);
      await app.evaluate(({ app: electronApp }, url) => {
        electronApp.emit('open-url', { preventDefault: () => undefined }, url);
      }, LINK);
      expect(await received).toEqual({ request: REQUEST });
      const listed = await window.evaluate(async () => {
        const answer = await (globalThis as unknown as { mcpTray: ExposedApi }).mcpTray.listInstances();
        return answer.ok ? answer.value.length : -1;
      });
      expect(listed).toBe(0);
    } finally {
      await close();
    }
  });
});
