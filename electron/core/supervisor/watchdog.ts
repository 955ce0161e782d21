import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

/**
 * A tiny guardian process that outlives a killed core just long enough to stop its servers.
 * The core registers each server's process group over a pipe; when the pipe closes for any
 * reason (quit, crash, SIGKILL), the guardian SIGTERMs then SIGKILLs every group still
 * registered and exits. On Windows the same job is done by a Job Object with
 * KILL_ON_JOB_CLOSE (not wired yet: see docs/architecture.md).
 */
const GUARDIAN_SOURCE = `
const groups = new Set();
let pending = '';
const kill = (signal) => { for (const g of groups) { try { process.kill(-g, signal); } catch {} } };
const finish = () => {
  if (groups.size === 0) process.exit(0);
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

export class Watchdog {
  private child: ChildProcess | null = null;

  constructor(private readonly runtime: NodeRuntime) {}

  start(): void {
    if (process.platform === 'win32' || this.child) return;
    this.child = spawn(this.runtime.execPath, ['-e', GUARDIAN_SOURCE], {
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

  /** Normal shutdown: every server is already stopped, so the guardian just exits. */
  stop(): void {
    this.child?.stdin?.end();
    this.child = null;
  }
}
