// Registry search figures for `npm run bench` (bundled by scripts/bench.mjs): searching a cached
// 5,000-entry registry in the core, as a ratio against the same searches over 18 entries (the
// size of the built-in and curated catalog) measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../electron/core/platform/clock';
import { silentLogger } from '../../electron/core/platform/logger';
import { RegistryCache } from '../../electron/core/registry/registry-cache';
import { RegistryClient } from '../../electron/core/registry/registry-client';
import { TestRegistry } from '../../test/core/registry/test-registry-server';
import { syntheticEntries as entries } from './registry-entries';
import { RegistryService } from '../../electron/core/services/registry-service';
import { SettingsStore } from '../../electron/core/settings/settings-store';

const ROUNDS = Number(process.env.BENCH_SEARCHES ?? 60);
const QUERIES = [
  '',
  'weather',
  'github issues',
  'postgres database',
  'files',
  'server-04242',
  'slack',
  'zzz-nothing',
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(count: number): Promise<{ fetchMs: number; p50: number }> {
  const registry = await new TestRegistry(entries(count)).start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-bench-'));
  try {
    const service = new RegistryService({
      client: new RegistryClient({ fetch: globalThis.fetch, clock: systemClock, logger: silentLogger }),
      cache: new RegistryCache(path.join(dir, 'registry'), silentLogger),
      settings: new SettingsStore(path.join(dir, 'settings.json'), silentLogger, systemClock),
      overrideUrl: registry.url,
      clock: systemClock,
      logger: silentLogger,
      probe: () => Promise.resolve({ found: true, hint: null }),
    });
    let start = performance.now();
    const first = await service.search({ query: '' });
    const fetchMs = performance.now() - start;
    if (first.total !== count) throw new Error(`expected ${count} entries, got ${first.total}`);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        start = performance.now();
        await service.search({ query, limit: 50 });
        times.push(performance.now() - start);
      }
    }
    return { fetchMs, p50: median(times) };
  } finally {
    await registry.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const baseline = await measure(18);
const large = await measure(5000);
const row = (name: string, value: number, base: number) =>
  `${name.padEnd(44)} ${value.toFixed(2).padStart(8)} ms   baseline ${base.toFixed(2).padStart(7)} ms   ratio ${(value / base).toFixed(2)}x`;
console.log(
  `registry search in the core (p50 of ${ROUNDS * QUERIES.length} searches, page of 50; baseline: the same searches over 18 entries)`,
);
console.log(row('search, 5,000 cached entries (target < 30)', large.p50, baseline.p50));
console.log(row('first fetch of the whole list (100 per page)', large.fetchMs, baseline.fetchMs));
