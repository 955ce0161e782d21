import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** One entry as the registry stores it: `{server, _meta}` (the OpenAPI's `ServerResponse`). */
export interface FixtureEntry {
  server: Record<string, unknown> & { name?: unknown; version?: unknown };
  _meta?: Record<string, unknown>;
}

/** The registry answers this way until told otherwise. */
export type Failure = { status: number; retryAfter?: string; body?: string } | null;

const FIXTURE_FILE = path.join(import.meta.dirname, '../../../electron/core/registry/fixtures/servers.json');

/** The fixture entries (`fixtures/servers.json`). */
export function fixtureEntries(): FixtureEntry[] {
  return (JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')) as { servers: FixtureEntry[] }).servers;
}

const official = (e: FixtureEntry) =>
  (e._meta?.['io.modelcontextprotocol.registry/official'] ?? {}) as { status?: string; isLatest?: boolean };

/**
 * A registry on 127.0.0.1 that answers as the MCP Registry's OpenAPI (v0.1) describes:
 * `GET /v0.1/servers` with `search` (substring of the name), `version=latest`, `limit` and an
 * opaque `cursor` (`metadata.nextCursor`); `GET /v0.1/servers/{name}/versions[/{version|latest}]`
 * with 404 `{error}`; deleted entries only with `include_deleted`. `fail` makes every answer an
 * error (503, 429 with `Retry-After`…). Bundles are served under `/bundles/`; an entry whose
 * `fileSha256` is all zeros gets the real checksum of its bundle, and `127.0.0.1:0` in a bundle
 * address becomes this server's.
 */
export class TestRegistry {
  readonly requests: string[] = [];
  readonly bundles = new Map<string, Buffer>();
  fail: Failure = null;
  url = '';
  private readonly server = http.createServer((req, res) => this.answer(req, res));

  constructor(public entries: FixtureEntry[] = fixtureEntries()) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/bundles/')) {
      const bundle = this.bundles.get(url.pathname.slice('/bundles/'.length));
      if (!bundle) return json(404, { error: 'Not found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(bundle);
      return;
    }
    if (this.fail) {
      const headers: Record<string, string> = this.fail.retryAfter
        ? { 'retry-after': this.fail.retryAfter }
        : {};
      return json(this.fail.status, { error: this.fail.body ?? 'Unavailable' }, headers);
    }
    const includeDeleted = url.searchParams.get('include_deleted') === 'true';
    const visible = this.served().filter((e) => includeDeleted || official(e).status !== 'deleted');
    if (url.pathname === '/v0.1/servers') return json(200, this.list(visible, url.searchParams));
    const match = /^\/v0\.1\/servers\/([^/]+)\/versions(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return json(404, { error: 'Not found' });
    const name = decodeURIComponent(match[1]!);
    const versions = visible.filter((e) => e.server.name === name);
    if (versions.length === 0) return json(404, { error: 'Server not found' });
    if (match[2] === undefined) return json(200, { servers: versions, metadata: { count: versions.length } });
    const version = decodeURIComponent(match[2]);
    const found =
      version === 'latest'
        ? versions.find((e) => official(e).isLatest !== false)
        : versions.find((e) => e.server.version === version);
    return found ? json(200, found) : json(404, { error: 'Server not found' });
  }

  private list(entries: FixtureEntry[], params: URLSearchParams) {
    const search = params.get('search')?.toLowerCase();
    let list = entries.filter((e) => !search || String(e.server.name).toLowerCase().includes(search));
    if (params.get('version') === 'latest') list = list.filter((e) => official(e).isLatest !== false);
    const limit = Math.min(Math.max(Number(params.get('limit') ?? 30) || 30, 1), 100);
    const cursor = params.get('cursor');
    const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
    const page = list.slice(start, start + limit);
    const next =
      start + limit < list.length ? Buffer.from(String(start + limit)).toString('base64url') : undefined;
    return { servers: page, metadata: { count: page.length, ...(next ? { nextCursor: next } : {}) } };
  }

  /** Entries with bundle addresses and checksums filled in. */
  private served(): FixtureEntry[] {
    const host = new URL(this.url).host;
    return this.entries.map((entry) => {
      const packages = entry.server.packages as Record<string, unknown>[] | undefined;
      if (!packages?.some((p) => p.registryType === 'mcpb')) return entry;
      const filled = packages.map((p) => {
        if (p.registryType !== 'mcpb') return p;
        const identifier = String(p.identifier).replace('127.0.0.1:0', host);
        const bundle = this.bundles.get(identifier.slice(identifier.lastIndexOf('/') + 1));
        const sha =
          p.fileSha256 === '0'.repeat(64) && bundle
            ? createHash('sha256').update(bundle).digest('hex')
            : p.fileSha256;
        return { ...p, identifier, fileSha256: sha };
      });
      return { ...entry, server: { ...entry.server, packages: filled } };
    });
  }
}
