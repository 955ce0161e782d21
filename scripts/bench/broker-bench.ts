// Broker figures for `npm run bench` (bundled by scripts/bench.mjs): a real connector and core
// against the same server reached directly, measured in the same run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolCallLog } from '../../electron/core/calllog/tool-call-log';
import { silentLogger } from '../../electron/core/platform/logger';
import { systemClock } from '../../electron/core/platform/clock';

const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
// BENCH_CLI runs another build (a copy of main's dist, say) for a before/after comparison.
const CLI = path.resolve(process.env.BENCH_CLI ?? 'dist/cli/mcp-tray.mjs');
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 10);
const BLOCK_CALLS = Number(process.env.BENCH_BLOCK_CALLS ?? 100);
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15);
// Calls per side before measuring: the core and the connector are long-lived, so their figures are
// taken once V8 has compiled the hot path (every process here is 2–3× slower for its first
// thousands of calls), and the direct side gets the same warm-up.
const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS ?? 3000);

const SIDES = ['direct', 'floor', 'broker'] as const;
type Side = (typeof SIDES)[number];

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
const median = (xs: number[]) => quantile(xs, 0.5);
const row = (name: string, value: number, base: number, unit: string, baseName: string, extra = '') =>
  `${name.padEnd(46)} ${value.toFixed(2).padStart(9)} ${unit.padEnd(6)} ${baseName} ${base.toFixed(2)} ${unit}  ratio ${(value / base).toFixed(2)}x${extra}`;
/** The goal beside a figure, and whether this run met it. */
const goal = (text: string, met: boolean) => `  goal ${text}: ${met ? 'met' : 'MISSED'}`;

const direct = () =>
  new StdioClientTransport({ command: process.execPath, args: [EVERYTHING, 'stdio'], stderr: 'ignore' });
const viaBroker = (dataDir: string) =>
  new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'connect', 'e', '--data-dir', dataDir],
    stderr: 'ignore',
  });

const FLOOR_RELAY = path.resolve('scripts/bench/floor-relay.mjs');
const viaFloor = (socket: string) =>
  new StdioClientTransport({
    command: process.execPath,
    args: [FLOOR_RELAY, 'connect', socket],
    stderr: 'ignore',
  });

async function connected(transport: StdioClientTransport): Promise<{ client: Client; ms: number }> {
  const client = new Client({ name: 'bench', version: '1' });
  const start = performance.now();
  await client.connect(transport);
  return { client, ms: performance.now() - start };
}

/** One block: `BLOCK_CALLS` echo calls one after another; their latencies in ms. */
async function block(client: Client): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < BLOCK_CALLS; i++) {
    const start = performance.now();
    await client.callTool({ name: 'echo', arguments: { message: `call ${i}` } });
    out.push(performance.now() - start);
  }
  return out;
}

/** Calls per second with `inFlight` calls outstanding at all times. */
async function throughput(client: Client, inFlight = 16, total = 400): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        next++;
        await client.callTool({ name: 'echo', arguments: { message: 'x' } });
      }
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

/**
 * Direct, floor and broker blocks take turns (the order rotates every block), so a burst of load
 * from the other programs on the machine hits all sides alike; each figure is the median of the
 * blocks' own figures.
 */
async function interleaved<T>(run: (client: Client) => Promise<T>, sides: Record<Side, Client>) {
  const out: Record<Side, T[]> = { direct: [], floor: [], broker: [] };
  for (let i = 0; i < BLOCKS; i++) {
    for (let k = 0; k < SIDES.length; k++) {
      const side = SIDES[(i + k) % SIDES.length]!;
      out[side].push(await run(sides[side]));
    }
  }
  return out;
}

/** Wall time of one process run to its exit, in ms. */
function timed(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - start));
  });
}

// A core with one warm server-everything instance.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-bench-'));
const dataDir = path.join(home, 'data');
fs.mkdirSync(dataDir);
fs.writeFileSync(
  path.join(dataDir, 'settings.json'),
  JSON.stringify({
    instances: [
      {
        id: 'e',
        name: 'e',
        integrationId: 'custom',
        enabled: true,
        createdAt: new Date().toISOString(),
        launch: { command: process.execPath, args: [EVERYTHING, 'stdio'], env: {} },
      },
    ],
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
// The floor relay, with the same server behind it.
const floorSocket = path.join(home, 'floor.sock');
const floor = spawn(
  process.execPath,
  [FLOOR_RELAY, 'relay', floorSocket, path.join(home, 'floor.log'), process.execPath, EVERYTHING, 'stdio'],
  { stdio: ['ignore', 'pipe', 'ignore'] },
);
let directP50: number;
try {
  await new Promise((resolve, reject) => {
    floor.stdout.once('data', resolve);
    floor.once('exit', (code) => reject(new Error(`the floor relay exited (${code}) before it was ready`)));
  });
  const startDirect: number[] = [];
  const startBroker: number[] = [];
  for (let i = 0; i < 7; i++) {
    const d = await connected(direct());
    startDirect.push(d.ms);
    await d.client.close();
    const b = await connected(viaBroker(dataDir));
    startBroker.push(b.ms);
    await b.client.close();
  }
  const sides: Record<Side, Client> = {
    direct: (await connected(direct())).client,
    floor: (await connected(viaFloor(floorSocket))).client,
    broker: (await connected(viaBroker(dataDir))).client,
  };
  const warm = async (calls: number) => {
    for (let i = 0; i < calls; i++) {
      for (const side of SIDES) await sides[side].callTool({ name: 'echo', arguments: { message: 'warm' } });
    }
  };
  // First as the issue measured it (50 calls in), then warmed up.
  await warm(50);
  const cold = await interleaved(block, sides);
  await warm(WARM_CALLS);
  const lat = await interleaved(block, sides);
  const tp = await interleaved((c) => throughput(c), sides);
  for (const side of SIDES) await sides[side].close();
  const per = <T>(figure: (xs: T[]) => number, of: Record<Side, T[]>) =>
    Object.fromEntries(SIDES.map((side) => [side, figure(of[side])])) as Record<Side, number>;
  const p50 = per((blocks) => median(blocks.map(median)), lat);
  const coldP50 = per((blocks) => median(blocks.map(median)), cold);
  const p99 = per((blocks) => median(blocks.map((xs) => quantile(xs, 0.99))), lat);
  const tput = per(median, tp);
  directP50 = p50.direct;

  console.log(
    `\nbroker (tools/call echo on server-everything; ${BLOCKS} blocks of ${BLOCK_CALLS} calls after ${WARM_CALLS} to warm up, direct, floor and broker taking turns, medians of the blocks; baseline: SDK client straight to the server over stdio; floor: scripts/bench/floor-relay.mjs, a minimal relay on the same hops that parses, remaps ids and logs a line per call)`,
  );
  const added = p99.broker - p99.direct;
  console.log(
    row('latency p50 through connector + broker', p50.broker, p50.direct, 'ms', 'direct') +
      goal('<= 2x', p50.broker <= 2 * p50.direct),
  );
  console.log(row('  the floor relay, p50', p50.floor, p50.direct, 'ms', 'direct'));
  console.log(
    row('  p50 before warm-up (after 50 calls)', coldP50.broker, coldP50.direct, 'ms', 'direct') +
      `  (floor ${(coldP50.floor / coldP50.direct).toFixed(2)}x)`,
  );
  console.log(
    row(
      'latency p99 through connector + broker',
      p99.broker,
      p99.direct,
      'ms',
      'direct',
      `  (added ${added.toFixed(2)} ms)`,
    ) + goal('<= 1 ms added', added <= 1),
  );
  console.log(
    row(
      '  the floor relay, p99',
      p99.floor,
      p99.direct,
      'ms',
      'direct',
      `  (added ${(p99.floor - p99.direct).toFixed(2)} ms)`,
    ),
  );
  console.log(
    row('throughput, 16 calls in flight', tput.broker, tput.direct, 'call/s', 'direct') +
      goal('>= 0.7x', tput.broker >= 0.7 * tput.direct),
  );
  console.log(row('  the floor relay, 16 in flight', tput.floor, tput.direct, 'call/s', 'direct'));
  console.log(
    row(
      'client start to initialize answered',
      median(startBroker),
      median(startDirect),
      'ms',
      'spawning the server',
    ),
  );

  // The CLI against the running core, alternating with a bare Node start.
  const bare: number[] = [];
  const status: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    bare.push(await timed(['-e', '0']));
    status.push(await timed([CLI, 'status', '--json', '--data-dir', dataDir]));
  }
  console.log(`\nCLI (median of ${CLI_RUNS} runs, alternating; baseline: node -e 0)`);
  console.log(
    row('mcp-tray status --json', median(status), median(bare), 'ms', 'node -e 0') +
      goal('<= 1.5x', median(status) <= 1.5 * median(bare)),
  );
} finally {
  floor.kill('SIGTERM');
  core.kill('SIGTERM');
  await new Promise((resolve) => core.once('exit', resolve));
}

// The tool-call log: cost of one append, and a text query over 100k records.
const log = new ToolCallLog({
  dir: path.join(home, 'calls'),
  clock: systemClock,
  logger: silentLogger,
  maxRecords: 200_000,
});
log.open();
const call = (i: number) => ({
  time: Date.now(),
  instanceId: `i${i % 10}`,
  client: { name: i % 2 ? 'Cursor' : 'Claude Desktop', version: '1' },
  source: 'client' as const,
  tool: `tool_${i % 25}`,
  arguments: { query: `search term ${i}`, limit: 20 },
  durationMs: 12,
  outcome: 'ok' as const,
  error: null,
  result: { content: [{ type: 'text' as const, text: `result number ${i}` }] },
});
const appendStart = performance.now();
for (let i = 0; i < 100_000; i++) log.append(call(i));
const appendUs = ((performance.now() - appendStart) / 100_000) * 1000;
const queryTimes = [0, 1, 2].map(() => {
  const start = performance.now();
  log.query({ text: 'number 99999', limit: 200 });
  return performance.now() - start;
});
const naive = Array.from({ length: 100_000 }, (_, i) => call(i));
const naiveTimes = [0, 1, 2].map(() => {
  const start = performance.now();
  naive.filter((r) => JSON.stringify(r).toLowerCase().includes('number 99999'));
  return performance.now() - start;
});
log.close();
console.log('\ntool-call log (100k records)');
console.log(row('append one record (redact + write)', appendUs / 1000, directP50, 'ms', 'direct echo p50'));
console.log(
  row(
    'text query over 100k records',
    Math.min(...queryTimes),
    Math.min(...naiveTimes),
    'ms',
    'naive JSON scan',
  ),
);
fs.rmSync(home, { recursive: true, force: true });
