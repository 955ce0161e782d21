import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ServedHost } from '../support/serve';
import { startServe } from '../support/serve';

/**
 * The theme chosen in Settings overrides the system's scheme: every colour on the page (the
 * catalog, with its brand icons on their dark-scheme tiles) is the same as when the system
 * itself is in that scheme. The palette is written once with light-dark(), so this guards the
 * `data-theme` → `color-scheme` link that makes the choice reach every token.
 */

/** What a scheme changes, read from every element on the page. */
const PAINTED = [
  'color',
  'background-color',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'outline-color',
  'box-shadow',
  'fill',
  'stroke',
  'padding-top',
] as const;

let host: ServedHost;

test.beforeAll(async () => {
  host = await startServe();
});

test.afterAll(async () => {
  await host.stop();
});

async function chooseTheme(page: Page, label: string): Promise<void> {
  await page.goto(`${host.origin}/#/settings`);
  const theme = page.getByTestId('preferences').getByRole('group', { name: 'Theme' });
  await theme.getByLabel(label, { exact: true }).check();
  await expect(theme.getByLabel(label, { exact: true })).toBeChecked();
}

/** Every element of the settled catalog with its painted values, in document order. */
async function catalogPaint(page: Page): Promise<string[]> {
  await page.goto(`${host.origin}/#/add`);
  const catalog = page.getByTestId('catalog-screen');
  await expect(catalog.locator('[data-testid="catalog-entry"][data-entry-id="github"] img')).toBeVisible();
  await page.mouse.move(0, 0);
  return page.evaluate((props) => {
    return [document.documentElement, ...document.querySelectorAll('body *')].map((element) => {
      const style = getComputedStyle(element);
      const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      return `${name} ${props.map((p) => style.getPropertyValue(p)).join(' | ')}`;
    });
  }, PAINTED);
}

test('a theme chosen in Settings paints exactly as the system scheme of that name', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(host.url);

  const system: Record<'light' | 'dark', string[]> = { light: [], dark: [] };
  await chooseTheme(page, 'Same as the system');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    system[colorScheme] = await catalogPaint(page);
  }
  // The schemes differ, down to the brand icons' tile, which only dark has.
  expect(system.light).not.toEqual(system.dark);
  expect(system.light.filter((line) => line.startsWith('img.entry-icon'))).not.toEqual(
    system.dark.filter((line) => line.startsWith('img.entry-icon')),
  );

  await page.emulateMedia({ colorScheme: 'light' });
  await chooseTheme(page, 'Dark');
  expect(await catalogPaint(page)).toEqual(system.dark);

  await page.emulateMedia({ colorScheme: 'dark' });
  await chooseTheme(page, 'Light');
  expect(await catalogPaint(page)).toEqual(system.light);
});
