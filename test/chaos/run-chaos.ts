// `npm run chaos`: every attack against a real core, bounded in runs and time, loopback only.
// Prints case | runs | survived | lost | notes; exits 1 if anything was lost or a case failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { badStarts, coreKill, killMidCall } from './cases/processes';
import { concurrency, flood, fuzz, wsAbuse } from './cases/traffic';
import { configKill, corruptSettings, maliciousBundles, secretScan } from './cases/files';
import type { CaseResult, ChaosCase } from './harness';
import { ChaosContext } from './harness';

const CASES: ChaosCase[] = [
  coreKill,
  configKill,
  killMidCall,
  flood,
  badStarts,
  concurrency,
  fuzz,
  wsAbuse,
  maliciousBundles,
  corruptSettings,
  // Last: it scans what every case before it left behind.
  secretScan,
];
const TOTAL_BUDGET_MS = 10 * 60_000;

async function runCase(c: ChaosCase, root: string): Promise<CaseResult> {
  const ctx = new ChaosContext(root);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      c.run(ctx),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`over its budget of ${c.budgetMs / 1000} s`)), c.budgetMs);
      }),
    ]);
  } catch (error) {
    return { runs: 0, survived: 0, lost: 1, notes: `case failed: ${(error as Error).message.slice(0, 160)}` };
  } finally {
    clearTimeout(timer);
    ctx.cleanup();
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-chaos-'));
  const started = Date.now();
  const rows: [string, CaseResult, number][] = [];
  for (const c of CASES.filter((k) => !only || k.name.includes(only))) {
    if (Date.now() - started > TOTAL_BUDGET_MS) {
      rows.push([
        c.name,
        { runs: 0, survived: 0, lost: 1, notes: 'not run: the 10-minute budget is spent' },
        0,
      ]);
      continue;
    }
    const t = Date.now();
    process.stdout.write(`chaos: ${c.name}…\n`);
    rows.push([c.name, await runCase(c, root), Date.now() - t]);
  }
  const table = [
    ['case', 'runs', 'survived', 'lost', 'time', 'notes'],
    ...rows.map(([name, r, ms]) => [
      name,
      String(r.runs),
      String(r.survived),
      String(r.lost),
      `${Math.round(ms / 1000)} s`,
      r.notes,
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => (i === 5 ? 0 : row[i]!.length))));
  for (const row of table) {
    process.stdout.write(row.map((cell, i) => (i === 5 ? cell : cell.padEnd(widths[i]!))).join(' | ') + '\n');
  }
  const failed = rows.filter(([, r]) => r.lost > 0 || r.survived < r.runs || r.runs === 0);
  process.stdout.write(
    `chaos: ${rows.length - failed.length}/${rows.length} cases held in ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  fs.rmSync(root, { recursive: true, force: true });
  process.exit(failed.length ? 1 : 0);
}

void main();
