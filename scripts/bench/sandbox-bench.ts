// Sandbox figures for `npm run bench` (bundled by scripts/bench.mjs): the same server started and
// called by the same core unsandboxed, then sandboxed (standard: files; strict: files and the
// network through the filtering proxy). Ratios against the unsandboxed run of this same process.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { PermissionLevel } from '../../electron/shared/permissions-contract';
import type { Core } from '../../electron/core/core';
import { createCore } from '../../electron/core/core';
import { testDeps } from '../../test/core/support/test-core';

const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 300);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (name: string, value: number, base: number) =>
  `${name.padEnd(46)} ${value.toFixed(2).padStart(9)} ms   unsandboxed ${base.toFixed(2)} ms  ratio ${(value / base).toFixed(2)}x`;

/** Adds the server at `level`, times add-to-running, then the p50 of `CALLS` echo calls. */
async function run(
  core: Core,
  id: string,
  level: PermissionLevel,
): Promise<{ readyMs: number; p50: number }> {
  const start = performance.now();
  await core.services.instances.addCustom({
    id,
    command: process.execPath,
    args: [EVERYTHING, 'stdio'],
    sandbox: level,
  });
  while (core.services.instances.get(id).state !== 'running') {
    if (core.services.instances.get(id).state === 'failed')
      throw new Error(core.services.instances.get(id).stateReason ?? 'failed');
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = performance.now() - start;
  const call = async () => {
    const t = performance.now();
    const reply = await core.dispatcher.dispatch('callTool', {
      id,
      tool: 'echo',
      arguments: { message: 'x' },
    });
    if (!reply.ok) throw new Error(reply.error.message);
    return performance.now() - t;
  };
  for (let i = 0; i < 30; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) times.push(await call());
  await core.services.instances.remove(id);
  return { readyMs, p50: median(times) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-bench-sandbox-'));
const core = createCore(testDeps(dir));
try {
  await core.start();
  // The first sandboxed start loads the library (and its proxies for strict): shown on its own.
  const cold = await run(core, 'cold', 'strict');
  const results: Record<PermissionLevel, { readyMs: number[]; p50: number[] }> = {
    none: { readyMs: [], p50: [] },
    standard: { readyMs: [], p50: [] },
    strict: { readyMs: [], p50: [] },
  };
  for (let i = 0; i < RUNS; i++) {
    for (const level of ['none', 'standard', 'strict'] as const) {
      const r = await run(core, `${level}-${i}`, level);
      results[level].readyMs.push(r.readyMs);
      results[level].p50.push(r.p50);
    }
  }
  const base = { ready: median(results.none.readyMs), p50: median(results.none.p50) };
  console.log(
    `\nsandbox (server-everything; median of ${RUNS} starts, p50 of ${CALLS} calls each; goals 1.3x and 1.1x)`,
  );
  for (const level of ['standard', 'strict'] as const) {
    console.log(row(`start to ready, ${level}`, median(results[level].readyMs), base.ready));
    console.log(row(`tool call p50, ${level}`, median(results[level].p50), base.p50));
  }
  console.log(row('first sandboxed start (library cold)', cold.readyMs, base.ready));
} finally {
  await core.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
