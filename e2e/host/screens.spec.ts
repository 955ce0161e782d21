import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { axeProblems } from '../support/axe';
import type { ScreenCase } from '../support/first-run-screens';
import { firstRunScreens } from '../support/first-run-screens';
import { callThroughConnector, customInstance, writeClaudeConfig, writeSettings } from '../support/seed';
import type { ServedHost } from '../support/serve';
import { startServe } from '../support/serve';
import { TestRegistry } from '../../test/core/registry/test-registry-server';
import { installClaudeDesktop } from '../../test/core/clients/installed-client';

/**
 * Every main screen in light and dark, at the default window size and the smallest supported
 * one, compared with committed baselines (`e2e/host/__screenshots__/screens.spec.ts/`;
 * regenerate with `scripts/with-keyring.sh npx playwright test --project=host
 * e2e/host/screens.spec.ts --update-snapshots` after a deliberate change, as CI runs it: adding
 * Notion needs the keychain; then look at the diff). Times, pids, CPU and
 * memory and temp paths are masked. Each screen is also scanned with axe-core: no serious or
 * critical violations.
 *
 * The first-run and add screens run against a second, empty host (the welcome shows only while
 * there are no services): the welcome, the catalog with the real built-in integrations and the
 * community ones (and searched), the add flow's settings step (Notion, top and bottom), its
 * own-OAuth-client step and the Account tab of that service (Google Calendar), a catalog
 * service's Settings tab, and the custom server form, empty and with its problems
 * (`support/first-run-screens.ts`). The `.mcpb` review and the clients/done steps are scanned
 * in `first-run.spec.ts`.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../electron/core/supervisor/fixtures');
const SIZES = [
  { width: 1040, height: 700 },
  { width: 800, height: 560 },
] as const;

// The page's CSP allows only its own scripts; axe is injected by the test.
test.use({ bypassCSP: true });

let host: ServedHost;
let registry: TestRegistry | undefined;
/** No services yet: the first run. */
let fresh: ServedHost;

/** Claude Desktop is installed (its program and desktop file) in a host's HOME, with its config. */
function installClaude(dataDir: string): void {
  installClaudeDesktop(path.dirname(dataDir));
  writeClaudeConfig(dataDir);
}

test.beforeAll(async () => {
  // The catalog searches the registry: a local one, so the pictures never depend on the internet.
  registry = await new TestRegistry().start();
  process.env.MCP_TRAY_REGISTRY_URL = registry.url;
  fresh = await startServe(installClaude);
  host = await startServe((dir) => {
    const fixture = { command: process.execPath, args: [path.join(FIXTURES, 'fixture-server.mjs')] };
    writeSettings(dir, {
      instances: [
        customInstance('notes', 'Notes', { ...fixture, env: { NOTES_DIR: '/tmp/notes' } }),
        // A program that is not there: failed at once, with the installer to get.
        customInstance('python-tools', 'Python tools', {
          command: '/opt/missing/uvx',
          args: ['python-tools-mcp'],
        }),
        customInstance('paused', 'Paused', fixture, false),
      ],
      // A profile with some tools of one service, and one it names that was removed since.
      profiles: [
        {
          name: 'Work',
          services: [
            { instance: 'notes', tools: ['echo'] },
            { instance: 'old-drive', tools: null },
          ],
        },
      ],
    });
    installClaude(dir);
  });
  // One call from an AI client, so the logs have a row.
  await callThroughConnector(host.dataDir, { name: 'Claude Desktop', version: '0.14.0' }, 'notes', {
    name: 'echo',
    arguments: { message: 'Buy oat milk' },
  });
});

test.afterAll(async () => {
  await host?.stop();
  await fresh?.stop();
  await registry?.close();
});

/** What changes from run to run: times, pids, resource use, temp paths, durations. */
function volatile(page: Page): Locator[] {
  return [
    page.locator('time'),
    page.locator('.instance__since, .detail-status__since, [data-testid="call-row"] .call-cell--duration'),
    page.getByTestId('state-timeline'),
    page.locator('[data-testid="panel-process"]:not([hidden]) .details__list dd'),
    page.locator('.trend__value, .sparkline'),
    page.getByTestId('stderr-tail'),
    page.getByTestId('command-line'),
    // Built-in servers run from this checkout's folder.
    page.getByTestId('launch-args'),
    page.getByTestId('data-dir'),
    page.getByTestId('client-path'),
    // The local test registry listens on a random port.
    page.getByTestId('registry-override'),
    page.getByTestId('registry-name'),
    page.locator('.details').filter({ hasText: 'Background process' }).locator('dd'),
  ];
}

/**
 * A mask hides a value but keeps its height: a checkout's path (built-in servers' arguments)
 * wraps onto more lines in a deeper folder. One line each, so the layout is the same anywhere.
 */
const STEADY_LAYOUT = '[data-testid="launch-args"] li { white-space: nowrap; overflow: hidden; }';

/** The main screens, each reached and settled the way a user would see it. */
const SCREENS: ScreenCase[] = [
  ...firstRunScreens(() => fresh),
  {
    name: 'services',
    open: async (page) => {
      await page.goto(`${host.origin}/#/services`);
      await expect(page.getByTestId('instance-row').filter({ hasText: 'Notes' })).toContainText('Running');
      await expect(page.getByTestId('instance-row').filter({ hasText: 'Python tools' })).toContainText(
        'Failed',
      );
    },
  },
  ...(['overview', 'tools', 'logs', 'process', 'permissions', 'settings'] as const).map((tab) => ({
    name: `detail-${tab}`,
    open: async (page: Page) => {
      await page.goto(`${host.origin}/#/services/notes`);
      await expect(page.getByTestId('detail-status')).toContainText('Running');
      await page.getByTestId(`tab-${tab}`).click();
      const panel = page.getByTestId(`panel-${tab}`);
      if (tab === 'tools') {
        const echo = panel.getByTestId('tool-row').and(page.locator('[data-tool="echo"]'));
        await echo.getByTestId('tool-toggle').click();
        // Filled in, not run: a call would add a row to the logs screens shot after this one.
        await echo.getByLabel(/message/).fill('Hello from the screenshot');
        await echo.getByLabel(/message/).blur();
      }
      if (tab === 'logs') await expect(panel.getByTestId('call-row').first()).toBeVisible();
      if (tab === 'process') await expect(panel.getByTestId('trends')).toBeVisible({ timeout: 20_000 });
      if (tab === 'settings') await expect(panel.getByTestId('tool-switch').first()).toBeVisible();
      if (tab === 'permissions') await expect(panel.getByTestId('permissions-summary')).toBeVisible();
    },
  })),
  {
    name: 'registry-detail',
    open: async (page) => {
      await page.goto(`${host.origin}/#/add/registry%3Aio.github.example%2Fweather`);
      await expect(page.getByTestId('registry-detail')).toBeVisible();
      await expect(page.getByTestId('launch-preview')).toBeVisible();
    },
  },
  {
    name: 'logs',
    open: async (page) => {
      await page.goto(`${host.origin}/#/logs`);
      await expect(page.getByTestId('call-row').first()).toBeVisible();
    },
  },
  {
    name: 'clients',
    open: async (page) => {
      await page.goto(`${host.origin}/#/clients`);
      await expect(page.getByTestId('client-card').first()).toBeVisible();
    },
  },
  {
    name: 'profiles',
    open: async (page) => {
      await page.goto(`${host.origin}/#/profiles`);
      await expect(page.getByTestId('profile-card').nth(1)).toBeVisible();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await page.goto(`${host.origin}/#/settings`);
      await expect(page.getByTestId('preferences')).toBeVisible();
    },
  },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every main screen in ${colorScheme}: screenshots match the baselines, axe finds nothing serious`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    // The first visit trades the token for a cookie (one per host).
    await page.goto(fresh.url);
    await page.goto(host.url);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const screen of SCREENS) {
        await screen.open(page);
        // No hover effects in the picture, and the fonts settled.
        await page.mouse.move(0, 0);
        await page.evaluate(() => document.fonts.ready);
        // As a tag, not toHaveScreenshot's `style`, which the page's CSP keeps out.
        await page.addStyleTag({ content: STEADY_LAYOUT });
        await expect(page).toHaveScreenshot(
          `${screen.name}-${colorScheme}-${size.width}x${size.height}.png`,
          {
            animations: 'disabled',
            caret: 'hide',
            mask: volatile(page),
            maxDiffPixelRatio: 0.01,
          },
        );
        if (size === SIZES[0])
          expect(await axeProblems(page), `axe on ${screen.name} (${colorScheme})`).toEqual([]);
        screen.after?.();
      }
    }
  });
}
