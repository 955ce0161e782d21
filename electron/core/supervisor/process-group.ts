import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';

/** What to start: already resolved to an executable and the full environment. */
interface SpawnRequest {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string | null;
  windowsVerbatimArguments?: boolean;
}

/** Starts processes; injected so tests and other hosts can observe or replace it. */
export interface Spawner {
  spawn(request: SpawnRequest): ChildProcessWithoutNullStreams;
}

/** `shell:false`, pipes, and (on POSIX) a process group of its own so we can stop the whole tree. */
export const nodeSpawner: Spawner = {
  spawn: (request) =>
    spawn(request.file, request.args, {
      env: request.env,
      cwd: request.cwd ?? undefined,
      stdio: 'pipe',
      shell: false,
      detached: process.platform !== 'win32',
      windowsHide: true,
      windowsVerbatimArguments: request.windowsVerbatimArguments,
    }),
};

/** Liveness from the child object itself, not from events we may have missed. */
export const hasExited = (child: ChildProcessWithoutNullStreams): boolean =>
  child.exitCode !== null || child.signalCode !== null;

/** Signals the process group led by `pid`; on Windows the tree (taskkill /T). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', ...(signal === 'SIGKILL' ? ['/F'] : [])], {
      windowsHide: true,
    });
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Whether any process of the group led by `pid` is still alive. */
function groupAlive(pid: number): boolean {
  if (process.platform === 'win32') return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StopTiming {
  /** After closing stdin, how long a well-behaved server gets to exit. */
  stdinGraceMs: number;
  /** After SIGTERM, how long before SIGKILL. */
  termGraceMs: number;
}

export const DEFAULT_STOP_TIMING: StopTiming = { stdinGraceMs: 2000, termGraceMs: 5000 };

const POLL_MS = 25;

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}

/**
 * Stops a server and everything it started: close stdin, then SIGTERM the group, then SIGKILL
 * it. Resolves with the step that ended it once no process of the group is left.
 */
export async function stopProcessGroup(
  child: ChildProcessWithoutNullStreams,
  timing: StopTiming = DEFAULT_STOP_TIMING,
): Promise<'stdin' | 'sigterm' | 'sigkill'> {
  const pid = child.pid;
  const gone = () => hasExited(child) && (pid === undefined || !groupAlive(pid));
  if (!child.stdin.destroyed) child.stdin.end();
  if (await waitUntil(gone, timing.stdinGraceMs)) return 'stdin';
  if (pid !== undefined) signalGroup(pid, 'SIGTERM');
  if (await waitUntil(gone, timing.termGraceMs)) return 'sigterm';
  if (pid !== undefined) signalGroup(pid, 'SIGKILL');
  else child.kill('SIGKILL');
  await waitUntil(gone, 5000);
  return 'sigkill';
}
