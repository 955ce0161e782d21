import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ProcessRow } from './process-table';
import { environHasMarker, parseProcStat, parsePsTable } from './process-table';

/** Linux: every `/proc/<pid>/stat`, and `/proc/<pid>/environ` when a marker is given. */
export function readProcTable(marker: string | null, procRoot = '/proc'): ProcessRow[] | null {
  let names: string[];
  try {
    names = fs.readdirSync(procRoot);
  } catch {
    return null;
  }
  const rows: ProcessRow[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    // Processes exit while we read: one whose files vanished is not in the table.
    const stat = readText(path.join(procRoot, name, 'stat'), 'utf8');
    const row = stat === null ? null : parseProcStat(stat);
    if (!row) continue;
    const environ = marker === null ? null : readText(path.join(procRoot, name, 'environ'), 'latin1');
    rows.push({ ...row, marked: marker !== null && environ !== null && environHasMarker(environ, marker) });
  }
  return rows;
}

/**
 * Linux, while servers run: only the processes under `roots`, found through each thread's
 * `task/<tid>/children` (a poll then costs the same on a desktop with 600 processes as on an
 * idle one; reading every stat file each second cost ~20 ms of CPU there). Null when this
 * kernel has no children files: then the caller reads the whole table.
 */
export function readProcTree(roots: Iterable<number>, procRoot = '/proc'): ProcessRow[] | null {
  const self = path.join(procRoot, String(process.pid), 'task', String(process.pid), 'children');
  if (!fs.existsSync(self)) return null;
  const rows: ProcessRow[] = [];
  const seen = new Set<number>();
  const queue = [...roots];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    if (seen.has(pid)) continue;
    seen.add(pid);
    const stat = readText(path.join(procRoot, String(pid), 'stat'), 'utf8');
    const row = stat === null ? null : parseProcStat(stat);
    if (!row) continue;
    rows.push({ ...row, marked: false });
    const tasks = path.join(procRoot, String(pid), 'task');
    let threads: string[] = [];
    try {
      threads = fs.readdirSync(tasks);
    } catch {
      // It exited while we read.
    }
    for (const tid of threads) {
      const listed = readText(path.join(tasks, tid, 'children'), 'utf8') ?? '';
      for (const child of listed.split(' ')) if (/^\d+$/.test(child)) queue.push(Number(child));
    }
  }
  return rows;
}

/** Which `ps`: BSD's (macOS) shows the environment with `-E`, procps's (Linux) with `e`. */
export type PsFlavor = 'bsd' | 'procps';

/** `ps` arguments for the whole table; with the environment in the command column if asked. */
export function psArgs(flavor: PsFlavor, withEnv: boolean): string[] {
  const columns = `pid=,ppid=,pgid=,lstart=${withEnv ? ',command=' : ''}`;
  if (!withEnv) return ['-A', '-o', columns];
  // `ww`: never cut a line, or a marker at its end would be lost.
  return flavor === 'bsd' ? ['-A', '-ww', '-E', '-o', columns] : ['-A', 'e', 'ww', '-o', columns];
}

/**
 * The table from `ps`. The C locale fixes the `lstart` format; PATH is set because the guardian
 * runs with an almost empty environment. Null when `ps` failed: a table we cannot read must
 * not make the guardian forget what it recorded.
 */
export function readPsTable(flavor: PsFlavor, marker: string | null): ProcessRow[] | null {
  try {
    const out = execFileSync('ps', psArgs(flavor, marker !== null), {
      encoding: 'utf8',
      env: { LC_ALL: 'C', PATH: '/bin:/usr/bin' },
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
      timeout: 10_000,
    });
    return parsePsTable(out, marker);
  } catch {
    return null;
  }
}

function readText(file: string, encoding: BufferEncoding): string | null {
  try {
    return fs.readFileSync(file, encoding);
  } catch {
    return null;
  }
}
