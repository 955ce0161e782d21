import path from 'node:path';
import type { ClientAdapter, ServerEntry } from './client-adapter';
import type { ConnectorRuntime } from './connector-entry';
import { connectorEntry, ourInstanceId } from './connector-entry';

/** What to look at: one client's entries and what this core would write now. */
export interface EntryRepairInput {
  adapter: ClientAdapter;
  /** The client's entries as written. */
  entries: Readonly<Record<string, unknown>>;
  /** Instances this core has: entries for others are left alone. */
  instanceIds: ReadonlySet<string>;
  runtime: ConnectorRuntime;
  dataDir: string | null;
  /** Whether a path exists (injected: tests and other platforms). */
  exists(file: string): boolean;
}

/** The entries to rewrite (name → entry), and the instances whose entries are broken now. */
export interface EntryRepairs {
  set: Record<string, unknown>;
  broken: string[];
}

const dataDirOf = (args: readonly string[]): string | null => {
  const at = args.indexOf('--data-dir');
  return at === -1 ? null : (args[at + 1] ?? null);
};

const sameLaunch = (a: ServerEntry, b: ServerEntry): boolean =>
  a.command === b.command &&
  JSON.stringify(a.args) === JSON.stringify(b.args) &&
  JSON.stringify(Object.entries(a.env).sort()) === JSON.stringify(Object.entries(b.env).sort());

/**
 * Whether an entry's program is gone: its command, or a script path before `connect`, names a
 * file that no longer exists (MCP Tray moved or was deleted). Such a client fails to connect.
 */
export function isBrokenEntry(entry: ServerEntry, exists: (file: string) => boolean): boolean {
  const connectAt = entry.args.indexOf('connect');
  const paths = [entry.command, ...entry.args.slice(0, connectAt === -1 ? entry.args.length : connectAt)];
  return paths.some((file) => (path.isAbsolute(file) || path.win32.isAbsolute(file)) && !exists(file));
}

/**
 * Our stdio entries for this core's instances (same data folder) that do not run what this core
 * would write now: an older location, or a program that is gone. Rewriting them is drift repair:
 * the entry stays, under its name, pointing at the stable launcher.
 */
export function entryRepairs(input: EntryRepairInput): EntryRepairs {
  const { adapter } = input;
  const set: Record<string, unknown> = {};
  const broken: string[] = [];
  for (const [name, raw] of Object.entries(input.entries)) {
    const launch = adapter.readEntry(raw);
    const id = launch && ourInstanceId(launch);
    if (!launch || !id || !input.instanceIds.has(id)) continue;
    if (dataDirOf(launch.args) !== input.dataDir) continue;
    const expected = adapter.toEntry(connectorEntry(input.runtime, id, input.dataDir));
    const wanted = adapter.readEntry(expected);
    if (wanted && sameLaunch(launch, wanted)) continue;
    set[name] = expected;
    if (isBrokenEntry(launch, input.exists)) broken.push(id);
  }
  return { set, broken };
}
