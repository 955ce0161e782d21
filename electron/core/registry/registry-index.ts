import type { RegistryRecord } from './registry-client';

/** One searchable server: its record, the registry it came from, and lowercased text. */
export interface IndexedServer {
  record: RegistryRecord;
  registry: string;
  registryName: string;
  name: string;
  text: string;
}

/**
 * Local search over cached registry lists. Thousands of entries are scanned per keystroke, so
 * the lowercased text is built once per list, and entry views are made only for the page shown.
 */
export class RegistryIndex {
  private readonly items: IndexedServer[];

  constructor(lists: readonly { url: string; name: string; records: readonly RegistryRecord[] }[]) {
    this.items = lists.flatMap((list) =>
      list.records.map((record) => {
        const { server } = record;
        const packages = (server.packages ?? []).map((p) => `${p.registryType} ${p.identifier}`).join(' ');
        const text = `${server.name} ${server.title ?? ''} ${server.description.slice(0, 1000)} ${packages}`;
        return {
          record,
          registry: list.url,
          registryName: list.name,
          name: server.name.toLowerCase(),
          text: text.toLowerCase(),
        };
      }),
    );
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * Entries matching every word, best first: name equal to the query, then every word in the
   * name, then anywhere; alphabetical within each. Deleted entries never, deprecated on request.
   */
  search(query: string, includeDeprecated: boolean): IndexedServer[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const whole = words.join(' ');
    const scored: { item: IndexedServer; score: number }[] = [];
    for (const item of this.items) {
      const status = item.record.status;
      if (status === 'deleted' || (status === 'deprecated' && !includeDeprecated)) continue;
      if (!words.every((w) => item.text.includes(w))) continue;
      const short = item.name.slice(item.name.indexOf('/') + 1);
      const score =
        whole && (short === whole || item.name === whole)
          ? 0
          : words.every((w) => item.name.includes(w))
            ? 1
            : 2;
      scored.push({ item, score });
    }
    scored.sort(
      (a, b) => a.score - b.score || (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0),
    );
    return scored.map((s) => s.item);
  }
}
