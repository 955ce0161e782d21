import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ServedHost } from '../support/serve';
import { CLI, seedInstances, startServe } from '../support/serve';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../electron/core/supervisor/fixtures/fixture-server.mjs',
);
const USER_FILE =
  '{\n  "mcpServers": {\n    "weather": { "command": "npx", "args": ["weather-mcp"] }\n  },\n  "preferences": { "x": 1 }\n}\n';

let host: ServedHost;
test.afterEach(async () => {
  await host?.stop();
});

test('choose Claude Desktop for a service, review the diff, apply, and see the restart hint', async ({
  page,
}) => {
  let configFile = '';
  host = await startServe((dir) => {
    seedInstances(dir, [{ id: 'notes', name: 'Notes', enabled: true, launch: [FIXTURE] }]);
    // The data dir's parent is this run's HOME: Claude Desktop's Linux config lives under it.
    configFile = path.join(path.dirname(dir), '.config', 'Claude', 'claude_desktop_config.json');
    fs.mkdirSync(path.dirname(configFile), { recursive: true });
    fs.writeFileSync(configFile, USER_FILE);
  });
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByTestId('clients-screen')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Give Notes to Claude Desktop' }).check();
  const card = page.locator('[data-testid="client-card"][data-client="claude-desktop"]');
  await card.getByTestId('client-review').click();
  const dialog = page.getByTestId('apply-dialog');
  await expect(dialog.getByTestId('diff')).toContainText('"notes"');
  await expect(dialog.getByTestId('diff')).toContainText('connect');
  await dialog.getByTestId('apply-confirm').click();
  await expect(dialog.getByTestId('reload-hint')).toBeVisible();
  const written = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  expect(written.preferences).toEqual({ x: 1 });
  expect(written.mcpServers.weather).toEqual({ command: 'npx', args: ['weather-mcp'] });
  // The entry runs the stable launcher in the data folder, which runs this CLI.
  expect(written.mcpServers.notes).toEqual({
    command: path.join(host.dataDir, 'runtime', 'mcp-tray'),
    args: ['connect', 'notes', '--data-dir', host.dataDir],
  });
  expect(fs.readFileSync(written.mcpServers.notes.command, 'utf8')).toContain(CLI);
});
