// UI figures for `npm run bench` (bundled by scripts/bench.mjs): the real headless host in
// Debian's Chromium, each figure a ratio against a baseline measured in the same run.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';

const CLI = path.resolve('dist/cli/mcp-tray.mjs');
const FIXTURE = path.resolve('electron/core/supervisor/fixtures/fixture-server.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CALLS = Number(process.env.BENCH_UI_CALLS ?? 200);
const RATE = 1000;
const WINDOW_MS = 5000;

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
const median = (xs: number[]) => quantile(xs, 0.5);
const row = (name: string, value: number, base: number, unit: string, baseName: string) =>
  `${name.padEnd(50)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} ${baseName} ${base.toFixed(1)} ${unit}  ratio ${(value / base).toFixed(2)}x`;

interface Served {
  child: ChildProcess;
  url: string;
  origin: string;
  dataDir: string;
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-ui-bench-'));

/** `mcp-tray serve` on a fresh data dir holding `count` fixture servers. */
async function serve(name: string, count: number): Promise<Served> {
  const dataDir = path.join(home, name);
  fs.mkdirSync(dataDir);
  const instances = Array.from({ length: count }, (_, i) => ({
    id: `s${String(i).padStart(2, '0')}`,
    name: `Service ${i}`,
    integrationId: 'custom',
    enabled: true,
    createdAt: new Date().toISOString(),
    launch: { command: process.execPath, args: [FIXTURE], env: {} },
  }));
  // A new data folder opens on the welcome screen; these are returning users who closed it,
  // so both pages load the Services screen.
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ instances, ui: { theme: 'system', welcomeDismissed: true } }),
  );
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, HOME: home },
    },
  );
  const { url } = await new Promise<{ url: string }>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as { url: string });
    });
  });
  return { child, url, origin: new URL(url).origin, dataDir };
}

const stop = (served: Served) =>
  new Promise<void>((resolve) => {
    served.child.once('exit', () => resolve());
    served.child.kill('SIGTERM');
  });

/** A browser page signed in to the host (the token traded for its cookie). */
async function pageFor(browser: Browser, served: Served): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1040, height: 700 } });
  const page = await context.newPage();
  await page.goto(served.url);
  return page;
}

/** Page load (navigation start) to the Services screen listing every service with its state. */
async function timeToServices(page: Page, origin: string, count: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${origin}/#/services`, { waitUntil: 'commit' });
  await page.waitForFunction(
    (n) =>
      n === 0
        ? document.querySelector('[data-testid="services-empty"]') !== null
        : document.querySelectorAll('[data-testid="instance-row"] [data-testid="status-badge"]').length === n,
    count,
    { polling: 'raf', timeout: 60_000 },
  );
  return page.evaluate(() => performance.now());
}

async function connect(dataDir: string): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'connect', 's00', '--data-dir', dataDir],
      stderr: 'ignore',
    }),
  );
  return client;
}

/** Call through the connector → its row in the open Logs screen, and the call's own round trip. */
async function callToRow(page: Page, dataDir: string): Promise<{ row: number[]; call: number[] }> {
  await page.goto(`${new URL(page.url()).origin}/#/logs`);
  await page.waitForSelector('[data-testid="logs-screen"]');
  // The page notes when each call id's row appears (wall clock, comparable with ours).
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { seen: Record<string, number> }).seen = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-call-id]')) {
        const id = el.dataset.callId!;
        if (!(id in seen)) seen[id] = Date.now();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const client = await connect(dataDir);
  for (let i = 0; i < 20; i++) await client.callTool({ name: 'echo', arguments: { message: 'warm' } });
  const row: number[] = [];
  const call: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const before = await page.evaluate(
      () => Object.keys((window as unknown as { seen: object }).seen).length,
    );
    const started = Date.now();
    await client.callTool({ name: 'echo', arguments: { message: `bench ${i}` } });
    call.push(Date.now() - started);
    const seenAt = await page.waitForFunction(
      (n) => {
        const seen = (window as unknown as { seen: Record<string, number> }).seen;
        const times = Object.values(seen);
        return times.length > n ? Math.max(...times) : false;
      },
      before,
      { polling: 'raf', timeout: 10_000 },
    );
    row.push(((await seenAt.jsonValue()) as number) - started);
  }
  await client.close();
  return { row, call };
}

/** rAF intervals in the page over a window, optionally while calls stream in at `rate` per second. */
async function frames(
  page: Page,
  dataDir: string,
  rate: number,
): Promise<{ intervals: number[]; calls: number }> {
  // Connections first, so the load and the measured window start together.
  const clients = rate > 0 ? await Promise.all(Array.from({ length: 8 }, () => connect(dataDir))) : [];
  const measuring = page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (now: number) => {
          out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    WINDOW_MS,
  );
  let calls = 0;
  if (rate > 0) {
    // Several connections with calls in flight, each call started at its slot of the target rate.
    const start = Date.now();
    let next = 0;
    await Promise.all(
      clients.map(async (client) => {
        for (;;) {
          const due = start + (next * 1000) / rate;
          if (due - start >= WINDOW_MS) break;
          next++;
          if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
          await client.callTool({ name: 'echo', arguments: { message: `load ${next}` } });
          calls++;
        }
      }),
    );
    await Promise.all(clients.map((c) => c.close()));
  }
  return { intervals: await measuring, calls };
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  // 1. Load to an interactive Services screen: 50 services against an empty data dir.
  const empty = await serve('empty', 0);
  const fifty = await serve('fifty', 50);
  const emptyPage = await pageFor(browser, empty);
  const fiftyPage = await pageFor(browser, fifty);
  // Wait until all 50 run, so the figure is the UI's, not the servers' start.
  await fiftyPage.waitForFunction(
    () => document.querySelectorAll('[data-state="running"]').length === 50,
    undefined,
    { timeout: 120_000 },
  );
  const emptyTimes: number[] = [];
  const fiftyTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    emptyTimes.push(await timeToServices(emptyPage, empty.origin, 0));
    fiftyTimes.push(await timeToServices(fiftyPage, fifty.origin, 50));
  }
  console.log(`\nUI in Chromium (median of ${RUNS} loads; headless host, 1040×700)`);
  console.log(
    row(
      'page load to Services with 50 services',
      median(fiftyTimes),
      median(emptyTimes),
      'ms',
      'empty data dir',
    ),
  );
  await stop(empty);

  // 2. A call through the connector to its row in the open Logs screen.
  const { row: rowTimes, call } = await callToRow(fiftyPage, fifty.dataDir);
  console.log(
    `\ncall → row visible in the open Logs screen (${CALLS} calls; baseline: the call's own round trip)`,
  );
  console.log(row('p50 call to row visible', median(rowTimes), median(call), 'ms', 'call p50'));
  console.log(
    row('p99 call to row visible', quantile(rowTimes, 0.99), quantile(call, 0.99), 'ms', 'call p99'),
  );

  // 3. Frame times with the Logs screen open: idle, then with calls arriving at 1000/s.
  const idle = await frames(fiftyPage, fifty.dataDir, 0);
  const busy = await frames(fiftyPage, fifty.dataDir, RATE);
  const achieved = busy.calls / (WINDOW_MS / 1000);
  console.log(
    `\nframe interval in the Logs screen, ${WINDOW_MS / 1000} s windows (baseline: idle; ${Math.round(achieved)} records/s arrived of ${RATE} asked)`,
  );
  console.log(
    row('frame interval p50 under load', median(busy.intervals), median(idle.intervals), 'ms', 'idle'),
  );
  console.log(
    row(
      'frame interval p95 under load',
      quantile(busy.intervals, 0.95),
      quantile(idle.intervals, 0.95),
      'ms',
      'idle',
    ),
  );
  await stop(fifty);
} finally {
  await browser.close();
  fs.rmSync(home, { recursive: true, force: true });
}
