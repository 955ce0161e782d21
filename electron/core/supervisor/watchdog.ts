import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * A tiny guardian process that outlives a killed core just long enough to stop its servers.
 * The core registers each server's process group over a pipe; when the pipe closes for any
 * reason (quit, crash, SIGKILL), the guardian SIGTERMs then SIGKILLs every group still
 * registered and exits. A server's descendant that left its group (`setsid`, a double fork)
 * is found by the run marker every server gets in its environment, which its children inherit
 * (Linux: /proc/<pid>/environ; the way Jenkins' ProcessTreeKiller finds a build's daemons).
 * On Windows the same job is done by a Job Object with KILL_ON_JOB_CLOSE (not wired yet: see
 * docs/architecture.md).
 */
const GUARDIAN_SOURCE = `
const fs = require('fs');
const marker = process.argv[1] ? 'MCP_TRAY_RUN=' + process.argv[1] : null;
const groups = new Set();
let pending = '';
const marked = () => {
  if (!marker || process.platform !== 'linux') return [];
  const found = [];
  let names = [];
  try { names = fs.readdirSync('/proc'); } catch { return found; }
  for (const name of names) {
    if (!/^[0-9]+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (fs.readFileSync('/proc/' + name + '/environ', 'latin1').split('\\0').includes(marker)) found.push(Number(name));
    } catch {}
  }
  return found;
};
const kill = (signal) => {
  for (const g of groups) { try { process.kill(-g, signal); } catch {} }
  for (const pid of marked()) { try { process.kill(pid, signal); } catch {} }
};
const finish = () => {
  if (groups.size === 0 && marked().length === 0) process.exit(0);
  kill('SIGTERM');
  setTimeout(() => { kill('SIGKILL'); process.exit(0); }, ${2000});
};
process.on('SIGINT', () => {});
process.on('SIGHUP', () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  let i;
  while ((i = pending.indexOf('\\n')) >= 0) {
    const [op, id] = pending.slice(0, i).split(' ');
    pending = pending.slice(i + 1);
    const pgid = Number(id);
    if (!Number.isInteger(pgid) || pgid <= 1) continue;
    if (op === '+') groups.add(pgid); else if (op === '-') groups.delete(pgid);
  }
});
process.stdin.on('end', finish);
process.stdin.on('error', finish);
`;

export interface NodeRuntime {
  /** A binary that runs JavaScript as Node: `node`, or Electron with ELECTRON_RUN_AS_NODE. */
  execPath: string;
  env: NodeJS.ProcessEnv;
}

/** The variable that marks every process a server of this core run started. */
export const RUN_MARKER = 'MCP_TRAY_RUN';

export class Watchdog {
  private child: ChildProcess | null = null;
  private readonly runId = randomBytes(12).toString('hex');

  constructor(private readonly runtime: NodeRuntime) {}

  /** Goes into every server's environment; their descendants inherit it. Not a secret. */
  get marker(): Record<string, string> {
    return { [RUN_MARKER]: this.runId };
  }

  start(): void {
    if (process.platform === 'win32' || this.child) return;
    this.child = spawn(this.runtime.execPath, ['-e', GUARDIAN_SOURCE, this.runId], {
      stdio: ['pipe', 'ignore', 'ignore'],
      env: this.runtime.env,
      detached: true,
    });
    // The guardian must not keep the core alive, nor be kept alive by it.
    this.child.unref();
    (this.child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    this.child.on('error', () => undefined);
    this.child.stdin?.on('error', () => undefined);
  }

  watch(pgid: number): void {
    this.child?.stdin?.write(`+ ${pgid}\n`);
  }

  unwatch(pgid: number): void {
    this.child?.stdin?.write(`- ${pgid}\n`);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Normal shutdown: every server is already stopped; the guardian sweeps what they left (a
   * daemonised child) and exits.
   */
  stop(): void {
    this.child?.stdin?.end();
    this.child = null;
  }
}
