import fs from 'node:fs';
import path from 'node:path';
import { readProcTable } from '../supervisor/guardian/table-readers';

/**
 * Linux: the sandbox library's proxy bridges, `socat UNIX-LISTEN:<socket>,…` children of
 * `parent` that it starts without handing out their pids. They are found by their socket in
 * the command line (a random path per start, which the library does tell). Empty when none
 * is found or `/proc` cannot be read.
 */
export function bridgeProcesses(
  sockets: readonly string[],
  parent: number = process.pid,
  procRoot = '/proc',
): number[] {
  const listens = new Set(sockets.map((socket) => `UNIX-LISTEN:${socket}`));
  return childrenOf(parent, procRoot).filter((pid) => {
    const argv = readText(path.join(procRoot, String(pid), 'cmdline'))?.split('\0') ?? [];
    return argv.some((arg) => listens.has(arg.split(',', 1)[0]!));
  });
}

/** Every thread's `children` file (one small read each); the whole table where there is none. */
function childrenOf(parent: number, procRoot: string): number[] {
  const tasks = path.join(procRoot, String(parent), 'task');
  let threads: string[];
  try {
    threads = fs.readdirSync(tasks);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const thread of threads) {
    const listed = readText(path.join(tasks, thread, 'children'));
    // Kernels built without CONFIG_PROC_CHILDREN have no such file.
    if (listed === null)
      return (readProcTable(null, procRoot) ?? []).filter((row) => row.ppid === parent).map((row) => row.pid);
    pids.push(...listed.split(' ').filter(Boolean).map(Number));
  }
  return pids;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
