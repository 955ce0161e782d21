import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Tracker } from './guardian/protocol';
import { RUN_MARKER, formatCommand, guardianArgs } from './guardian/protocol';
import type { JobObject, JobObjectFactory } from './job-object';
import { windowsJobObjects } from './job-object';

export interface NodeRuntime {
  /** A binary that runs JavaScript as Node: `node`, or Electron with ELECTRON_RUN_AS_NODE. */
  execPath: string;
  env: NodeJS.ProcessEnv;
  /**
   * The built orphan guardian (`dist/guardian/guardian.cjs`), as a real file: in the packaged
   * app it is unpacked next to `app.asar`, since a script inside the archive cannot be run.
   */
  guardianScript: string;
}

/** How the guardian reads the process table; tests force `ps` on Linux to prove the macOS path. */
export interface WatchdogOptions {
  tracker?: Tracker;
  pollMs?: number;
  platform?: NodeJS.Platform;
  /** Windows: where the kill-on-close job comes from (default: kernel32 through koffi). */
  jobObjects?: JobObjectFactory;
}

/**
 * Starts and feeds the orphan guardian (`guardian/guardian-main.ts`), a tiny process that
 * outlives a killed core just long enough to stop its servers. The core registers each server's
 * process group over a pipe; the guardian records every descendant it sees (pid and start time)
 * and finds the ones that left the group (`setsid`, a double fork) by that record and by the run
 * marker every server gets in its environment, which its children inherit (Linux:
 * /proc/<pid>/environ; macOS: `ps -E`; the way Jenkins' ProcessTreeKiller finds a build's
 * daemons). When the pipe closes for any reason (quit, crash, SIGKILL) it stops them all.
 *
 * On Windows there is no guardian: the core holds a Job Object with kill-on-close
 * (`job-object.ts`) and assigns each server to it, and the kernel ends the job's processes when
 * the core's handle closes, however the core ended.
 */
export class Watchdog {
  private child: ChildProcess | null = null;
  private job: JobObject | null = null;
  private stopped = false;
  private readonly runId = randomBytes(12).toString('hex');

  constructor(
    private readonly runtime: NodeRuntime,
    private readonly options: WatchdogOptions = {},
  ) {}

  /** Goes into every server's environment; their descendants inherit it. Not a secret. */
  get marker(): Record<string, string> {
    return { [RUN_MARKER]: this.runId };
  }

  /**
   * Starts the guardian (or the Windows job). {@link watch} does it with the first server: with
   * none running there is nothing to guard, and a start without servers need not spawn it.
   */
  start(): void {
    if (this.stopped) return;
    const platform = this.options.platform ?? process.platform;
    if (platform === 'win32') {
      this.job ??= (this.options.jobObjects ?? windowsJobObjects(platform))();
      return;
    }
    if (this.child) return;
    const args = guardianArgs({
      runId: this.runId,
      ...(this.options.tracker ? { tracker: this.options.tracker } : {}),
      ...(this.options.pollMs !== undefined ? { pollMs: this.options.pollMs } : {}),
    });
    this.child = spawn(this.runtime.execPath, [this.runtime.guardianScript, ...args], {
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
    this.start();
    this.job?.assign(pgid);
    this.child?.stdin?.write(formatCommand({ op: '+', pid: pgid }));
  }

  /**
   * Adds a process of the core's own that must not outlive it (the sandbox's proxy bridge): it
   * runs in the core's process group, so it is stopped by pid, with what it forks.
   */
  adopt(pid: number): void {
    this.start();
    this.job?.assign(pid);
    this.child?.stdin?.write(formatCommand({ op: '=', pid }));
  }

  unwatch(pgid: number): void {
    this.child?.stdin?.write(formatCommand({ op: '-', pid: pgid }));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Normal shutdown: every server is already stopped; the guardian sweeps what they left (a
   * daemonised child) and exits.
   */
  stop(): void {
    this.stopped = true;
    this.job?.close();
    this.job = null;
    this.child?.stdin?.end();
    this.child = null;
  }
}
