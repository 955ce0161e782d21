import type {
  GetRegistryEntry,
  RegistryEntryDetail,
  RegistrySearchResult,
  RegistrySettings,
  SearchRegistry,
  SetRegistrySettings,
} from '../../shared/registry-contract';
import { SearchRegistry as SearchRegistrySchema } from '../../shared/registry-contract';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { RegistryCache } from '../registry/registry-cache';
import type { RegistryClient, RegistryRecord } from '../registry/registry-client';
import { RegistryUnavailableError } from '../registry/registry-client';
import { RUNTIME_OF } from '../registry/install-plan';
import { RegistryIndex } from '../registry/registry-index';
import type { Located, RuntimeProbe } from '../registry/registry-view';
import { detailView, entryView } from '../registry/registry-view';
import { checkRemoteUrl } from '../remote/remote-url';
import { UserFacingError } from '../rpc/errors';
import type { SettingsStore } from '../settings/settings-store';

/** A list older than this is fetched again before a search (the cache serves it meanwhile if that fails). */
const REGISTRY_MAX_AGE_MS = 60 * 60_000;
/** Pages followed per registry: 200 × 100 entries is far beyond today's official registry. */
const MAX_PAGES = 200;
const PAGE_SIZE = 100;

export interface RegistryServiceDeps {
  client: RegistryClient;
  cache: RegistryCache;
  settings: SettingsStore;
  /** `MCP_TRAY_REGISTRY_URL`: replaces the official registry (tests, private mirrors). */
  overrideUrl: string | null;
  clock: Clock;
  logger: Logger;
  probe: RuntimeProbe;
}

interface Loaded {
  url: string;
  name: string;
  records: RegistryRecord[];
  fetchedAt: number | null;
  /** Why this list is from the cache (or empty), in words. */
  problem: string | null;
}

/**
 * The MCP registries as one searchable catalog: lists are fetched whole (following `cursor`),
 * kept on disk with their fetch time, and searched locally; when a registry cannot be reached
 * (or asked us to wait, 429 `Retry-After`) the cached list answers and the result says so.
 */
export class RegistryService {
  private readonly loaded = new Map<string, Loaded>();
  private readonly inFlight = new Map<string, Promise<Loaded>>();
  /** Per registry: no request before this time (from `Retry-After`). */
  private readonly notBefore = new Map<string, number>();
  private index: { key: string; index: RegistryIndex } | null = null;
  private runtimes: { at: number; found: ReadonlySet<string> } | null = null;

  constructor(private readonly deps: RegistryServiceDeps) {}

  /** The registries searched, in order; the override replaces the official one. */
  registries(): { url: string; name: string }[] {
    const list = this.deps.settings.read().registries;
    if (!this.deps.overrideUrl) return list;
    return [{ url: this.deps.overrideUrl, name: 'MCP_TRAY_REGISTRY_URL' }, ...list.slice(1)];
  }

  settings(): RegistrySettings {
    const s = this.deps.settings.read();
    return {
      registries: s.registries,
      overriddenBy: this.deps.overrideUrl,
      updateCheckHours: s.updateCheckHours,
    };
  }

  setSettings(change: SetRegistrySettings): RegistrySettings {
    const registries = change.registries?.map((r) => ({
      name: r.name,
      url: checkRemoteUrl(r.url).replace(/\/+$/, ''),
    }));
    this.deps.settings.update((s) => ({
      ...s,
      ...(registries ? { registries } : {}),
      ...(change.updateCheckHours !== undefined ? { updateCheckHours: change.updateCheckHours } : {}),
    }));
    this.loaded.clear();
    this.index = null;
    return this.settings();
  }

  async search(input: SearchRegistry): Promise<RegistrySearchResult> {
    const request = SearchRegistrySchema.parse(input);
    const lists = await Promise.all(this.registries().map((r) => this.load(r, request.refresh)));
    const index = this.indexOf(lists);
    const matches = index.search(request.query, request.includeDeprecated);
    const start = request.cursor ? Number.parseInt(request.cursor, 10) || 0 : 0;
    const page = matches.slice(start, start + request.limit);
    const found = await this.runtimesFound();
    const problems = lists.flatMap((l) => (l.problem ? [l.problem] : []));
    const times = lists.flatMap((l) => (l.fetchedAt === null ? [] : [l.fetchedAt]));
    return {
      entries: page.map((item) => entryView(item, found)),
      total: matches.length,
      nextCursor: start + request.limit < matches.length ? String(start + request.limit) : null,
      offline: problems.length > 0,
      fetchedAt: times.length > 0 ? new Date(Math.min(...times)).toISOString() : null,
      notice: problems.length > 0 ? problems.join(' ') : null,
    };
  }

  /** One entry with its install options; from the registry, else from the cache when offline. */
  async detail(input: GetRegistryEntry): Promise<RegistryEntryDetail> {
    return detailView(await this.locate(input.name, input.version, input.registry), this.deps.probe);
  }

  /** Finds a server version: the registry that has it (the first, unless `registry` is given). */
  async locate(name: string, version = 'latest', registry?: string): Promise<Located> {
    const candidates = this.registries().filter(
      (r) => !registry || r.url === registry || r.name === registry,
    );
    if (candidates.length === 0)
      throw new UserFacingError('not-found', `There is no registry "${registry}".`);
    let lastError: unknown = null;
    for (const r of candidates) {
      try {
        const record = await this.deps.client.version(r.url, name, version);
        return { record, registry: r.url, registryName: r.name };
      } catch (error) {
        lastError = error;
        if (!(error instanceof RegistryUnavailableError)) continue;
        const cached = (this.loaded.get(r.url)?.records ?? this.deps.cache.read(r.url)?.records ?? []).find(
          (c) => c.server.name === name && (version === 'latest' || c.server.version === version),
        );
        if (cached) return { record: cached, registry: r.url, registryName: r.name };
      }
    }
    throw lastError instanceof Error
      ? lastError
      : new UserFacingError('not-found', `No registry has ${name}.`);
  }

  /** Which package runtimes this computer has (looked up at most once a minute). */
  private async runtimesFound(): Promise<ReadonlySet<string>> {
    const now = this.deps.clock.now();
    if (this.runtimes && now - this.runtimes.at < 60_000) return this.runtimes.found;
    const names = Object.values(RUNTIME_OF).filter((r): r is string => r !== null);
    const results = await Promise.all(
      names.map(async (name) => ((await this.deps.probe(name)).found ? [name] : [])),
    );
    this.runtimes = { at: now, found: new Set(results.flat()) };
    return this.runtimes.found;
  }

  private indexOf(lists: Loaded[]): RegistryIndex {
    const key = lists.map((l) => `${l.url}@${l.fetchedAt}`).join('|');
    if (this.index?.key !== key) this.index = { key, index: new RegistryIndex(lists) };
    return this.index.index;
  }

  private async load(registry: { url: string; name: string }, refresh: boolean): Promise<Loaded> {
    let current = this.loaded.get(registry.url);
    if (!current) {
      // A fresh list saved by an earlier run answers without a fetch.
      const saved = this.deps.cache.read(registry.url);
      if (saved) current = { ...registry, records: saved.records, fetchedAt: saved.fetchedAt, problem: null };
      if (current) this.loaded.set(registry.url, current);
    }
    const now = this.deps.clock.now();
    if (
      current &&
      !current.problem &&
      !refresh &&
      current.fetchedAt !== null &&
      now - current.fetchedAt < REGISTRY_MAX_AGE_MS
    ) {
      return current;
    }
    const running = this.inFlight.get(registry.url);
    if (running) return running;
    const work = this.fetchAll(registry).finally(() => this.inFlight.delete(registry.url));
    this.inFlight.set(registry.url, work);
    return work;
  }

  private async fetchAll(registry: { url: string; name: string }): Promise<Loaded> {
    const wait = (this.notBefore.get(registry.url) ?? 0) - this.deps.clock.now();
    try {
      if (wait > 0) {
        throw new RegistryUnavailableError(
          `The registry at ${new URL(registry.url).host} asked us to wait; try again in ${Math.ceil(wait / 1000)} seconds.`,
        );
      }
      const records: RegistryRecord[] = [];
      let cursor: string | undefined;
      let skipped = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await this.deps.client.list(registry.url, {
          cursor,
          limit: PAGE_SIZE,
          version: 'latest',
        });
        records.push(...result.records.filter((r) => r.isLatest));
        skipped += result.skipped;
        if (!result.nextCursor || result.nextCursor === cursor) break;
        cursor = result.nextCursor;
      }
      const fetchedAt = this.deps.clock.now();
      this.deps.cache.write({ url: registry.url, fetchedAt, records });
      this.deps.logger.info('registry list fetched', { url: registry.url, servers: records.length, skipped });
      const loaded: Loaded = { ...registry, records, fetchedAt, problem: null };
      this.loaded.set(registry.url, loaded);
      return loaded;
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      if (error instanceof RegistryUnavailableError && error.retryAfterMs !== null) {
        this.notBefore.set(registry.url, this.deps.clock.now() + error.retryAfterMs);
      }
      const cached = this.loaded.get(registry.url) ?? this.deps.cache.read(registry.url);
      const when = cached?.fetchedAt ? new Date(cached.fetchedAt).toISOString() : null;
      const problem = when
        ? `${error.message} Showing the list saved at ${when}.`
        : `${error.message} There is no saved list to search yet.`;
      this.deps.logger.warn('registry unavailable', { url: registry.url, error: error.message });
      const loaded: Loaded = {
        ...registry,
        records: cached?.records ?? [],
        fetchedAt: cached?.fetchedAt ?? null,
        problem,
      };
      this.loaded.set(registry.url, loaded);
      return loaded;
    }
  }
}
