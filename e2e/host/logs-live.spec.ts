import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { expect, test } from '@playwright/test';
import type { ServedHost } from '../support/serve';
import { CLI, seedInstances, startServe } from '../support/serve';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../electron/core/supervisor/fixtures/fixture-server.mjs',
);

let host: ServedHost;
test.afterEach(async () => {
  await host?.stop();
});

test('a tool call an AI client makes through the connector appears live in the Logs screen', async ({
  page,
}) => {
  host = await startServe((dir) =>
    seedInstances(dir, [{ id: 'notes', name: 'Notes', enabled: true, launch: [FIXTURE] }]),
  );
  await page.goto(host.url);
  await expect(page.getByTestId('instance-row')).toContainText('Running');
  await page.getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByTestId('logs-screen')).toBeVisible();

  const client = new Client({ name: 'Claude Desktop', version: '0.14.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'connect', 'notes', '--data-dir', host.dataDir],
    }),
  );
  await client.callTool({
    name: 'echo',
    arguments: { message: 'hello from e2e', api_key: 'sk-live-1234567890abcdef' },
  });
  await client.close();

  const row = page.getByTestId('call-row').first();
  await expect(row).toContainText('echo');
  await expect(row).toContainText('Claude Desktop');
  await row.click();
  const detail = page.getByTestId('call-detail');
  await expect(detail.getByTestId('call-arguments')).toContainText('hello from e2e');
  await expect(detail.getByTestId('call-arguments')).toContainText('[redacted]');
  await expect(detail).not.toContainText('sk-live-1234567890abcdef');
});
