// Catalog figures for `npm run bench` (bundled by scripts/bench.mjs): the first render of the
// Add screen (the catalog) in Debian's Chromium through the real headless host, with a
// 5,000-entry registry behind it, against the same screen with the built-in and curated entries
// only (an empty registry), measured in the same run. Goal: within 1.5x.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { chromium } from '@playwright/test';
import { TestRegistry } from '../../test/core/registry/test-registry-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { syntheticEntries } from './registry-entries';

const CLI = path.resolve('dist/cli/mcp-tray.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-catalog-bench-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Served {
  child: ChildProcess;
  url: string;
  origin: string;
}

/** `mcp-tray serve` on a fresh data dir whose registry is `registryUrl`. */
async function serve(name: string, registryUrl: string): Promise<Served> {
  const dataDir = path.join(home, name);
  fs.mkdirSync(dataDir);
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, HOME: home, MCP_TRAY_REGISTRY_URL: registryUrl },
    },
  );
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as { url: string });
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, url, origin: new URL(url).origin };
}

const stop = (served: Served) =>
  new Promise<void>((resolve) => {
    served.child.once('exit', () => resolve());
    served.child.kill('SIGTERM');
  });

/**
 * Navigation start to the catalog with its own entries and the registry's answer on screen (the
 * registry's count, or "nothing in the registry"). The first load fills the core's cache and is
 * reported apart; the median is over loads after it, as a user opening Add again sees it.
 */
async function catalogRender(browser: Browser, served: Served): Promise<{ first: number; warm: number }> {
  const context = await browser.newContext({ viewport: { width: 1040, height: 700 } });
  const page = await context.newPage();
  await page.goto(served.url);
  const load = async () => {
    await page.goto('about:blank');
    await page.goto(`${served.origin}/#/add`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="catalog-entry"]').length > 0 &&
        (document.querySelector('[data-testid="registry-entry"]') !== null ||
          document.querySelector('[data-testid="registry-empty"]') !== null),
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    return page.evaluate(() => performance.now());
  };
  const first = await load();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await load());
  await context.close();
  return { first, warm: median(times) };
}

const small = await new TestRegistry([]).start();
const large = await new TestRegistry(syntheticEntries(5000)).start();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const baseHost = await serve('baseline', small.url);
  const bigHost = await serve('large', large.url);
  // Interleaved, so a busy moment on the machine lands on both sides.
  const base = await catalogRender(browser, baseHost);
  const big = await catalogRender(browser, bigHost);
  const base2 = await catalogRender(browser, baseHost);
  const big2 = await catalogRender(browser, bigHost);
  await Promise.all([stop(baseHost), stop(bigHost)]);
  const row = (name: string, value: number, baseline: number, goal: string) =>
    `${name.padEnd(50)} ${value.toFixed(1).padStart(8)} ms  baseline ${baseline.toFixed(1).padStart(7)} ms  ratio ${(value / baseline).toFixed(2)}x  (goal ${goal})`;
  console.log(
    `catalog first render in Chromium (median of ${RUNS} loads; baseline: built-in and curated entries only, an empty registry)`,
  );
  console.log(
    row(
      'catalog with 5,000 registry entries',
      Math.min(big.warm, big2.warm),
      Math.min(base.warm, base2.warm),
      '≤ 1.5x',
    ),
  );
  console.log(row('the same, first load (fills the cache)', big.first, base.first, 'none, for reference'));
} finally {
  await browser.close();
  await Promise.all([small.close(), large.close()]);
  fs.rmSync(home, { recursive: true, force: true });
}
