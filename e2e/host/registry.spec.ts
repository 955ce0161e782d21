import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { FixtureEntry } from '../../test/core/registry/test-registry-server';
import { TestRegistry, fixtureEntries } from '../../test/core/registry/test-registry-server';
import { axeProblems } from '../support/axe';
import type { ServedHost } from '../support/serve';
import { startServe } from '../support/serve';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../electron/core/supervisor/fixtures/fixture-server.mjs',
);
const WEATHER = 'io.github.example/weather';
const OFFICIAL = 'io.modelcontextprotocol.registry/official';

/**
 * An `npx` first on PATH that runs the fixture MCP server, since the fixture's npm packages do
 * not exist; everything else (registry, core, install, keychain, updates) is real.
 */
function npxShim(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\nexec "${process.execPath}" "${FIXTURE}"\n`, {
    mode: 0o755,
  });
  return bin;
}

/** The fixtures as they were before weather 1.4.0 was published: 1.2.3 is the latest. */
function beforeRelease(): FixtureEntry[] {
  return fixtureEntries()
    .filter((e) => !(e.server.name === WEATHER && e.server.version === '1.4.0'))
    .map((e) =>
      e.server.name === WEATHER
        ? { ...e, _meta: { [OFFICIAL]: { ...(e._meta?.[OFFICIAL] ?? {}), isLatest: true } } }
        : e,
    );
}

// axe is injected as a script, which the page's CSP (script-src 'self') would otherwise refuse.
test.use({ bypassCSP: true, viewport: { width: 1040, height: 700 } });

let host: ServedHost | undefined;
let registry: TestRegistry | undefined;
let shimDir = '';
const saved = { PATH: process.env.PATH, url: process.env.MCP_TRAY_REGISTRY_URL };
test.afterEach(async () => {
  await host?.stop();
  await registry?.close();
  process.env.PATH = saved.PATH;
  if (saved.url === undefined) delete process.env.MCP_TRAY_REGISTRY_URL;
  else process.env.MCP_TRAY_REGISTRY_URL = saved.url;
  fs.rmSync(shimDir, { recursive: true, force: true });
});

test('registry: search, facets, detail, install with a secret, update available, review, update, roll back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  registry = await new TestRegistry(beforeRelease()).start();
  shimDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-npx-'));
  // The served core inherits this process's environment.
  process.env.PATH = [npxShim(shimDir), process.env.PATH].join(path.delimiter);
  process.env.MCP_TRAY_REGISTRY_URL = registry.url;
  // Commands are looked up on the login shell's PATH first, as a user's own shell sets it: the
  // shim goes there too, or the real npx would look for the made-up package on npmjs.com.
  host = await startServe((dataDir) =>
    fs.writeFileSync(
      path.join(path.dirname(dataDir), '.profile'),
      `PATH="${path.join(shimDir, 'bin')}:$PATH"\n`,
    ),
  );
  await page.goto(host.url);

  // Search: the registry's entries join the catalog, deprecated ones warned about.
  await page.getByRole('link', { name: 'Add a service' }).first().click();
  const section = page.getByTestId('registry-section');
  await page.getByTestId('catalog-search').fill('example');
  await expect(section.locator(`[data-entry-name="${WEATHER}"]`)).toHaveCount(1);
  await expect(
    section
      .getByTestId('registry-entry')
      .and(page.locator('[data-entry-name="io.github.example/old-search"]')),
  ).toContainText('Deprecated, not offered for install');

  // Facets: package type, then kind.
  await page.getByTestId('facet-package').selectOption('pypi');
  await expect(section.locator('[data-entry-name="io.github.example/time"]')).toHaveCount(1);
  await expect(section.locator(`[data-entry-name="${WEATHER}"]`)).toHaveCount(0);
  await page.getByTestId('facet-package').selectOption('any');
  await page.getByTestId('facet-kind').selectOption('remote');
  await expect(section.locator('[data-entry-name="com.example/tasks"]')).toHaveCount(1);
  await expect(section.locator(`[data-entry-name="${WEATHER}"]`)).toHaveCount(0);
  await page.getByTestId('facet-kind').selectOption('any');

  // Detail.
  await section.locator(`[data-entry-name="${WEATHER}"]`).getByRole('link').click();
  const detail = page.getByTestId('registry-detail');
  await expect(detail.getByTestId('registry-publisher')).toContainText('io.github.example');
  await expect(detail.getByTestId('registry-version')).toHaveText('1.2.3');
  await expect(page.getByTestId('launch-command')).toHaveText('npx');
  await expect(page.getByTestId('launch-args')).toContainText('@example/weather-mcp@1.2.3');

  // Install with the secret variable, into a password input.
  const key = page.getByTestId('field-WEATHER_API_KEY');
  await expect(key).toHaveAttribute('type', 'password');
  await key.fill('k-e2e-123');
  await page.getByTestId('add-confirm').click();
  await expect(page.getByTestId('step-clients')).toBeVisible();
  const settings = fs.readFileSync(path.join(host.dataDir, 'settings.json'), 'utf8');
  expect(settings).toContain('io.github.example/weather');
  expect(settings).not.toContain('k-e2e-123');
  await page.goto(`${host.url.split('#')[0]}#/services`);
  await expect(page.getByTestId('instance-row').filter({ hasText: 'weather' }).first()).toContainText(
    'Running',
  );

  // 1.4.0 is published; "Check now" in Settings finds it.
  registry.entries = fixtureEntries();
  await page.goto(`${host.url.split('#')[0]}#/settings`);
  await page.getByTestId('update-check-now').click();
  await expect(page.getByTestId('update-check-result')).toContainText('1 update available');

  await page.goto(`${host.url.split('#')[0]}#/services`);
  const row = page.getByTestId('instance-row').filter({ hasText: 'weather' }).first();
  await expect(row.getByTestId('row-update')).toHaveText('Update available 1.2.3 → 1.4.0');
  await row.getByTestId('instance-link').click();

  // Review, then update only on confirm.
  const panel = page.getByTestId('update-panel');
  await expect(panel.getByTestId('detail-update')).toContainText('1.2.3 → 1.4.0');
  await panel.getByTestId('update-review-open').click();
  const review = panel.getByTestId('update-review');
  await expect(review.getByTestId('update-change-arguments')).toContainText('@example/weather-mcp@1.4.0');
  await expect(review.getByTestId('update-change-variables')).toContainText('Added: WEATHER_LOG');
  // The review as the user sees it, in light and dark: a picture to compare, and axe finds nothing serious.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.mouse.move(0, 0);
    await expect(panel).toHaveScreenshot(`update-review-${colorScheme}.png`, {
      animations: 'disabled',
      caret: 'hide',
      mask: [page.locator('time')],
      maxDiffPixelRatio: 0.01,
    });
    expect(await axeProblems(page), `axe on the update review (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await review.getByTestId('update-apply').click();
  await expect(panel.getByTestId('update-done')).toHaveText('Updated to 1.4.0.');
  await expect(panel.getByTestId('update-version')).toContainText('Version 1.4.0');

  // Roll back in one click.
  await panel.getByRole('button', { name: 'Roll back to 1.2.3' }).click();
  await expect(panel.getByTestId('update-done')).toHaveText('Rolled back to 1.2.3.');
  await expect(panel.getByTestId('update-version')).toContainText('Version 1.2.3');
});
