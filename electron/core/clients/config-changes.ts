import { isRecord } from './client-adapter';
import { ConfigEditError } from './config-errors';
import { sameValue } from './text-format';

/** What to do to a client's server entries: everything else in the file is left alone. */
export interface ConfigChanges {
  /** Entries to add or replace, by name, in the client's own shape. */
  set: Record<string, unknown>;
  /** Entry names to delete (names that are absent are ignored). */
  remove: string[];
}

/** Reads and edits one kind of config file (JSON, JSONC or TOML). */
export interface ConfigEditor {
  /** The parsed document ({} for an empty file); throws ConfigParseError. */
  parse(text: string): Record<string, unknown>;
  /** The servers object inside a parsed document (empty when absent); throws ConfigParseError. */
  servers(text: string): Record<string, unknown>;
  /** The text with the changes made; `text` itself when nothing needs to change. */
  edit(text: string, changes: ConfigChanges): string;
}

const has = (record: Record<string, unknown>, key: string) =>
  Object.prototype.hasOwnProperty.call(record, key);

/** The value at a key path, or undefined. */
export function valueAt(root: unknown, keys: readonly string[]): unknown {
  let node = root;
  for (const key of keys) {
    if (!isRecord(node) || !has(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** A copy of `root` without the value at `keys` (key order of everything else kept). */
function without(root: unknown, keys: readonly string[]): unknown {
  if (keys.length === 0 || !isRecord(root)) return root;
  const [first, ...rest] = keys;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(root)) {
    if (key !== first) out[key] = value;
    else if (rest.length > 0) out[key] = without(value, rest);
  }
  return out;
}

/** Which `set` entries differ from what is there, and which `remove` names exist. */
export function pendingChanges(servers: Record<string, unknown>, changes: ConfigChanges): ConfigChanges {
  const set: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(changes.set)) {
    // Key order inside an entry does not matter to any client: a reordered copy is no change.
    if (!has(servers, name) || !sameValue(servers[name], value, false)) set[name] = value;
  }
  const remove = changes.remove.filter((name) => has(servers, name) && !has(changes.set, name));
  return { set, remove };
}

/**
 * Proves an edit did only what was asked: outside the servers object the document is identical
 * (values and key order), the user's entries are identical and in the same order, ours are as
 * requested. A failure means a bug or an unforeseen file layout; the caller then writes nothing.
 */
export function verifyEdit(
  file: string,
  serversPath: readonly string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  changes: ConfigChanges,
): void {
  const fail = (detail: string) => {
    throw new ConfigEditError(file, `the edit would have ${detail}; nothing was written.`);
  };
  if (!sameValue(without(before, serversPath), without(after, serversPath))) {
    fail('changed settings outside the server list');
  }
  const oldServers = valueAt(before, serversPath);
  const newServers = valueAt(after, serversPath);
  const oldEntries = isRecord(oldServers) ? oldServers : {};
  const newEntries = isRecord(newServers) ? newServers : {};
  const ours = new Set([...Object.keys(changes.set), ...changes.remove]);
  const untouchedBefore = Object.keys(oldEntries).filter((name) => !ours.has(name));
  const untouchedAfter = Object.keys(newEntries).filter((name) => !ours.has(name));
  if (!sameValue(untouchedBefore, untouchedAfter)) fail('reordered or dropped entries that are not ours');
  for (const name of untouchedBefore) {
    if (!sameValue(oldEntries[name], newEntries[name])) fail(`changed the entry "${name}"`);
  }
  for (const [name, value] of Object.entries(changes.set)) {
    if (!has(newEntries, name) || !sameValue(newEntries[name], value, false)) fail(`mis-written "${name}"`);
  }
  for (const name of changes.remove) {
    if (!has(changes.set, name) && has(newEntries, name)) fail(`kept "${name}"`);
  }
}
