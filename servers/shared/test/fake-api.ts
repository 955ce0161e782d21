import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** One request the fake API received. */
export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (request: Received) => FakeReply | Promise<FakeReply>;

/**
 * A provider's API on 127.0.0.1 for tests: routes by `METHOD /path` (`:name` segments match
 * anything), records every request, and can be told to fail the next N requests of a route.
 */
export class FakeApi {
  readonly received: Received[] = [];
  private readonly routes: Array<{ method: string; pattern: RegExp; route: Route }> = [];
  private readonly failures: Array<{ key: string; reply: FakeReply }> = [];
  private server: http.Server | null = null;
  url = '';

  /** Accepted bearer tokens; empty means any. A request without one of them gets 401. */
  readonly tokens = new Set<string>();

  on(key: string, route: Route): this {
    const [method, path] = key.split(' ') as [string, string];
    const pattern = new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
    this.routes.push({ method, pattern, route });
    return this;
  }

  /** The next request to `METHOD /path` (exact path) gets `reply` instead. */
  failNext(key: string, reply: FakeReply, times = 1): this {
    for (let i = 0; i < times; i++) this.failures.push({ key, reply });
    return this;
  }

  requests(key: string): Received[] {
    return this.received.filter((r) => `${r.method} ${r.path}` === key);
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    onTestFinished(() => this.stop());
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
      this.server = null;
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // keep the raw text
    }
    const request: Received = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    this.received.push(request);
    const reply = await this.reply(request);
    const headers = { 'content-type': 'application/json', ...reply.headers };
    res.writeHead(reply.status ?? 200, headers);
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
    res.end(reply.status === 204 ? undefined : text);
  }

  private async reply(request: Received): Promise<FakeReply> {
    const key = `${request.method} ${request.path}`;
    const failure = this.failures.findIndex((f) => f.key === key);
    if (failure >= 0) return this.failures.splice(failure, 1)[0]!.reply;
    if (this.tokens.size > 0) {
      const auth = request.headers.authorization ?? '';
      const token = auth.replace(/^(Bearer|token)\s+/i, '');
      if (!this.tokens.has(token)) return { status: 401, body: { message: 'Bad credentials' } };
    }
    const match = this.routes.find((r) => r.method === request.method && r.pattern.test(request.path));
    if (!match) return { status: 404, body: { message: `no fake route for ${key}` } };
    return match.route(request);
  }
}
