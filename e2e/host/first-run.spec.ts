import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ServedHost } from '../support/serve';
import { startServe } from '../support/serve';
import { writeZip } from '../../test/core/support/zip-writer';
import { installClaudeDesktop } from '../../test/core/clients/installed-client';

const resolve = createRequire(import.meta.url).resolve;
const EVERYTHING = resolve('@modelcontextprotocol/server-everything/dist/index.js');
const AXE = resolve('axe-core/axe.min.js');

// The smallest window the app supports; axe is injected as a script, which the page's CSP
// (script-src 'self') would otherwise refuse.
test.use({ viewport: { width: 800, height: 560 }, bypassCSP: true });

let host: ServedHost;
test.afterEach(async () => {
  await host?.stop();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core on the current page, in light and dark: no serious or critical violations. */
async function scan(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }
      ).axe;
      const result = await axe.run(document);
      if (!Array.isArray((result as { passes?: unknown[] }).passes)) throw new Error('axe did not run');
      return (
        result.violations as {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: string[] }[];
        }[]
      )
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        }));
    });
    expect(violations as Violation[], `${label} (${colorScheme})`).toEqual([]);
    // Kept with the test's results, to look at each screen in both themes.
    const file = test.info().outputPath(`${label.replace(/\W+/g, '-')}-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('first run: welcome → add server-everything as your own server, confirmed → running, given to Claude Desktop', async ({
  page,
}) => {
  let claudeFile = '';
  host = await startServe((dir) => {
    // Claude Desktop installed (its program), with a config file; Cursor has only a config file.
    installClaudeDesktop(path.dirname(dir));
    const cursorFile = path.join(path.dirname(dir), '.cursor', 'mcp.json');
    fs.mkdirSync(path.dirname(cursorFile), { recursive: true });
    fs.writeFileSync(cursorFile, '{ "mcpServers": {} }\n');
    claudeFile = path.join(path.dirname(dir), '.config', 'Claude', 'claude_desktop_config.json');
    fs.mkdirSync(path.dirname(claudeFile), { recursive: true });
    fs.writeFileSync(claudeFile, '{\n  "mcpServers": {}\n}\n');
  });
  await page.goto(host.url);

  const welcome = page.getByTestId('welcome-screen');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to MCP Tray');
  await expect(welcome.getByTestId('welcome-clients')).toContainText('Claude Desktop');
  // A config file is no install: Cursor is not shown as found.
  await expect(welcome.getByTestId('welcome-clients')).not.toContainText('Cursor');
  await scan(page, 'welcome');

  // The catalog (loaded or not, it offers your own server).
  await welcome.getByTestId('welcome-catalog').click();
  const catalog = page.getByTestId('catalog-screen');
  await expect(catalog.getByRole('heading', { level: 1 })).toHaveText('Add a service');
  await expect(
    catalog.locator('[data-testid="catalog-group"], [data-testid="error-state"]').first(),
  ).toBeVisible();
  await scan(page, 'catalog');

  await catalog.getByTestId('add-custom-link').click();
  const flow = page.getByTestId('add-flow');
  const form = flow.getByTestId('custom-form');
  await expect(form).toBeVisible();
  await scan(page, 'custom form');

  // Validation that explains itself.
  await form.getByRole('button', { name: 'Review' }).click();
  await expect(flow.getByTestId('error-summary')).toContainText('Enter the program to run');
  await scan(page, 'custom form with errors');

  await form.getByLabel('Name', { exact: true }).fill('Everything');
  await expect(form.getByLabel('ID', { exact: true })).toHaveValue('everything');
  await form.getByLabel('Command', { exact: true }).fill('node');
  await form.getByLabel(/Arguments/).fill(EVERYTHING);
  await form.getByRole('button', { name: 'Add a variable' }).click();
  await form.getByTestId('env-name').fill('EVERYTHING_MODE');
  await form.getByTestId('env-value').fill('demo');
  await form.getByRole('button', { name: 'Review' }).click();

  // The exact command, before anything runs.
  const confirm = flow.getByTestId('step-confirm');
  await expect(confirm.getByRole('heading', { level: 2 })).toHaveText('Run Everything?');
  await expect(confirm.getByTestId('launch-command')).toHaveText('node');
  await expect(confirm.getByTestId('launch-args')).toHaveText(EVERYTHING);
  await expect(confirm.getByTestId('launch-env')).toHaveText('EVERYTHING_MODE');
  await scan(page, 'confirmation');
  expect(
    JSON.parse(fs.readFileSync(path.join(host.dataDir, 'settings.json'), 'utf8')).instances ?? [],
  ).toEqual([]);
  await confirm.getByRole('button', { name: 'Add and start' }).click();

  // Installed clients are preselected; Apply writes Claude Desktop's file.
  const clients = flow.getByTestId('step-clients');
  await expect(clients.getByRole('checkbox', { name: 'Claude Desktop' })).toBeChecked();
  await scan(page, 'choose clients');
  await clients.getByRole('button', { name: 'Apply to Claude Desktop' }).click();

  const done = flow.getByTestId('step-done');
  await expect(done.getByRole('heading', { level: 2 })).toHaveText('Claude Desktop can use Everything now');
  await expect(done.getByTestId('reload-hint')).toContainText('Claude Desktop');
  await scan(page, 'done');
  const written = JSON.parse(fs.readFileSync(claudeFile, 'utf8')) as {
    mcpServers: Record<string, { args: string[] }>;
  };
  expect(written.mcpServers.everything?.args).toContain('connect');

  await done.getByTestId('done-services').click();
  const row = page.getByTestId('instance-row').filter({ hasText: 'Everything' });
  await expect(row).toContainText('Running', { timeout: 20_000 });
  await expect(row).toContainText(/\d+ tools/);
});

test('a .mcpb bundle: its manifest and command first, then its settings; it runs from the data folder', async ({
  page,
}) => {
  const fixture = path.resolve(
    import.meta.dirname,
    '../../electron/core/supervisor/fixtures/fixture-server.mjs',
  );
  const manifest = {
    manifest_version: '0.3',
    name: 'weather',
    display_name: 'Weather',
    version: '1.2.0',
    description: 'Forecasts for your AI client.',
    author: { name: 'Ada Lovelace' },
    server: {
      type: 'node',
      entry_point: 'server.mjs',
      mcp_config: { command: 'node', args: ['${__dirname}/server.mjs', '--units=${user_config.units}'] },
    },
    user_config: { units: { type: 'string', title: 'Units', required: true, default: 'metric' } },
  };
  const server = `if (!process.argv.includes('--units=imperial')) process.exit(2);\nawait import(${JSON.stringify(pathToFileURL(fixture).href)});\n`;
  // Incompressible padding: the upload is larger than a default WebSocket frame (1 MiB).
  const bundle = writeZip([
    { name: 'manifest.json', data: JSON.stringify(manifest) },
    { name: 'server.mjs', data: server },
    { name: 'assets/padding.bin', data: randomBytes(1_200_000), store: true },
  ]);
  host = await startServe();
  await page.goto(host.url);
  await page.getByTestId('welcome-dismiss').click();
  // The sidebar's link (the empty Services screen offers one too, once it has loaded).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a service' }).click();
  await page.getByTestId('add-bundle-link').click();
  const flow = page.getByTestId('add-flow');
  await flow.getByLabel('Bundle file (.mcpb)').setInputFiles({
    name: 'weather.mcpb',
    mimeType: 'application/zip',
    buffer: bundle,
  });

  const review = flow.getByTestId('step-review');
  await expect(review.getByTestId('bundle-facts')).toContainText('Ada Lovelace');
  await expect(review.getByTestId('launch-args')).toContainText('--units=metric');
  await scan(page, 'bundle review');
  expect(fs.existsSync(path.join(host.dataDir, 'bundles'))).toBe(false);
  await review.getByRole('button', { name: 'Continue' }).click();

  const configure = flow.getByTestId('step-configure');
  await configure.getByLabel(/Units/).fill('imperial');
  await expect(configure.getByTestId('launch-args')).toContainText('--units=imperial');
  await scan(page, 'bundle settings');
  await configure.getByRole('button', { name: 'Add Weather' }).click();
  await flow.getByTestId('clients-skip').click();
  await flow.getByTestId('done-services').click();
  const row = page.getByTestId('instance-row').filter({ hasText: 'Weather' });
  await expect(row).toContainText('Running', { timeout: 20_000 });
  expect(fs.existsSync(path.join(host.dataDir, 'bundles', 'weather', 'server.mjs'))).toBe(true);
});

test('import from a client: says where secrets go, and leaves none behind in the file or its backups', async ({
  page,
}) => {
  const secret = `sk-e2e-${randomBytes(10).toString('hex')}`;
  let home = '';
  host = await startServe((dir) => {
    home = path.dirname(dir);
    installClaudeDesktop(home);
    const file = path.join(home, '.config', 'Claude', 'claude_desktop_config.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tools = { command: 'node', args: [EVERYTHING], env: { API_KEY: secret } };
    fs.writeFileSync(file, JSON.stringify({ mcpServers: { tools } }, null, 2), { mode: 0o644 });
  });
  await page.goto(`${host.url}#/clients`);
  const card = page.locator('[data-testid="client-card"][data-client="claude-desktop"]');
  await card.getByTestId('client-import').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-secrets-note')).toContainText(
    'backups of that file keep a marker in their place; only you can read the backups',
  );
  await dialog.getByRole('checkbox').first().check();
  await scan(page, 'import dialog');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-confirm')).toHaveText('Done');
  const holding = fs
    .readdirSync(home, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => fs.readFileSync(file).includes(secret));
  expect(holding).toEqual([]);
});
