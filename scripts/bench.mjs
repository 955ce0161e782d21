// `npm run bench`: figures as ratios against a baseline measured in the same run.
// Not a timed test: it prints, it never fails on a number.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// BENCH_CLI runs another build (a copy of main's dist, say) for a before/after comparison;
// BENCH_ONLY=host,broker,… runs only those sections (host, supervisor, broker, sandbox, ui, registry).
const CLI = path.resolve(process.env.BENCH_CLI ?? 'dist/cli/mcp-tray.mjs');
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const wanted = (section) => !ONLY || ONLY.includes(section);
const INDEX = path.resolve('dist/renderer/index.html');

const BASELINE_SERVER = `
  const http = require('node:http'), fs = require('node:fs');
  http.createServer((req, res) => res.end(fs.readFileSync(${JSON.stringify(INDEX)})))
    .listen(0, '127.0.0.1', function () { process.stdout.write(JSON.stringify({ url: 'http://127.0.0.1:' + this.address().port + '/' }) + '\\n'); });`;

/** Spawns a server that prints `{url}` on its first stdout line; resolves when the UI is served. */
async function coldStart(command, args) {
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const { url } = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  // Follow the token redirect by hand: fetch keeps no cookies between hops.
  let res = await fetch(url, { redirect: 'manual' });
  if (res.status === 302) {
    const cookie = res.headers.get('set-cookie').split(';')[0];
    res = await fetch(new URL(res.headers.get('location'), url), { headers: { cookie } });
  }
  const body = await res.text();
  if (res.status !== 200 || !body.includes('<div id="root">'))
    throw new Error(`UI not served: ${res.status}`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, child };
}

function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

const stop = (child) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Cold starts of each side in turn (baseline, tray, baseline, ...), so that a machine getting
 * busier or quieter during the runs moves both medians alike; RSS after the last run of each.
 */
async function measureInTurn(sides) {
  const results = sides.map((side) => ({ label: side.label, times: [], rss: 0 }));
  for (let i = 0; i < RUNS; i++) {
    for (const [k, side] of sides.entries()) {
      const { ms, child } = await coldStart(...side.makeArgs());
      results[k].times.push(ms);
      if (i === RUNS - 1) {
        await new Promise((r) => setTimeout(r, 1500));
        results[k].rss = rssMiB(child.pid);
      }
      await stop(child);
    }
  }
  return results.map(({ label, times, rss }) => ({ label, startMs: median(times), rss }));
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-bench-'));
console.log(
  `load: ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} (1/5/15 min) on ${os.cpus().length} cores`,
);
if (wanted('host'))
  try {
    const [baseline, tray] = await measureInTurn([
      { label: 'bare node http server', makeArgs: () => [process.execPath, ['-e', BASELINE_SERVER]] },
      {
        label: 'mcp-tray serve',
        makeArgs: () => [
          process.execPath,
          [
            CLI,
            'serve',
            '--json',
            '--no-open',
            '--port',
            '0',
            '--data-dir',
            fs.mkdtempSync(path.join(home, 'd-')),
          ],
        ],
      },
    ]);
    const row = (name, value, base, unit) =>
      `${name.padEnd(44)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(4)} baseline ${base.toFixed(1).padStart(7)} ${unit.padEnd(4)} ratio ${(value / base).toFixed(2)}x`;
    console.log(
      `headless host (median of ${RUNS} runs each, taken in turn; baseline: ${baseline.label} serving the same index.html)`,
    );
    const met = tray.startMs <= 2.5 * baseline.startMs ? 'met' : 'MISSED';
    console.log(
      row('cold start: process start to UI served', tray.startMs, baseline.startMs, 'ms') +
        `  goal <= 2.5x: ${met}`,
    );
    console.log(row('idle RSS after start', tray.rss, baseline.rss, 'MiB'));
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }

// Supervisor and broker figures: bundled from TypeScript, each run as its own process.
const { build } = await import('esbuild');
for (const name of [
  'supervisor-bench',
  'broker-bench',
  'sandbox-bench',
  'ui-bench',
  'registry-bench',
  'catalog-bench',
  'profiles-bench',
]) {
  if (!wanted(name.replace('-bench', ''))) continue;
  await build({
    entryPoints: [`scripts/bench/${name}.ts`],
    outfile: `dist/bench/${name}.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  spawnSync(process.execPath, [`dist/bench/${name}.mjs`], { stdio: 'inherit' });
}
