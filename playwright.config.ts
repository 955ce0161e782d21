import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is never used (it cannot be fetched here).
export const CHROMIUM_PATH = process.env.MCP_TRAY_CHROMIUM ?? '/usr/lib/chromium/chromium';

/** Flags for that Chromium here (also used by the UI benchmarks in `scripts/bench/ui-bench.ts`). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'on-first-retry', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'host',
      testDir: 'e2e/host',
      // Committed baselines of `toHaveScreenshot` (screens.spec.ts), one folder per spec.
      snapshotPathTemplate: '{testDir}/__screenshots__/{testFileName}/{arg}{ext}',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
