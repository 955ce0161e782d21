import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { procStatFields } from './guardian/proc-stat';

/** Resource use of one server, summed over its process tree (`npx` and the `node` it starts). */
export interface ProcessStats {
  /** Percent of one core since the previous sample, like `top`: may exceed 100 on several cores. */
  cpuPercent: number;
  rssBytes: number;
  processCount: number;
}

/** Totals of a process tree at one moment. */
export interface ProcessTreeUsage {
  /** User + system time of the live processes (time of exited children is not included). */
  cpuSeconds: number;
  rssBytes: number;
  processCount: number;
}

/** Reads the usage of process trees (a server and what it started). */
export interface ProcessTreeReader {
  /** Each root's tree; null for a root that is gone. */
  trees(rootPids: number[]): Promise<Map<number, ProcessTreeUsage | null>>;
  /** Null when the root process is gone. */
  read(rootPid: number): Promise<ProcessTreeUsage | null>;
}

/** One process as the readers see it. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  cpuSeconds: number;
  rssBytes: number;
}

/** Every root's tree summed from one table of processes. */
const treesOf = (entries: ProcessEntry[], roots: number[]): Map<number, ProcessTreeUsage | null> =>
  new Map(roots.map((root) => [root, sumTree(entries, root)]));

/** Sums `rootPid` and its descendants (found by parent pid); null when the root is not listed. */
function sumTree(entries: ProcessEntry[], rootPid: number): ProcessTreeUsage | null {
  const byPid = new Map(entries.map((entry) => [entry.pid, entry]));
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of entries) {
    const siblings = children.get(ppid);
    if (siblings) siblings.push(pid);
    else children.set(ppid, [pid]);
  }
  const usage = { cpuSeconds: 0, rssBytes: 0, processCount: 0 };
  // The visited set guards against a cycle that pid reuse between two reads could fake.
  const seen = new Set<number>();
  const queue = byPid.has(rootPid) ? [rootPid] : [];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    const entry = byPid.get(pid);
    if (!entry || seen.has(pid)) continue;
    seen.add(pid);
    usage.cpuSeconds += entry.cpuSeconds;
    usage.rssBytes += entry.rssBytes;
    usage.processCount++;
    queue.push(...(children.get(pid) ?? []));
  }
  return usage.processCount === 0 ? null : usage;
}

/** What we need from a `/proc/<pid>/stat` line; CPU time in clock ticks, RSS in pages. */
export interface ProcStat {
  pid: number;
  ppid: number;
  ticks: number;
  rssPages: number;
}

/** pid, ppid, CPU ticks and resident pages (fields 1, 4, 14 + 15 and 24) of a `/proc/<pid>/stat` line. */
export function parseProcStat(line: string): ProcStat | null {
  const stat = procStatFields(line);
  if (!stat) return null;
  const { after } = stat;
  const texts = [stat.pid, after[1], after[11], after[12], after[21]];
  const numbers = texts.map((text) => (text?.trim() ? Number(text) : NaN));
  if (!numbers.every(Number.isFinite)) return null;
  const [pid, ppid, utime, stime, rss] = numbers as [number, number, number, number, number];
  return { pid, ppid, ticks: utime + stime, rssPages: rss };
}

export interface SystemConstants {
  clockTicks: number;
  pageSize: number;
}

const execFileAsync = promisify(execFile);

/** CLK_TCK and the page size from `getconf`, falling back to the usual 100 and 4096. */
async function getconf(): Promise<SystemConstants> {
  const value = (name: string, fallback: number): Promise<number> =>
    execFileAsync('getconf', [name]).then(
      ({ stdout }) => Number(stdout.trim()) || fallback,
      () => fallback,
    );
  const [clockTicks, pageSize] = await Promise.all([value('CLK_TCK', 100), value('PAGESIZE', 4096)]);
  return { clockTicks, pageSize };
}

export interface LinuxProcReaderOptions {
  /** Default `/proc`; tests point it at a fake tree of files. */
  procRoot?: string;
  /** Default: `getconf`, run once per reader. */
  constants?: () => Promise<SystemConstants>;
}

/**
 * Linux: a server's tree is walked from it through each thread's `task/<tid>/children` (a few
 * small reads per process of the tree), so a sample costs the same on a desktop with 600
 * processes as on a quiet machine; reading every `/proc/<pid>/stat` cost ~100 ms of CPU per
 * sample there. Kernels without those files get the whole table, parents found by ppid.
 */
export class LinuxProcReader implements ProcessTreeReader {
  private constants: Promise<SystemConstants> | null = null;
  /** Whether this kernel has `children` files (known after the first live root). */
  private walkable: boolean | null = null;

  constructor(private readonly options: LinuxProcReaderOptions = {}) {}

  async read(rootPid: number): Promise<ProcessTreeUsage | null> {
    return (await this.trees([rootPid])).get(rootPid) ?? null;
  }

  async trees(rootPids: number[]): Promise<Map<number, ProcessTreeUsage | null>> {
    if (rootPids.length === 0) return new Map();
    this.constants ??= (this.options.constants ?? getconf)();
    const constants = await this.constants;
    this.walkable ??= await this.hasChildrenFiles(rootPids);
    if (!this.walkable) return treesOf(await this.table(constants), rootPids);
    const usages = await Promise.all(rootPids.map((pid) => this.walk(pid, constants)));
    return new Map(rootPids.map((pid, i) => [pid, usages[i]!]));
  }

  /** `rootPid` and its descendants, level by level (a visited set: pids are reused). */
  private async walk(
    rootPid: number,
    { clockTicks, pageSize }: SystemConstants,
  ): Promise<ProcessTreeUsage | null> {
    const usage = { cpuSeconds: 0, rssBytes: 0, processCount: 0 };
    const seen = new Set<number>();
    for (let level = [rootPid]; level.length > 0;) {
      const fresh = level.filter((pid) => !seen.has(pid));
      for (const pid of fresh) seen.add(pid);
      const found = await Promise.all(
        fresh.map(async (pid) => {
          const stat = await this.stat(String(pid));
          if (!stat) return [];
          usage.cpuSeconds += stat.ticks / clockTicks;
          usage.rssBytes += stat.rssPages * pageSize;
          usage.processCount++;
          return this.childrenOf(pid);
        }),
      );
      level = found.flat();
    }
    return usage.processCount === 0 ? null : usage;
  }

  /** Children of every thread: a Go or Python server may fork from any of its threads. */
  private async childrenOf(pid: number): Promise<number[]> {
    const tasks = path.join(this.root(), String(pid), 'task');
    const threads = await fs.readdir(tasks).catch(() => [] as string[]);
    const lists = await Promise.all(
      threads.map((tid) => fs.readFile(path.join(tasks, tid, 'children'), 'utf8').catch(() => '')),
    );
    return lists.flatMap((list) => list.split(' ').filter(Boolean).map(Number));
  }

  /** Null while no root is alive to tell (asked again next time). */
  private async hasChildrenFiles(rootPids: number[]): Promise<boolean | null> {
    for (const pid of rootPids) {
      const file = path.join(this.root(), String(pid), 'task', String(pid), 'children');
      if (
        await fs.access(file).then(
          () => true,
          () => false,
        )
      )
        return true;
      // A live root without the file: the kernel has none.
      if (await this.stat(String(pid))) return false;
    }
    return null;
  }

  private async table({ clockTicks, pageSize }: SystemConstants): Promise<ProcessEntry[]> {
    const pids = (await fs.readdir(this.root())).filter((name) => /^\d+$/.test(name));
    // Processes exit while we read: a stat file that vanished is simply not part of the tree.
    const stats = await Promise.all(pids.map((pid) => this.stat(pid)));
    return stats
      .filter((stat) => stat !== null)
      .map(({ pid, ppid, ticks, rssPages }) => ({
        pid,
        ppid,
        cpuSeconds: ticks / clockTicks,
        rssBytes: rssPages * pageSize,
      }));
  }

  private stat(pid: string): Promise<ProcStat | null> {
    return fs.readFile(path.join(this.root(), pid, 'stat'), 'utf8').then(parseProcStat, () => null);
  }

  private root(): string {
    return this.options.procRoot ?? '/proc';
  }
}

/** `ps` CPU time, `[[dd-]hh:]mm:ss[.cc]`, in seconds; null if it is not in that form. */
export function parsePsTime(text: string): number | null {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match) return null;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(days) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** Lines of `ps -A -o pid=,ppid=,rss=,time=` (rss in KiB); lines that do not parse are skipped. */
export function parsePsOutput(text: string): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const line of text.split('\n')) {
    const [pid, ppid, rss, time] = line.trim().split(/\s+/);
    const cpuSeconds = parsePsTime(time ?? '');
    const numbers = [pid, ppid, rss].map(Number);
    if (cpuSeconds === null || !numbers.every(Number.isInteger)) continue;
    entries.push({ pid: numbers[0]!, ppid: numbers[1]!, rssBytes: numbers[2]! * 1024, cpuSeconds });
  }
  return entries;
}

/** Runs a program and resolves its stdout. */
export type ExecFunction = (file: string, args: string[]) => Promise<string>;

const execStdout: ExecFunction = async (file, args) =>
  (await execFileAsync(file, args, { maxBuffer: 16 * 1024 * 1024 })).stdout;

/** macOS and other POSIX systems: one `ps` for the whole table per read. */
export class PsReader implements ProcessTreeReader {
  constructor(private readonly exec: ExecFunction = execStdout) {}

  async read(rootPid: number): Promise<ProcessTreeUsage | null> {
    return sumTree(await this.table(), rootPid);
  }

  async trees(rootPids: number[]): Promise<Map<number, ProcessTreeUsage | null>> {
    return treesOf(rootPids.length > 0 ? await this.table() : [], rootPids);
  }

  private async table(): Promise<ProcessEntry[]> {
    return parsePsOutput(await this.exec('ps', ['-A', '-o', 'pid=,ppid=,rss=,time=']));
  }
}

/**
 * Windows has no cheap way to walk a process tree and read its CPU time without native code:
 * wmic is gone from new installs, and PowerShell/CIM costs a process and ~0.5 s per sample.
 * Until then stats are simply not shown there.
 */
const unsupportedReader: ProcessTreeReader = {
  trees: (rootPids) => Promise.resolve(new Map(rootPids.map((pid) => [pid, null]))),
  read: () => Promise.resolve(null),
};

/** The reader for this platform. */
export function createProcessTreeReader(platform: NodeJS.Platform): ProcessTreeReader {
  if (platform === 'linux') return new LinuxProcReader();
  if (platform === 'win32') return unsupportedReader;
  return new PsReader();
}

export interface ProcessSamplerDeps {
  reader: ProcessTreeReader;
  /** Milliseconds. */
  now: () => number;
}

/** Turns successive readings of a server's tree into a CPU rate. */
export class ProcessSampler {
  private readonly previous = new Map<number, { cpuSeconds: number; at: number }>();

  constructor(private readonly deps: ProcessSamplerDeps) {}

  /** Stats of the tree under `pid`; the first sample of a pid reports 0 % CPU. Null when it is gone. */
  async sample(pid: number): Promise<ProcessStats | null> {
    return this.rate(pid, await this.deps.reader.read(pid));
  }

  /** Stats of several trees at once (one `ps` on macOS). */
  async sampleMany(pids: number[]): Promise<Map<number, ProcessStats | null>> {
    const trees = await this.deps.reader.trees(pids);
    return new Map(pids.map((pid) => [pid, this.rate(pid, trees.get(pid) ?? null)]));
  }

  private rate(pid: number, usage: ProcessTreeUsage | null): ProcessStats | null {
    const at = this.deps.now();
    const previous = this.previous.get(pid);
    if (!usage) {
      this.previous.delete(pid);
      return null;
    }
    this.previous.set(pid, { cpuSeconds: usage.cpuSeconds, at });
    const seconds = previous ? (at - previous.at) / 1000 : 0;
    const delta = previous ? usage.cpuSeconds - previous.cpuSeconds : 0;
    const cpuPercent = seconds > 0 ? Math.max(0, (delta / seconds) * 100) : 0;
    return { cpuPercent, rssBytes: usage.rssBytes, processCount: usage.processCount };
  }

  /** Drops the history of a pid (its server stopped; the pid may be reused). */
  forget(pid: number): void {
    this.previous.delete(pid);
  }
}
