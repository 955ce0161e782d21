import type { Command } from './protocol';
import type { ProcessRow } from './process-table';
import type { DescendantRecord } from './tracker';
import { newlyRecorded, updateRecord } from './tracker';

/** What the guardian does to the world; `guardian-main.ts` passes the real ones. */
export interface GuardianDeps {
  /**
   * The process table, with the run marker read when `withMarker` (it costs every process's
   * environment, so only at the end); null when it could not be read. Without the marker, the
   * reader may return only the processes under `roots` (all the record can use).
   */
  readTable(withMarker: boolean, roots: number[]): ProcessRow[] | null;
  /** Signals a process (`pid` > 0) or a process group (`-pgid`); a gone target is ignored. */
  kill(target: number, signal: 'SIGTERM' | 'SIGKILL'): void;
  /** Runs `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
  after(ms: number, fn: () => void): void;
  exit(): void;
  /** One line about what the guardian saw (stdout; the core ignores it, tests read it). */
  report(line: string): void;
  selfPid: number;
  pollMs: number;
  /** Between SIGTERM and SIGKILL. */
  graceMs: number;
}

/**
 * Outlives a killed core just long enough to stop what its servers started. While the core
 * lives, it keeps a record of every descendant of a watched server or helper (pid and start time), read
 * every `pollMs`, so a daemon stays known after its parent exits. When stdin ends (quit, crash,
 * SIGKILL of the core) it SIGTERMs, then SIGKILLs, the watched process groups, the recorded
 * processes still alive with the same start time, and every process carrying the run marker.
 */
export class Guardian {
  private readonly groups = new Set<number>();
  /** Processes of the core's own (`=`) not yet seen in a table; then the record keeps them. */
  private readonly helpers = new Set<number>();
  private record: DescendantRecord = new Map();
  private stopPolling: (() => void) | null = null;
  private finishing = false;

  constructor(private readonly deps: GuardianDeps) {}

  handle(command: Command): void {
    if (this.finishing) return;
    if (command.op === '-') {
      // Its recorded descendants stay: a daemon it left behind is still stopped at the end.
      this.groups.delete(command.pid);
      return;
    }
    // A helper shares the core's process group: it is stopped by pid, never by group.
    (command.op === '=' ? this.helpers : this.groups).add(command.pid);
    this.poll();
    this.stopPolling ??= this.deps.every(this.deps.pollMs, () => this.poll());
  }

  /** stdin ended: stop everything of this run, then exit. */
  finish(): void {
    if (this.finishing) return;
    this.finishing = true;
    this.stopPolling?.();
    const targets = this.targets();
    if (targets.length === 0) return this.deps.exit();
    this.signal(targets, 'SIGTERM');
    this.deps.after(this.deps.graceMs, () => {
      // Read again: a process may have started a child while it handled SIGTERM.
      this.signal(this.targets(), 'SIGKILL');
      this.deps.exit();
    });
  }

  private poll(): void {
    const table = this.deps.readTable(false, [...this.groups, ...this.helpers, ...this.record.keys()]);
    if (table) this.update(table);
    // Nothing left to follow (every service stopped): no reads until the next server starts.
    if (this.groups.size === 0 && this.record.size === 0) {
      this.stopPolling?.();
      this.stopPolling = null;
    }
  }

  private update(table: ProcessRow[]): void {
    const roots = [...this.groups, ...this.helpers];
    const next = updateRecord(this.record, table, roots, this.deps.selfPid);
    // Seen once (recorded) or already gone: a helper's pid must not root a later process.
    this.helpers.clear();
    for (const pid of newlyRecorded(this.record, next)) this.deps.report(`tracked ${pid}`);
    this.record = next;
  }

  /** Groups as `-pgid`, then recorded pids. Without a table, only the groups are safe to signal. */
  private targets(): number[] {
    const table = this.deps.readTable(true, []);
    if (table) this.update(table);
    if (!table) return [...this.groups].map((pgid) => -pgid);
    const live = new Set(table.map((row) => row.pgid));
    const groups = [...this.groups].filter((pgid) => live.has(pgid)).map((pgid) => -pgid);
    return [...groups, ...[...this.record.keys()].sort((a, b) => a - b)];
  }

  private signal(targets: number[], signal: 'SIGTERM' | 'SIGKILL'): void {
    for (const target of targets) this.deps.kill(target, signal);
  }
}
