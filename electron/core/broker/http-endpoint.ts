import crypto from 'node:crypto';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import type { InstanceConfig } from '../settings/settings-schema';
import type { CombinedHub } from '../profiles/combined-members';
import type { Broker } from './broker';
import { guardMcpRequest } from './http-guard';
import type { HttpTarget } from './http-paths';
import { httpPath, parseHttpPath } from './http-paths';
import { isInitialize, readJsonBody, replyError } from './http-replies';

/** Where the endpoint listens: loopback only, never a wildcard address. */
export const HTTP_BROKER_HOST = '127.0.0.1';

/** The URL of one instance on the endpoint (for messages; entries use `httpEntryUrl`). */
const instanceUrl = (port: number, instanceId: string): string =>
  `http://${HTTP_BROKER_HOST}:${port}/mcp/${instanceId}`;

export interface HttpEndpointOptions {
  /** The port from settings; 0 (tests only) takes a free one. */
  port: number;
  /** The per-install bearer token every request must carry. */
  token: string;
  broker: Pick<Broker, 'whenReady' | 'attach'>;
  /** Profiles' combined entries (`/mcp/client/<client>`, `/mcp/profile/<name>`). */
  combined: Pick<CombinedHub, 'refusal' | 'open'>;
  /** The instance's settings now: unknown → 404, turned off → 503. */
  config: (id: string) => InstanceConfig | undefined;
  logger: Logger;
  /** Most sessions kept at once; beyond it the least recently used one is ended. */
  maxSessions?: number;
  now?: () => number;
}

interface HttpSession {
  transport: StreamableHTTPServerTransport;
  /** The address it was opened on: its requests must keep using it. */
  path: string;
  lastUsed: number;
}

/**
 * The broker over Streamable HTTP: each instance at `http://127.0.0.1:<port>/mcp/<id>`, each
 * HTTP session (SDK `StreamableHTTPServerTransport`, stateful) one broker session, so calls are
 * forwarded and logged exactly as through the connector. Every request passes the Host/Origin
 * checks and the bearer token before anything is parsed.
 */
export class HttpEndpoint {
  private readonly server = http.createServer((req, res) => void this.route(req, res));
  private readonly sessions = new Map<string, HttpSession>();
  private readonly sockets = new Set<Socket>();
  private boundPort: number | null = null;

  constructor(private readonly options: HttpEndpointOptions) {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** The port it listens on (after `listen`). */
  get port(): number {
    if (this.boundPort === null) throw new Error('the HTTP endpoint is not listening');
    return this.boundPort;
  }

  /** Listens on 127.0.0.1; a busy port is an error in words (no fallback: clients hold the URL). */
  async listen(): Promise<void> {
    const { port } = this.options;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        this.server.off('listening', onListening);
        reject(listenError(error, port));
      };
      const onListening = () => {
        this.server.off('error', onError);
        resolve();
      };
      this.server.once('error', onError);
      this.server.once('listening', onListening);
      this.server.listen(port, HTTP_BROKER_HOST);
    });
    const address = this.server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : port;
  }

  /** Ends every session and stops listening. */
  async close(): Promise<void> {
    const transports = [...this.sessions.values()].map((s) => s.transport);
    this.sessions.clear();
    await Promise.all(transports.map((t) => t.close().catch(() => undefined)));
    for (const socket of this.sockets) socket.destroy();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.boundPort = null;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.handle(req, res);
    } catch (error) {
      this.options.logger.error('HTTP request failed', { error: String(error) });
      replyError(res, 500, 'MCP Tray could not handle this request; see its log for details.');
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = this.port;
    const rejection = guardMcpRequest(req, port, this.options.token);
    if (rejection) {
      this.options.logger.warn('refused an HTTP request', {
        status: rejection.status,
        reason: rejection.message,
      });
      return replyError(res, rejection.status, rejection.message, rejection.headers);
    }
    const target = parseHttpPath(new URL(req.url ?? '/', `http://${HTTP_BROKER_HOST}:${port}`).pathname);
    if (!target) {
      return replyError(
        res,
        404,
        `Nothing here. MCP Tray serves each service at ${instanceUrl(port, '<service-id>')}.`,
      );
    }
    const refusal = this.refusal(target);
    if (refusal) return replyError(res, refusal.status, refusal.message);
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') return this.continueSession(req, res, httpPath(target), sessionId);
    if (req.method !== 'POST') {
      return replyError(
        res,
        400,
        'Start with an initialize request (POST); other requests need the Mcp-Session-Id header.',
      );
    }
    return this.openSession(req, res, target);
  }

  /** A service that does not exist or is turned off, or a profile that does not exist. */
  private refusal({ instance, selector }: HttpTarget): { status: number; message: string } | null {
    const noProfile = this.options.combined.refusal(selector);
    if (noProfile) return { status: 404, message: noProfile };
    if (instance === null) return null;
    const config = this.options.config(instance);
    if (!config) {
      return {
        status: 404,
        message: `MCP Tray has no service called "${instance}". Add it in MCP Tray first.`,
      };
    }
    if (!config.enabled) {
      return {
        status: 503,
        message: `"${config.name}" is turned off in MCP Tray. Open MCP Tray and enable it.`,
      };
    }
    return null;
  }

  /** A request of an existing session: the SDK transport answers it (POST, GET stream, DELETE). */
  private async continueSession(req: IncomingMessage, res: ServerResponse, path: string, sessionId: string) {
    const session = this.sessions.get(sessionId);
    // 404 tells a client its session is gone, so it starts a new one (Streamable HTTP spec).
    if (!session || session.path !== path) {
      return replyError(res, 404, 'This MCP session has ended. Start a new one with initialize.');
    }
    session.lastUsed = this.now();
    let body: unknown;
    if (req.method === 'POST') {
      const read = await readJsonBody(req);
      if (!read.ok) return replyError(res, read.status, read.message);
      body = read.value;
    }
    await session.transport.handleRequest(req, res, body);
  }

  /**
   * An `initialize` without a session: wait (bounded) for the instance, then a new broker session;
   * for a combined entry, a combined session (which waits for its services itself).
   */
  private async openSession(req: IncomingMessage, res: ServerResponse, target: HttpTarget) {
    const { instance: id, selector } = target;
    const name = id ?? `the profile of ${selector.client ?? selector.profile}`;
    const read = await readJsonBody(req);
    if (!read.ok) return replyError(res, read.status, read.message);
    if (!isInitialize(read.value)) {
      return replyError(
        res,
        400,
        'Send initialize first: other requests need the Mcp-Session-Id header it gives you.',
      );
    }
    const refusal = id === null ? null : await this.options.broker.whenReady(id);
    if (refusal) return replyError(res, refusal.code === 'unknown' ? 404 : 503, refusal.message);
    const path = httpPath(target);
    // Loaded with the first session: its HTTP layer (Hono's) loads all of undici when imported,
    // ~25 ms of every start, and most users never turn the endpoint on.
    const { StreamableHTTPServerTransport } =
      await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => crypto.randomUUID(),
      onsessioninitialized: (sid) => {
        this.sessions.set(sid, { transport, path, lastUsed: this.now() });
        this.evictBeyondLimit();
      },
    });
    // Set before the broker connects: the SDK chains handlers that exist at connect time.
    transport.onclose = () => {
      if (transport.sessionId) this.sessions.delete(transport.sessionId);
      this.options.logger.info('HTTP session ended', { path });
    };
    transport.onerror = (error) => this.options.logger.debug('HTTP transport', { error: error.message });
    try {
      if (id === null) await this.options.combined.open(transport, selector);
      else await this.options.broker.attach(id, transport, 'client', selector);
    } catch (error) {
      // It stopped between "ready" and now (a restart, or the user turned it off).
      this.options.logger.warn('could not open an MCP session', { path, error: String(error) });
      return replyError(
        res,
        503,
        `${id === null ? name : `"${id}"`} is not running right now. Try again in a moment.`,
      );
    }
    await transport.handleRequest(req, res, read.value);
    // A refused initialize (bad version, malformed) created no session: free its broker session.
    if (!transport.sessionId || !this.sessions.has(transport.sessionId)) await transport.close();
  }

  /** Clients that never send DELETE would otherwise leave sessions behind forever. */
  private evictBeyondLimit(): void {
    const limit = this.options.maxSessions ?? 64;
    while (this.sessions.size > limit) {
      const [oldestId, oldest] = [...this.sessions.entries()].sort(
        (a, b) => a[1].lastUsed - b[1].lastUsed,
      )[0]!;
      this.sessions.delete(oldestId);
      this.options.logger.info('ended the least recently used HTTP session', { path: oldest.path });
      void oldest.transport.close().catch(() => undefined);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new UserFacingError(
      'port-in-use',
      `MCP Tray could not start its HTTP endpoint: port ${port} on ${HTTP_BROKER_HOST} is already used by ` +
        'another program. Quit that program, or choose another port for the HTTP endpoint in MCP Tray ' +
        '(clients set to HTTP then need their entries written again).',
    );
  }
  if (error.code === 'EACCES') {
    return new UserFacingError(
      'port-denied',
      `MCP Tray is not allowed to listen on port ${port}. Choose a port above 1024 for the HTTP endpoint.`,
    );
  }
  return error;
}
