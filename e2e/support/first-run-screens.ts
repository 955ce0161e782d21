import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { ServedHost } from './serve';
import { CLI } from './serve';

/** One screen to photograph: how to reach it settled, and what to undo afterwards. */
export interface ScreenCase {
  name: string;
  open: (page: Page) => Promise<void>;
  /** Puts things back for the next pass (what the screen added). */
  after?: () => void;
}

/** Opens the add flow of a catalog entry, settled on its first step. */
async function openAdd(page: Page, origin: string, id: string, title: string): Promise<Locator> {
  await page.goto(`${origin}/#/add/${id}`);
  const flow = page.getByTestId('add-flow');
  await expect(flow.getByRole('heading', { level: 1 })).toHaveText(`Add ${title}`);
  await expect(flow.getByTestId('step-configure')).toBeVisible();
  return flow;
}

/**
 * First run and adding, on a host with no services yet (the welcome shows only then), for
 * `screens.spec.ts`. Services added on the way are removed again (with the CLI, not the
 * window), so each pass starts empty. `fresh` gives that host once it runs.
 */
export function firstRunScreens(fresh: () => ServedHost): ScreenCase[] {
  /** `mcp-tray <args>` against that host. */
  const cli = (args: string[]): void => {
    execFileSync(process.execPath, [CLI, ...args, '--data-dir', fresh().dataDir], { stdio: 'pipe' });
  };
  return [
    {
      name: 'welcome',
      open: async (page) => {
        await page.goto(`${fresh().origin}/#/services`);
        const welcome = page.getByTestId('welcome-screen');
        await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to MCP Tray');
        await expect(welcome.getByTestId('welcome-clients')).toContainText('Claude Desktop');
        await expect(welcome.getByTestId('welcome-suggestion')).toHaveCount(3);
      },
    },
    {
      name: 'catalog',
      open: async (page) => {
        await page.goto(`${fresh().origin}/#/add`);
        const catalog = page.getByTestId('catalog-screen');
        for (const id of ['github', 'google-calendar', 'gmail', 'notion']) {
          await expect(catalog.locator(`[data-testid="catalog-entry"][data-entry-id="${id}"]`)).toBeVisible();
        }
        await expect(catalog.getByTestId('catalog-group')).toHaveCount(3);
      },
    },
    {
      name: 'catalog-search',
      open: async (page) => {
        await page.goto(`${fresh().origin}/#/add`);
        const catalog = page.getByTestId('catalog-screen');
        await catalog.getByTestId('catalog-search').fill('calendar');
        await expect(catalog.getByTestId('catalog-count')).toHaveText('1 integration matches');
        await expect(catalog.getByTestId('catalog-entry')).toHaveCount(1);
      },
    },
    {
      name: 'add-settings',
      open: async (page) => {
        const flow = await openAdd(page, fresh().origin, 'notion', 'Notion');
        await expect(flow.getByLabel(/Internal integration secret/)).toBeVisible();
        await expect(flow.getByLabel(/API address/)).toHaveValue('https://api.notion.com');
        await expect(flow.getByTestId('launch-command')).toHaveText('node');
      },
    },
    {
      // The same step, down to what will run and the button that confirms it.
      name: 'add-confirm',
      open: async (page) => {
        const flow = await openAdd(page, fresh().origin, 'notion', 'Notion');
        await flow.getByRole('button', { name: 'Add Notion' }).scrollIntoViewIfNeeded();
        await expect(flow.getByTestId('launch-preview')).toBeInViewport();
      },
    },
    {
      name: 'add-own-client',
      open: async (page) => {
        const flow = await openAdd(page, fresh().origin, 'google-calendar', 'Google Calendar');
        await flow.getByRole('button', { name: 'Add and set up sign-in' }).click();
        const setup = flow.getByTestId('client-setup');
        await expect(setup.getByTestId('redirect-uri')).toHaveText('http://127.0.0.1/callback');
        await expect(setup.getByLabel('Client secret')).toBeVisible();
      },
    },
    {
      name: 'account-own-client',
      open: async (page) => {
        await page.goto(`${fresh().origin}/#/services/google-calendar`);
        await expect(page.getByTestId('detail-status')).toContainText('Needs sign-in');
        const card = page.getByTestId('account-card');
        await expect(card.getByTestId('client-setup')).toBeVisible();
        await expect(card.getByTestId('redirect-uri')).toHaveText('http://127.0.0.1/callback');
      },
      after: () => cli(['remove', 'google-calendar']),
    },
    {
      // Not part of adding, but only this host has a catalog service: its Settings tab.
      name: 'detail-service-settings',
      open: async (page) => {
        const flow = await openAdd(page, fresh().origin, 'notion', 'Notion');
        await flow.getByLabel(/Internal integration secret/).fill('ntn_screenshot_secret');
        await flow.getByRole('button', { name: 'Add Notion' }).click();
        await expect(flow.getByTestId('step-clients')).toBeVisible();
        await page.goto(`${fresh().origin}/#/services/notion`);
        await expect(page.getByTestId('detail-status')).toContainText('Running', { timeout: 20_000 });
        await page.getByTestId('tab-settings').click();
        const form = page.getByTestId('service-settings-form');
        await expect(form.getByTestId('secret-status-integration_token')).toContainText(
          'Saved in your system keychain',
        );
        await expect(form.getByLabel(/API address/)).toHaveValue('https://api.notion.com');
      },
      after: () => cli(['remove', 'notion']),
    },
    {
      name: 'custom-form',
      open: async (page) => {
        await page.goto(`${fresh().origin}/#/add/custom`);
        await expect(page.getByTestId('custom-form')).toBeVisible();
      },
    },
    {
      name: 'custom-form-errors',
      open: async (page) => {
        await page.goto(`${fresh().origin}/#/add/custom`);
        const form = page.getByTestId('custom-form');
        await form.getByRole('button', { name: 'Review' }).click();
        await expect(page.getByTestId('error-summary')).toContainText('Enter the program to run');
      },
    },
  ];
}
