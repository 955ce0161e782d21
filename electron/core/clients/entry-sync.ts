import type { ClientAdapter, LaunchCommand } from './client-adapter';
import type { ConfigChanges } from './config-changes';
import type { ConnectorRuntime } from './connector-entry';
import { connectorEntry, ourInstanceId, resolveEntryName } from './connector-entry';

/** One client's current entries and the instances it should reach. */
export interface EntrySyncInput {
  adapter: ClientAdapter;
  /** The client's entries as written (`ConfigWriter.read(...).raw`). */
  entries: Readonly<Record<string, unknown>>;
  /** Instances that should be reachable from this client. */
  instanceIds: readonly string[];
  runtime: ConnectorRuntime;
  dataDir: string | null;
}

/**
 * The changes that make a client's entries of ours match `instanceIds`: one entry per wanted
 * instance (its existing name kept, a free name otherwise), and our entries for other instances,
 * or duplicates, removed. Entries that are not ours are never in the result.
 */
export function entrySyncChanges(input: EntrySyncInput): ConfigChanges {
  const launches: Record<string, LaunchCommand | null> = {};
  for (const [name, raw] of Object.entries(input.entries)) launches[name] = input.adapter.readEntry(raw);
  const wanted = new Set(input.instanceIds);
  const set: Record<string, unknown> = {};
  const kept = new Set<string>();
  for (const id of wanted) {
    const name = resolveEntryName(launches, id);
    const launch = connectorEntry(input.runtime, id, input.dataDir);
    set[name] = input.adapter.toEntry(launch);
    kept.add(name);
    // Later instances must see this name as taken.
    launches[name] = launch;
  }
  const remove = Object.entries(launches)
    .filter(([name, launch]) => launch && ourInstanceId(launch) !== null && !kept.has(name))
    .map(([name]) => name);
  return { set, remove };
}
