// Combined-entry figures for `npm run bench` (bundled by scripts/bench.mjs): one core with 20
// fixture servers; each figure against its baseline through a service's own entry, same run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const CLI = path.resolve('dist/cli/mcp-tray.mjs');
const FIXTURE = path.resolve('electron/core/supervisor/fixtures/fixture-server.mjs');
const SERVICES = 20;
const LISTS = Number(process.env.BENCH_LISTS ?? 300);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (name: string, value: number, base: number, goal: number) =>
  `${name.padEnd(52)} ${value.toFixed(3).padStart(8)} ms  own entry ${base.toFixed(3)} ms  ratio ${(value / base).toFixed(2)}x  (goal ≤ ${goal.toFixed(2)}x)`;

async function client(dataDir: string, args: string[]): Promise<Client> {
  const c = new Client({ name: 'bench', version: '1' });
  await c.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'connect', ...args, '--data-dir', dataDir],
      stderr: 'ignore',
    }),
  );
  return c;
}

/** Medians of two requests measured in alternation, so load on the machine hits both alike. */
async function paired(
  times: number,
  base: (i: number) => Promise<unknown>,
  measured: (i: number) => Promise<unknown>,
): Promise<[number, number]> {
  for (let i = 0; i < 30; i++) await Promise.all([base(i), measured(i)]);
  const a: number[] = [];
  const b: number[] = [];
  const time = async (run: (i: number) => Promise<unknown>, i: number, into: number[]) => {
    const start = performance.now();
    await run(i);
    into.push(performance.now() - start);
  };
  for (let i = 0; i < times; i++) {
    await time(base, i, a);
    await time(measured, i, b);
  }
  return [median(a), median(b)];
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-bench-profiles-'));
const dataDir = path.join(home, 'data');
fs.mkdirSync(dataDir);
const ids = Array.from({ length: SERVICES }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
fs.writeFileSync(
  path.join(dataDir, 'settings.json'),
  JSON.stringify({
    instances: ids.map((id) => ({
      id,
      name: id,
      integrationId: 'custom',
      enabled: true,
      createdAt: new Date().toISOString(),
      launch: { command: process.execPath, args: [FIXTURE], env: {} },
      permissions: { level: 'none', allowRead: [], allowWrite: [], allowNet: [] },
    })),
  }),
);
const core = spawn(
  process.execPath,
  [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
  {
    stdio: ['ignore', 'pipe', 'ignore'],
  },
);
await new Promise((resolve) => core.stdout.once('data', resolve));
try {
  for (;;) {
    const status = spawnSync(process.execPath, [CLI, '--data-dir', dataDir, 'status', '--json'], {
      encoding: 'utf8',
    });
    const states = JSON.parse(status.stdout || '[]') as { state: string }[];
    if (states.length === SERVICES && states.every((s) => s.state === 'running')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const own = await client(dataDir, ['s01']);
  const combined = await client(dataDir, ['--profile', 'Everything']);
  const listed = (await combined.listTools()).tools.length;
  const [listOwn, listCombined] = await paired(
    LISTS,
    () => own.listTools(),
    () => combined.listTools(),
  );
  const [callOwn, callCombined] = await paired(
    CALLS,
    (i) => own.callTool({ name: 'echo', arguments: { message: `m${i}` } }),
    (i) => combined.callTool({ name: 's01__echo', arguments: { message: `m${i}` } }),
  );
  console.log(
    `\nprofiles: one combined entry (mcp-tray connect --profile) over ${SERVICES} fixture servers, ${listed} tools; ` +
      `medians; baseline: the same request through one service's own entry (mcp-tray connect s01)`,
  );
  console.log(row(`tools/list, combined entry of ${SERVICES} services`, listCombined, listOwn, 2));
  console.log(row('tools/call echo through the combined entry', callCombined, callOwn, 1.1));
  await own.close();
  await combined.close();
} finally {
  core.kill('SIGTERM');
  await new Promise((resolve) => core.once('exit', resolve));
  fs.rmSync(home, { recursive: true, force: true });
}
