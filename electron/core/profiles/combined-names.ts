import crypto from 'node:crypto';

/** Clients refuse tool names longer than this (and outside `[A-Za-z0-9_-]`). */
export const MAX_TOOL_NAME = 64;
/** Between a service's prefix and its own tool or prompt name: `github__search_code`. */
const SEPARATOR = '__';
/** Before a resource URI: `github+repo://…` keeps it a URI (a scheme may hold `+`, not `_`). */
const URI_SEPARATOR = '+';
/** Longest prefix, so that a tool name keeps most of the 64 characters. */
const MAX_PREFIX = 24;

const hash = (text: string, length: number) =>
  crypto.createHash('sha256').update(text).digest('hex').slice(0, length);

const sanitize = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * Gives each key its candidate, with `-2`, `-3`… added to the second and later holders of the
 * same candidate. Keys are taken in sorted order, so the result does not depend on the order in
 * which servers answered.
 */
export function assignUnique(
  candidates: ReadonlyArray<readonly [key: string, candidate: string]>,
  maxLength = MAX_TOOL_NAME,
): Map<string, string> {
  const sorted = [...candidates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const [key, candidate] of sorted) {
    let name = candidate;
    for (let n = 2; taken.has(name); n++) {
      const suffix = `-${n}`;
      name = candidate.slice(0, maxLength - suffix.length) + suffix;
    }
    taken.add(name);
    result.set(key, name);
  }
  return result;
}

/**
 * The prefix of each service: its instance id; an id longer than {@link MAX_PREFIX} keeps its
 * start and gets a short hash of the whole id, and a collision a deterministic suffix.
 */
export function servicePrefixes(instanceIds: readonly string[]): Map<string, string> {
  return assignUnique(
    instanceIds.map((id) => {
      const clean = sanitize(id);
      const short = clean.length <= MAX_PREFIX ? clean : `${clean.slice(0, MAX_PREFIX - 6)}-${hash(id, 5)}`;
      return [id, short] as const;
    }),
    MAX_PREFIX,
  );
}

/**
 * `<prefix>__<name>` within 64 characters of `[A-Za-z0-9_-]`: other characters become `_`, and
 * a name that does not fit keeps its start plus an 8-character hash of the original name.
 */
export function prefixedName(prefix: string, name: string): string {
  const head = `${prefix}${SEPARATOR}`;
  const clean = sanitize(name);
  if (head.length + clean.length <= MAX_TOOL_NAME) return head + clean;
  const room = MAX_TOOL_NAME - head.length - 9;
  return `${head}${clean.slice(0, Math.max(room, 0))}_${hash(name, 8)}`;
}

/** Where a combined name leads: the real service and its own name for the tool or prompt. */
export interface Target {
  instance: string;
  name: string;
}

/**
 * Names of every tool (or prompt) of a combined session, both ways. Built from the whole set,
 * so the same services and tools always give the same names.
 */
export class NameMap {
  readonly toCombined = new Map<string, string>();
  readonly toTarget = new Map<string, Target>();

  constructor(prefixes: ReadonlyMap<string, string>, items: readonly Target[]) {
    const key = (t: Target) => `${t.instance}\u0000${t.name}`;
    const byKey = new Map(items.map((t) => [key(t), t]));
    const names = assignUnique(
      [...byKey].map(([k, t]) => [k, prefixedName(prefixes.get(t.instance) ?? t.instance, t.name)] as const),
    );
    for (const [k, combined] of names) {
      const target = byKey.get(k)!;
      this.toCombined.set(k, combined);
      this.toTarget.set(combined, target);
    }
  }

  combined(instance: string, name: string): string | undefined {
    return this.toCombined.get(`${instance}\u0000${name}`);
  }
}

/** A resource URI as a combined session shows it, and back. */
export const prefixedUri = (prefix: string, uri: string): string => `${prefix}${URI_SEPARATOR}${uri}`;

export function splitUri(
  prefixes: ReadonlyMap<string, string>,
  uri: string,
): { instance: string; uri: string } | null {
  const at = uri.indexOf(URI_SEPARATOR);
  if (at <= 0) return null;
  const prefix = uri.slice(0, at);
  for (const [instance, p] of prefixes) if (p === prefix) return { instance, uri: uri.slice(at + 1) };
  return null;
}
