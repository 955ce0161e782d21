import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ServedHost } from '../support/serve';
import { startServe } from '../support/serve';

// Secrets go to the system keychain: run under `scripts/with-keyring.sh`, as the test run does.
test.use({ viewport: { width: 800, height: 560 } });

let host: ServedHost;
test.afterEach(async () => {
  await host?.stop();
});

test('a catalog service’s Settings tab: a new key and a changed setting are saved, the key never in a file', async ({
  page,
}) => {
  host = await startServe();
  await page.goto(host.url);
  await page.goto(`${host.origin}/#/add/notion`);
  const flow = page.getByTestId('add-flow');
  await flow.getByLabel(/Internal integration secret/).fill('ntn_first_secret');
  await flow.getByRole('button', { name: 'Add Notion' }).click();
  await expect(flow.getByTestId('step-clients')).toBeVisible();

  await page.goto(`${host.origin}/#/services/notion`);
  await expect(page.getByTestId('detail-status')).toContainText('Running', { timeout: 20_000 });
  await page.getByTestId('tab-settings').click();
  const form = page.getByTestId('service-settings-form');
  const secret = form.getByLabel('Internal integration secret');
  await expect(secret).toHaveValue('');
  await expect(form.getByTestId('secret-status-integration_token')).toContainText(
    'Saved in your system keychain',
  );

  await secret.fill('ntn_second_secret');
  await form.getByLabel(/API address/).fill('http://127.0.0.1:9/notion');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByTestId('service-settings-status')).toHaveText(
    'Saved. Notion restarts to use the change.',
  );
  await expect(secret).toHaveValue('');
  await expect(page.getByTestId('detail-status')).toContainText('Running', { timeout: 20_000 });

  const settings = fs.readFileSync(path.join(host.dataDir, 'settings.json'), 'utf8');
  expect(JSON.parse(settings).instances[0]).toMatchObject({
    id: 'notion',
    userConfig: { api_url: 'http://127.0.0.1:9/notion' },
    secretFields: ['integration_token'],
  });
  expect(settings).not.toContain('ntn_');
  // A new page shows the saved value: it comes from the core, not from this page's memory.
  await page.reload();
  await page.getByTestId('tab-settings').click();
  await expect(page.getByTestId('service-settings-form').getByLabel(/API address/)).toHaveValue(
    'http://127.0.0.1:9/notion',
  );
});
