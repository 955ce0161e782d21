import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { axeProblems } from '../support/axe';
import { callThroughConnector, customInstance, writeClaudeConfig, writeSettings } from '../support/seed';
import type { ServedHost } from '../support/serve';
import { startServe } from '../support/serve';

/**
 * The narrow layout (issue 17, item 8): at 800 px the sidebar shrinks to its icons (the words
 * stay as accessible names), and the Clients matrix scrolls inside its frame instead of clipping
 * columns. Screenshots at 800 px (baselines in `__screenshots__/narrow.spec.ts/`), and axe finds
 * nothing serious.
 */

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../electron/core/supervisor/fixtures/fixture-server.mjs',
);
const NARROW = { width: 800, height: 560 };
const WIDE = { width: 1040, height: 700 };

test.use({ bypassCSP: true });

let host: ServedHost;

test.beforeAll(async () => {
  host = await startServe((dir) => {
    const instances = ['Notes', 'Calendar with a long name', 'Files', 'Issue tracker'].map((name) =>
      customInstance(
        name.toLowerCase().replace(/ /g, '-'),
        name,
        { command: process.execPath, args: [FIXTURE] },
        name === 'Notes',
      ),
    );
    writeSettings(dir, { instances });
    writeClaudeConfig(dir);
  });
  // One call from Gemini CLI, under the name it gives itself.
  await callThroughConnector(host.dataDir, { name: 'gemini-cli-mcp-client', version: '0.9.0' }, 'notes', {
    name: 'echo',
    arguments: { message: 'Buy oat milk' },
  });
});

test.afterAll(async () => {
  await host?.stop();
});

async function axe(page: Page, name: string): Promise<void> {
  expect(await axeProblems(page), `axe on ${name}`).toEqual([]);
}

const sidebarWidth = (page: Page) =>
  page.locator('.sidebar').evaluate((element) => element.getBoundingClientRect().width);

test('at 800 px the sidebar shows icons with their names kept; wider, the words are back', async ({
  page,
}) => {
  await page.setViewportSize(NARROW);
  await page.goto(`${host.url}#/services`);
  await expect(page.getByTestId('services-screen')).toBeVisible();
  expect(await sidebarWidth(page)).toBeLessThan(80);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Services', 'Add a service', 'Clients', 'Logs', 'Settings']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logs');
  const row = page.getByTestId('call-row');
  await expect(row).toContainText('Gemini CLI');
  await expect(row).not.toContainText('gemini-cli-mcp-client');
  // The whole time cell, not the <time> in it: the text's width changes with the time of day.
  await expect(page).toHaveScreenshot('logs-800.png', {
    mask: [row.locator('.call-cell--time'), page.locator('.call-cell--duration')],
  });
  await axe(page, 'Logs at 800 px');

  await page.setViewportSize(WIDE);
  await expect.poll(() => sidebarWidth(page)).toBeGreaterThan(150);
  await expect(nav.getByText('Clients', { exact: true })).toBeVisible();
});

test('at 800 px the Clients matrix scrolls inside its frame: no column is cut off', async ({ page }) => {
  await page.setViewportSize(NARROW);
  await page.goto(`${host.url}#/clients`);
  const matrix = page.getByTestId('client-matrix');
  await expect(matrix).toBeVisible();
  // The page itself never scrolls sideways; the matrix's own frame does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
  const frame = page.locator('.matrix-scroll');
  const { scrollWidth, clientWidth } = await frame.evaluate((e) => ({
    scrollWidth: e.scrollWidth,
    clientWidth: e.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThanOrEqual(clientWidth);
  const lastColumn = matrix.locator('thead th').last();
  await lastColumn.scrollIntoViewIfNeeded();
  const frameBox = (await frame.boundingBox())!;
  const lastBox = (await lastColumn.boundingBox())!;
  // Scrolled into view, the last client's column is wholly inside the frame (not clipped by it).
  expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(frameBox.x + frameBox.width + 1);
  expect(lastBox.x).toBeGreaterThanOrEqual(frameBox.x - 1);
  // Scrolled to the last client, the rows still say which service they are.
  const rowName = matrix.getByRole('rowheader', { name: 'Notes' });
  const nameBox = (await rowName.boundingBox())!;
  expect(nameBox.x).toBeGreaterThanOrEqual(frameBox.x - 1);
  await expect(rowName).toBeInViewport();
  await frame.evaluate((e) => (e.scrollLeft = 0));
  await expect(page).toHaveScreenshot('clients-800.png', {
    mask: [page.getByTestId('client-path'), page.locator('time')],
  });
  await axe(page, 'Clients at 800 px');
});
