import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { DoubleState } from './electron-double';
import type { HarnessCommand, HarnessMessage } from './harness-protocol';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The main bundle `package.json` points Electron at. */
export function mainBundle(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
  const file = path.join(ROOT, pkg.main);
  if (!fs.existsSync(file)) throw new Error(`${pkg.main} is missing: run \`npm run build\` first`);
  return file;
}

/** Bundles the harness (TypeScript) into one CommonJS file Node can run. */
export async function buildHarness(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'harness.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'test/electron-double/harness.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** One run of the main bundle under the double. */
export class BootedApp {
  readonly messages: HarnessMessage[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; state: DoubleState | null }>;
  private readonly waiters = new Set<() => void>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: HarnessMessage) => {
      this.messages.push(message);
      for (const wake of this.waiters) wake();
    });
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    child.stdout?.resume();
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        const last = this.messages.find((m) => m.type === 'exit');
        resolve({ code, state: last?.type === 'exit' ? last.state : null });
        for (const wake of this.waiters) wake();
      });
    });
  }

  /** Resolves with the first message that matches, or rejects after `ms` (with what was seen). */
  next<T extends HarnessMessage['type']>(
    type: T,
    ms: number,
    from = 0,
  ): Promise<Extract<HarnessMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(from).find((m) => m.type === type);
        const crash = this.messages.find((m) => m.type === 'crash');
        if (found) return done(() => resolve(found as Extract<HarnessMessage, { type: T }>));
        if (crash?.type === 'crash') return done(() => reject(new Error(`the app crashed: ${crash.error}`)));
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          return done(() =>
            reject(
              new Error(
                `the app exited (${this.child.exitCode ?? this.child.signalCode}) before '${type}'${this.tail()}`,
              ),
            ),
          );
        }
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`no '${type}' within ${ms} ms${this.tail()}`))),
        ms,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The double's state as the app left it so far. */
  async state(): Promise<DoubleState> {
    const from = this.messages.length;
    this.send({ cmd: 'state' });
    return (await this.next('state', 5000, from)).state;
  }

  send(command: HarnessCommand): void {
    this.child.send(command);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private tail(): string {
    const text = this.stderr.join('').trim();
    return text ? `\nstderr: ${text.slice(-2000)}` : '';
  }
}

/** Where a run keeps its HOME and data folder. */
export interface BootDirs {
  home: string;
  dataDir: string;
}

/** Makes a temp HOME with a data folder inside. */
export function bootDirs(): BootDirs {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-boot-'));
  const dataDir = path.join(home, 'data');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return { home, dataDir };
}

/** Starts the main bundle under the double with `args` (plus `--data-dir`). */
export function bootApp(
  harness: string,
  dirs: BootDirs,
  args: string[] = [],
  env: Record<string, string> = {},
): BootedApp {
  const child = fork(harness, [mainBundle(), '--data-dir', dirs.dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      HOME: dirs.home,
      XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
      // A desktop that shows tray icons, without asking gsettings.
      XDG_CURRENT_DESKTOP: 'KDE',
      MCP_TRAY_HOME: '',
      ...env,
    },
  });
  return new BootedApp(child);
}

/** Every live descendant of `pid` (Linux: from /proc). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone while we looked.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of parents.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Whether `pid` is still a running process (a zombie counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
