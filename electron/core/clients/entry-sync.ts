import type { ClientAdapter } from './client-adapter';
import type { ConfigChanges } from './config-changes';
import type { ConnectorRuntime } from './connector-entry';
import { COMBINED_ENTRY, connectorEntry, nameForInstance } from './connector-entry';
import type { HttpEntryTarget } from './http-entry';
import { entryOwner, httpCombinedUrl, httpEntryHeaders, httpEntryUrl } from './http-entry';

/** One client's current entries and the instances it should reach. */
export interface EntrySyncInput {
  adapter: ClientAdapter;
  /** The client's entries as written (`ConfigWriter.read(...).raw`). */
  entries: Readonly<Record<string, unknown>>;
  /** Instances that should be reachable from this client. */
  instanceIds: readonly string[];
  runtime: ConnectorRuntime;
  dataDir: string | null;
  /** The HTTP endpoint's port, to recognise HTTP entries of ours whatever is written now. */
  httpPort?: number;
  /** Write HTTP entries to this endpoint instead of the connector (when the client speaks HTTP). */
  http?: HttpEntryTarget | null;
  /** `--client` for the entries: the core then applies this client's profile. */
  client?: string;
}

/**
 * The changes that make a client's entries of ours match `instanceIds`: one entry per wanted
 * instance (its existing name kept, a free name otherwise), and our entries for other instances,
 * or duplicates, removed. Entries that are not ours are never in the result. Switching between
 * stdio and HTTP replaces each entry of ours under its own name.
 */
export function entrySyncChanges(input: EntrySyncInput): ConfigChanges {
  const { adapter } = input;
  const httpPort = input.http?.port ?? input.httpPort ?? 0;
  const owners: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(input.entries)) owners[name] = entryOwner(adapter, raw, httpPort);
  const viaHttp = adapter.http && input.http ? { shape: adapter.http, target: input.http } : null;
  const set: Record<string, unknown> = {};
  const kept = new Set<string>();
  for (const id of new Set(input.instanceIds)) {
    const name = nameForInstance(owners, id);
    // A combined entry is the client's profile as one server: over HTTP it needs the client.
    const url = !viaHttp
      ? null
      : id !== COMBINED_ENTRY
        ? httpEntryUrl(viaHttp.target.port, id, input.client)
        : input.client
          ? httpCombinedUrl(viaHttp.target.port, input.client)
          : null;
    set[name] =
      viaHttp && url
        ? viaHttp.shape.toEntry(url, httpEntryHeaders(viaHttp.target.token))
        : adapter.toEntry(connectorEntry(input.runtime, id, input.dataDir, input.client));
    kept.add(name);
    // Later instances must see this name as taken.
    owners[name] = id;
  }
  const remove = Object.entries(owners)
    .filter(([name, owner]) => owner !== null && !kept.has(name))
    .map(([name]) => name);
  return { set, remove };
}
