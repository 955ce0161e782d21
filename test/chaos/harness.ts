// Shared pieces of the chaos suite: a real `mcp-tray serve` on a temp HOME, real clients.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ControlConnection } from '../../electron/cli/control-client';
import { connectControl } from '../../electron/cli/control-client';
import type { SeedInstance as Seeded } from '../core/support/serve-process';
import { seedSettings, spawnServe, until as untilWithin } from '../core/support/serve-process';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli/mcp-tray.mjs');
const FIXTURE = path.join(ROOT, 'electron/core/supervisor/fixtures/fixture-server.mjs');
export const FIXTURES = path.dirname(FIXTURE);

/** One row of the table: how often the attack ran, how often the product held. */
export interface CaseResult {
  runs: number;
  survived: number;
  lost: number;
  notes: string;
}

/** A case: bounded in runs and time, stops by itself, loopback only. */
export interface ChaosCase {
  name: string;
  /** Longest it may take; the runner stops waiting then and counts it failed. */
  budgetMs: number;
  run(ctx: ChaosContext): Promise<CaseResult>;
}

/** What every case gets: a scratch folder and cleanup for what it starts. */
export class ChaosContext {
  private readonly cleanups: (() => void)[] = [];

  /** `root` is shared by every case of a run, so the final secret scan sees all they wrote. */
  constructor(readonly root: string) {}
  /** Secret values planted on purpose; the final scan looks for them everywhere. */
  static readonly planted = new Set<string>();

  onCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  cleanup(): void {
    for (const fn of this.cleanups.splice(0).reverse()) {
      try {
        fn();
      } catch {
        // Best effort: the next case starts fresh anyway.
      }
    }
  }

  /** A fresh HOME with a data folder. */
  home(): { home: string; dataDir: string } {
    const home = fs.mkdtempSync(path.join(this.root, 'home-'));
    const dataDir = path.join(home, 'data');
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return { home, dataDir };
  }
}

/** An instance for `seed`: the fixture server unless it names its own arguments. */
export type SeedInstance = Omit<Seeded, 'args'> & { args?: string[] };

/** settings.json with custom instances running Node scripts (the fixture by default). */
export function seed(dataDir: string, instances: SeedInstance[]): void {
  seedSettings(
    dataDir,
    instances.map((i) => ({ ...i, args: i.args ?? [FIXTURE] })),
  );
}

export interface Served {
  child: ChildProcessWithoutNullStreams;
  home: string;
  dataDir: string;
  url: string;
  port: number;
  env: NodeJS.ProcessEnv;
  control(): Promise<ControlConnection>;
}

/** `mcp-tray serve` as a real process; killed at the case's cleanup. */
export async function serve(ctx: ChaosContext, home: string, dataDir: string): Promise<Served> {
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
  const { child, url, port } = await spawnServe(CLI, dataDir, env, (spawned) => {
    ctx.onCleanup(() => {
      if (spawned.exitCode === null && spawned.signalCode === null) spawned.kill('SIGKILL');
    });
    spawned.stderr.resume();
  });
  return {
    child,
    home,
    dataDir,
    url,
    port,
    env,
    control: async () => {
      const connection = await connectControl(dataDir);
      ctx.onCleanup(() => connection.close());
      return connection;
    },
  };
}

/** Polls until `probe` gives a truthy value, or throws after `ms` (chaos cases allow longer). */
export const until = <T>(
  probe: () => T | undefined | false | null | Promise<T | undefined | false | null>,
  what: string,
  ms = 20_000,
): Promise<T> => untilWithin(probe, what, ms);

export async function runningPids(served: Served, count: number): Promise<Map<string, number>> {
  const { api } = await served.control();
  return until(async () => {
    const list = await api.listInstances();
    const running = list.filter((i) => i.state === 'running' && i.pid);
    return running.length >= count ? new Map(running.map((i) => [i.id, i.pid!])) : null;
  }, `${count} running`);
}

/** A client through the connector, as an AI client would run it. */
export async function connectClient(served: Served, id: string, name = 'chaos'): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'connect', id, '--data-dir', served.dataDir],
    env: served.env as Record<string, string>,
    stderr: 'ignore',
  });
  const client = new Client({ name, version: '1' });
  await client.connect(transport);
  return client;
}

/** Whether a pid is a live process (zombies count as gone). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The pid a fixture wrote to its stderr log as `<kind> <pid>`, once it is there. */
export function loggedPid(dataDir: string, id: string, kind: string): Promise<number> {
  const file = path.join(dataDir, 'logs', 'instances', `${id}.stderr.log`);
  return until(() => {
    const match = fs.existsSync(file)
      ? new RegExp(`${kind} (\\d+)`).exec(fs.readFileSync(file, 'utf8'))
      : null;
    return match ? Number(match[1]) : 0;
  }, `${id}'s ${kind}`);
}

export const result = (runs: number, survived: number, lost: number, notes: string): CaseResult => ({
  runs,
  survived,
  lost,
  notes,
});
