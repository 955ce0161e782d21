import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { expect, test } from '@playwright/test';
import type { ServedHost } from '../support/serve';
import { seedInstances, startServe } from '../support/serve';

let host: ServedHost;
test.afterEach(async () => {
  await host?.stop();
});

test('the token URL opens the Services screen served by the live core', async ({ page }) => {
  host = await startServe();
  await page.goto(host.url);
  // The token is traded for a cookie and leaves the address bar.
  await expect(page).toHaveURL(`${host.origin}/#/services`);
  // A new data folder is a first run: the welcome comes first, and once skipped stays away.
  await page.getByTestId('welcome-dismiss').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  await expect(page.getByTestId('services-empty')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('services-empty')).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  const settings = page.getByTestId('settings-screen');
  await expect(settings).toContainText(host.dataDir);
  await expect(settings).toContainText(/headless/i);
});

test('instances from the settings file appear with their state in words', async ({ page }) => {
  const fixture = path.resolve(
    import.meta.dirname,
    '../../electron/core/supervisor/fixtures/fixture-server.mjs',
  );
  host = await startServe((dir) =>
    seedInstances(dir, [
      { id: 'memory', name: 'Memory', enabled: true, launch: [fixture] },
      { id: 'files', name: 'Files', enabled: false, launch: [fixture] },
    ]),
  );
  await page.goto(host.url);
  const rows = page.getByTestId('instance-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Memory' })).toContainText(/running/i);
  await expect(rows.filter({ hasText: 'Files' })).toContainText(/disabled/i);
});

test('a request without the token is refused, and so is a foreign Origin', async ({ page, request }) => {
  host = await startServe();
  const bare = await page.goto(host.origin + '/');
  expect(bare!.status()).toBe(401);
  await expect(page.getByRole('heading')).toContainText('Open MCP Tray from its link');

  const token = new URL(host.url).searchParams.get('token')!;
  const foreign = await request.get(`${host.origin}/?token=${token}`, {
    headers: { origin: 'http://evil.example' },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);

  const wsStatus = await new Promise<number | string>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${token}`, {
      headers: { origin: 'http://evil.example' },
    });
    ws.on('open', () => resolve('open'));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
  expect(wsStatus).toBe(403);
});

test('a corrupt settings file is set aside and the user is told', async ({ page }) => {
  host = await startServe((dir) => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ not json');
  });
  await page.goto(host.url);
  await expect(page.getByText(/settings file could not be read/i)).toBeVisible();
  // Started with defaults, so this is a first run again.
  await expect(page.getByTestId('welcome-screen')).toBeVisible();
});
