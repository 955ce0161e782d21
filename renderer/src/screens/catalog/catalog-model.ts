import type { CatalogEntry } from '../../../../electron/shared/contract';

export type CatalogCategory = CatalogEntry['category'];

/** Groups in the order a new user should meet them: ours first, your own last. */
const CATEGORY_ORDER: readonly CatalogCategory[] = ['built-in', 'community', 'remote', 'custom'];

export const CATEGORY_LABELS: Record<CatalogCategory, string> = {
  'built-in': 'Built in',
  community: 'Community',
  remote: 'Remote servers',
  custom: 'Your own',
};

export const CATEGORY_HINTS: Record<CatalogCategory, string> = {
  'built-in': 'Made and tested with MCP Tray.',
  community: 'Well-known servers from the MCP community, run on this computer.',
  remote: 'Servers that run on the internet; MCP Tray connects to them.',
  custom: 'Bundles and servers you added yourself.',
};

/** An entry with its lower-cased search text, computed once per catalog load. */
export interface IndexedEntry {
  entry: CatalogEntry;
  text: string;
}

export const indexEntries = (entries: readonly CatalogEntry[]): IndexedEntry[] =>
  entries.map((entry) => ({
    entry,
    text: `${entry.name}\n${entry.description}\n${entry.id}`.toLowerCase(),
  }));

/** Every word of the query must appear in the name, description or id (any order). */
export function matchesQuery(text: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => text.includes(word));
}

export interface CatalogGroup {
  category: CatalogCategory;
  entries: CatalogEntry[];
}

/** The entries matching `query`, grouped by category (empty groups left out), by name within. */
export function groupEntries(indexed: readonly IndexedEntry[], query: string): CatalogGroup[] {
  const byCategory = new Map<CatalogCategory, CatalogEntry[]>();
  for (const { entry, text } of indexed) {
    if (!matchesQuery(text, query)) continue;
    const list = byCategory.get(entry.category) ?? [];
    list.push(entry);
    byCategory.set(entry.category, list);
  }
  return CATEGORY_ORDER.flatMap((category) => {
    const entries = byCategory.get(category);
    if (!entries) return [];
    return [{ category, entries: entries.sort((a, b) => a.name.localeCompare(b.name)) }];
  });
}

/** "Google Calendar" → "GC", "notion" → "NO": what stands in for a missing icon. */
export function initials(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[1]![0]!).toUpperCase();
}

export interface Need {
  /** Short words for the chip: "Sign-in", "API key", "uvx". */
  label: string;
  kind: 'sign-in' | 'api-key' | 'runtime';
  /** For runtimes: whether this computer has it. */
  found: boolean;
  /** For a missing runtime: what to install (the core's words). */
  hint: string | null;
}

/** What an entry needs from the user or the computer, in the order they would meet it. */
export function needsOf(entry: CatalogEntry): Need[] {
  const needs: Need[] = [];
  if (entry.auth === 'oauth' || entry.auth === 'device') {
    needs.push({ label: 'Sign-in', kind: 'sign-in', found: true, hint: null });
  }
  if (entry.auth === 'api-key') needs.push({ label: 'API key', kind: 'api-key', found: true, hint: null });
  for (const runtime of entry.runtimes) {
    needs.push({ label: runtime.name, kind: 'runtime', found: runtime.found, hint: runtime.hint });
  }
  return needs;
}

export const missingRuntimes = (entry: CatalogEntry) => entry.runtimes.filter((runtime) => !runtime.found);

/** Built-ins people connect first, in this order; everything else follows by category and name. */
const FAVOURITES = ['github', 'google-calendar', 'gcal', 'gmail', 'notion', 'filesystem', 'memory'];

/** Servers for trying the protocol out: no first thing to connect for someone new. */
const isTestServer = (entry: CatalogEntry): boolean =>
  entry.id === 'everything' || /\btest\b/i.test(entry.name);

/** The `count` most useful entries for a new user: favourites first, built-ins before others. */
export function suggestedEntries(entries: readonly CatalogEntry[], count = 3): CatalogEntry[] {
  const rank = (entry: CatalogEntry): [number, number, number, number] => {
    const favourite = FAVOURITES.indexOf(entry.id);
    return [
      CATEGORY_ORDER.indexOf(entry.category),
      isTestServer(entry) ? 1 : 0,
      favourite === -1 ? FAVOURITES.length : favourite,
      // A missing runtime makes a poor first experience.
      missingRuntimes(entry).length > 0 ? 1 : 0,
    ];
  };
  return [...entries]
    .filter((entry) => entry.category !== 'custom')
    .sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
      return a.name.localeCompare(b.name);
    })
    .slice(0, count);
}
