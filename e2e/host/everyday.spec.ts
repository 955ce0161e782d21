import { createRequire } from 'node:module';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { expect, test } from '@playwright/test';
import type { ServedHost } from '../support/serve';
import { CLI, seedInstances, startServe } from '../support/serve';

const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
const CRASH = path.resolve(import.meta.dirname, '../../electron/core/supervisor/fixtures/crash-at-start.mjs');

let host: ServedHost;
test.afterEach(async () => {
  await host?.stop();
});

/** An AI client reaching the instance the way Claude Desktop does: through the connector. */
async function connectClient(id: string): Promise<Client> {
  const client = new Client({ name: 'Claude Desktop', version: '0.14.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'connect', id, '--data-dir', host.dataDir],
      stderr: 'ignore',
    }),
  );
  return client;
}

test('everyday use with real servers: try a tool, see it logged live, turn a tool off for clients, see a crash explained', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  host = await startServe((dir) =>
    seedInstances(dir, [
      { id: 'everything', name: 'Everything', enabled: true, launch: [EVERYTHING, 'stdio'] },
      { id: 'broken', name: 'Broken', enabled: true, launch: [CRASH] },
    ]),
  );
  await page.goto(host.url);
  const everything = page.getByTestId('instance-row').filter({ hasText: 'Everything' });
  await expect(everything.getByTestId('status-badge')).toHaveText('Running', { timeout: 30_000 });
  await expect(everything).toContainText(/\d+ tools/);
  await expect(everything.getByTestId('instance-clients')).toHaveText('No AI client connected');

  // The Logs screen, open in a second tab, shows calls as they happen.
  const logs = await context.newPage();
  await logs.goto(`${host.origin}/#/logs`);
  await expect(logs.getByTestId('logs-screen')).toBeVisible();

  // Try the echo tool from the Tools tab.
  await everything.getByTestId('instance-link').click();
  const detail = page.getByTestId('instance-detail');
  await detail.getByTestId('tab-tools').click();
  const echo = detail.getByTestId('tool-row').and(page.locator('[data-tool="echo"]'));
  await echo.getByTestId('tool-toggle').click();
  await expect(echo.getByTestId('schema-view')).toContainText('Message to echo');
  await echo.getByLabel(/message/).fill('hello from the Tools tab');
  await echo.getByTestId('try-run').click();
  await expect(echo.getByTestId('try-result')).toContainText('Echo: hello from the Tools tab');

  // It appears in the open Logs screen, marked as made from MCP Tray.
  const row = logs.getByTestId('call-row').filter({ hasText: 'echo' }).first();
  await expect(row).toContainText('MCP Tray');
  await expect(row.getByTestId('call-source')).toHaveText('try it');
  await row.click();
  await expect(logs.getByTestId('call-detail')).toContainText('From MCP Tray');
  await logs.close();

  // A client connected through the connector sees every tool, and shows in the list.
  const client = await connectClient('everything');
  expect((await client.listTools()).tools.map((t) => t.name)).toContain('get-sum');
  await detail.getByTestId('tab-overview').click();
  await expect(detail.getByTestId('panel-overview')).toContainText('Claude Desktop');

  // Turn get-sum off in the Settings tab: the broker hides it from the client.
  await detail.getByTestId('tab-settings').click();
  const toggle = detail.getByRole('checkbox', { name: /^get-sum\b/ });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(detail.getByTestId('switches-summary')).toContainText(/\d+ of \d+/);
  await expect
    .poll(async () => (await client.listTools()).tools.map((t) => t.name), { timeout: 10_000 })
    .not.toContain('get-sum');
  await expect(client.callTool({ name: 'get-sum', arguments: { a: 1, b: 2 } })).rejects.toThrow(
    /turned off in MCP Tray/,
  );
  await client.close();

  // The crashing server ends up failed, with the reason and the way out.
  await page.getByTestId('back-to-services').click();
  const broken = page.getByTestId('instance-row').filter({ hasText: 'Broken' });
  await expect(broken.getByTestId('status-badge')).toHaveText('Failed', { timeout: 60_000 });
  await expect(broken).toContainText('GITHUB_TOKEN is not set');
  await expect(broken).toContainText('will not restart it until you press Restart');
  await expect(broken.getByTestId('row-restart')).toBeVisible();
});
