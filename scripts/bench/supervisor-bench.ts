// Supervisor figures for `npm run bench` (bundled by scripts/bench.mjs). Each is a ratio
// against a baseline measured in the same run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { InstanceState } from '../../electron/shared/contract';
import type { Core } from '../../electron/core/core';
import { createCore } from '../../electron/core/core';
import { testDeps } from '../../test/core/support/test-core';

const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
const FIXTURE = path.resolve('electron/core/supervisor/fixtures/fixture-server.mjs');
const CLI = path.resolve('dist/cli/mcp-tray.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-bench-'));

function waitState(core: Core, id: string, state: InstanceState, after = 0): Promise<number> {
  return new Promise((resolve) => {
    const off = core.bus.on('instanceStateChanged', (e) => {
      if (e.id === id && e.transition.state === state && Date.parse(e.transition.at) >= after) {
        off();
        resolve(performance.now());
      }
    });
  });
}

async function directReady(args: string[]): Promise<number> {
  const start = performance.now();
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args, stderr: 'ignore' }));
  await client.listTools();
  const ms = performance.now() - start;
  await client.close();
  return ms;
}

async function supervisedReady(): Promise<{ ms: number; crashMs: number; backoffMs: number }> {
  const core = createCore(testDeps(tmp(), { tuning: {} }));
  await core.start();
  const start = performance.now();
  const running = waitState(core, 'e', 'running');
  await core.services.instances.addCustom({
    id: 'e',
    command: process.execPath,
    args: [EVERYTHING, 'stdio'],
    // The supervisor's own cost against a bare client; the sandbox's is measured in sandbox-bench.
    sandbox: 'none',
  });
  const ms = (await running) - start;
  // Crash-to-ready: SIGKILL the server and time until it runs again, minus the backoff wait.
  const pid = core.services.instances.get('e').pid!;
  const killedAt = performance.now();
  let backoffMs = 0;
  const off = core.bus.on('instanceStateChanged', ({ transition }) => {
    if (transition.state === 'backoff')
      backoffMs = Date.parse(core.services.instances.get('e').nextRetryAt!) - Date.now();
  });
  const again = waitState(core, 'e', 'running', Date.now());
  process.kill(pid, 'SIGKILL');
  const crashMs = (await again) - killedAt;
  off();
  await core.stop();
  return { ms, crashMs, backoffMs };
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Starts `serve` with `count` fixture instances; returns time to all running, idle CPU and RSS. */
async function serveWith(count: number) {
  const dataDir = path.join(tmp(), 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const instances = Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    name: `s${i}`,
    integrationId: 'custom',
    enabled: true,
    createdAt: new Date().toISOString(),
    launch: { command: process.execPath, args: [FIXTURE], env: {} },
  }));
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ instances }));
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise((resolve) => child.stdout.once('data', resolve));
  for (;;) {
    const out = spawnSync(process.execPath, [CLI, 'status', '--json', '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    const list = JSON.parse(out.stdout || '[]') as { state: string }[];
    if (list.filter((s) => s.state === 'running').length === count) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 1000));
  const cpu0 = cpuSeconds(child.pid!);
  await new Promise((r) => setTimeout(r, 5000));
  const idleCpu = ((cpuSeconds(child.pid!) - cpu0) / 5) * 100;
  const rss = rssMiB(child.pid!);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { readyMs, idleCpu, rss };
}

async function directMany(count: number): Promise<number> {
  const start = performance.now();
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = new Client({ name: 'bench', version: '1' });
      await client.connect(
        new StdioClientTransport({ command: process.execPath, args: [FIXTURE], stderr: 'ignore' }),
      );
      await client.listTools();
      return client;
    }),
  );
  const ms = performance.now() - start;
  await Promise.all(clients.map((c) => c.close()));
  return ms;
}

const row = (name: string, value: number, base: number, unit: string, baseName: string) =>
  `${name.padEnd(46)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(4)} ${baseName} ${base.toFixed(1)} ${unit}  ratio ${(value / base).toFixed(2)}x`;

const direct: number[] = [];
const supervised: number[] = [];
const crash: number[] = [];
for (let i = 0; i < RUNS; i++) {
  direct.push(await directReady([EVERYTHING, 'stdio']));
  const s = await supervisedReady();
  supervised.push(s.ms);
  crash.push(s.crashMs - s.backoffMs);
}
console.log(`\nsupervisor (median of ${RUNS}; server-everything)`);
console.log(
  row('spawn to ready under the supervisor', median(supervised), median(direct), 'ms', 'bare SDK client'),
);
console.log(
  row('crash to ready again, minus backoff', median(crash), median(direct), 'ms', 'bare SDK client'),
);

const N = Number(process.env.BENCH_INSTANCES ?? 50);
const idle = await serveWith(0);
const many = await serveWith(N);
const directN = await directMany(N);
console.log(`\n${N} supervised fixture servers`);
console.log(row(`serve to all ${N} ready`, many.readyMs, directN, 'ms', `${N} bare SDK clients`));
console.log(
  row('core idle CPU (% of one core)', many.idleCpu, Math.max(idle.idleCpu, 0.1), '%', 'core with 0'),
);
console.log(row('core RSS', many.rss, idle.rss, 'MiB', 'core with 0'));
