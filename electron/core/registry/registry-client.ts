import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import { unsafeRegistryName } from './safe-values';
import type { OfficialMeta, ServerDetail } from './registry-schema';
import { OFFICIAL_META_KEY, ServerListPage, ServerResponse } from './registry-schema';

/** One server version as the registry described it, checked against the schema. */
export interface RegistryRecord {
  server: ServerDetail;
  status: NonNullable<OfficialMeta['status']>;
  statusMessage: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  isLatest: boolean;
}

export interface RegistryPage {
  records: RegistryRecord[];
  /** Entries that broke the schema (logged, left out). */
  skipped: number;
  nextCursor: string | null;
}

export interface ListQuery {
  search?: string;
  cursor?: string;
  limit?: number;
  /** `latest` lists each server once, at its latest version. */
  version?: string;
  updatedSince?: string;
}

/** A registry that could not answer; `retryAfterMs` when it said when to come back (429/503). */
export class RegistryUnavailableError extends UserFacingError {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super('registry-unavailable', message);
    this.name = 'RegistryUnavailableError';
  }
}

export interface RegistryClientDeps {
  fetch: typeof globalThis.fetch;
  clock: Clock;
  logger: Logger;
  /** Per request; a registry that hangs must not hang a search. */
  timeoutMs?: number;
}

/** The MCP Registry v0.1 read API (`GET /v0.1/servers…`), one registry base URL per call. */
export class RegistryClient {
  constructor(private readonly deps: RegistryClientDeps) {}

  /** One page of `GET /v0.1/servers`; follow `nextCursor` for the next. */
  async list(base: string, query: ListQuery = {}): Promise<RegistryPage> {
    const url = new URL('v0.1/servers', withSlash(base));
    if (query.search) url.searchParams.set('search', query.search);
    if (query.cursor) url.searchParams.set('cursor', query.cursor);
    if (query.limit) url.searchParams.set('limit', String(query.limit));
    if (query.version) url.searchParams.set('version', query.version);
    if (query.updatedSince) url.searchParams.set('updated_since', query.updatedSince);
    const page = ServerListPage.safeParse(await this.get(url));
    if (!page.success) {
      throw new RegistryUnavailableError(`${url.host} answered with something that is not a server list.`);
    }
    const records: RegistryRecord[] = [];
    let skipped = 0;
    for (const raw of page.data.servers) {
      const record = this.record(raw, url.host);
      if (record) records.push(record);
      else skipped++;
    }
    const next = page.data.metadata?.nextCursor;
    return { records, skipped, nextCursor: next ? next : null };
  }

  /** `GET /v0.1/servers/{name}/versions/{version}`; `latest` is the latest version. */
  async version(base: string, name: string, version: string): Promise<RegistryRecord> {
    const path = `v0.1/servers/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`;
    const url = new URL(path, withSlash(base));
    const record = this.record(await this.get(url, `${name} ${version}`), url.host);
    if (!record) {
      throw new UserFacingError(
        'bad-entry',
        `${name} ${version} in ${url.host} does not follow the server.json format.`,
      );
    }
    return record;
  }

  /** Checks one entry; a bad one is logged and skipped, never thrown. */
  private record(raw: unknown, host: string): RegistryRecord | null {
    const parsed = ServerResponse.safeParse(raw);
    const name =
      typeof (raw as { server?: { name?: unknown } })?.server?.name === 'string'
        ? (raw as { server: { name: string } }).server.name
        : '(no name)';
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.deps.logger.warn('registry entry skipped: it breaks the server.json schema', {
        host,
        name: name.slice(0, 200),
        path: issue?.path.join('.'),
        issue: issue?.message,
      });
      return null;
    }
    const unsafe = unsafeRegistryName(parsed.data.server.name);
    if (unsafe) {
      this.deps.logger.warn('registry entry skipped: unsafe name', {
        host,
        name: name.slice(0, 200),
        why: unsafe,
      });
      return null;
    }
    const meta = parsed.data._meta?.[OFFICIAL_META_KEY];
    return {
      server: parsed.data.server,
      status: meta?.status ?? 'active',
      statusMessage: meta?.statusMessage ?? null,
      publishedAt: meta?.publishedAt ?? null,
      updatedAt: meta?.updatedAt ?? null,
      isLatest: meta?.isLatest ?? true,
    };
  }

  private async get(url: URL, what?: string): Promise<unknown> {
    let response: Response;
    try {
      response = await this.deps.fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new RegistryUnavailableError(`Could not reach the registry at ${url.host} (${cause}).`);
    }
    if (response.status === 404 && what) {
      throw new UserFacingError('not-found', `${url.host} has no server ${what}.`);
    }
    if (response.status === 429 || response.status >= 500) {
      const retryAfterMs = retryAfter(response.headers.get('retry-after'), this.deps.clock.now());
      const wait = retryAfterMs === null ? '' : ` Try again in ${Math.ceil(retryAfterMs / 1000)} seconds.`;
      const why =
        response.status === 429
          ? `The registry at ${url.host} is receiving too many requests (HTTP 429).`
          : `The registry at ${url.host} has a problem on its side (HTTP ${response.status}).`;
      throw new RegistryUnavailableError(why + wait, retryAfterMs);
    }
    if (!response.ok) {
      throw new RegistryUnavailableError(
        `The registry at ${url.host} refused the request (HTTP ${response.status}).`,
      );
    }
    try {
      return await response.json();
    } catch {
      throw new RegistryUnavailableError(
        `The registry at ${url.host} answered with something that is not JSON.`,
      );
    }
  }
}

/** `Retry-After` in seconds or as an HTTP date; null when absent or unreadable. */
function retryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const withSlash = (base: string): string => (base.endsWith('/') ? base : `${base}/`);
