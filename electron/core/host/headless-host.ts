import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { WS_PATH } from '../../shared/ws-protocol';
import type { Core } from '../core';
import type { Logger } from '../platform/logger';
import { listenWithFallback } from './listen';
import { cookieName, guardRequest, newToken } from './request-guard';
import { serveStatic } from './static-files';
import { attachWsBridge } from './ws-bridge';

export interface HeadlessHostOptions {
  core: Core;
  /** Folder of the built renderer (`dist/renderer`). */
  rendererDir: string;
  port: number;
  /** The user chose the port: fail instead of falling back. */
  strictPort: boolean;
  logger: Logger;
}

export interface RunningHost {
  port: number;
  /** The URL to open, carrying the per-run token. */
  url: string;
  fellBackFrom: number | null;
  close(): Promise<void>;
}

const UNAUTHORISED_PAGE = `<!doctype html><meta charset="utf-8"><title>MCP Tray</title>
<body style="font:16px system-ui;margin:3rem;max-width:36rem">
<h1>Open MCP Tray from its link</h1>
<p>This page needs the link that <code>mcp-tray serve</code> printed (it carries a one-time
token). Copy it from the terminal, or run <code>mcp-tray serve</code> again.</p></body>`;

// Room for one request carrying a whole .mcpb bundle (20 MB, base64-encoded); only an
// authenticated page can open the socket at all.
const MAX_FRAME_BYTES = 28 * 1024 * 1024;

function securityHeaders(port: number): Record<string, string> {
  return {
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; ` +
      "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}

/**
 * The headless host: serves the built renderer and carries the contract over a WebSocket on
 * 127.0.0.1, guarded by a per-run token, and Host/Origin checks against DNS rebinding.
 */
export async function startHeadlessHost(options: HeadlessHostOptions): Promise<RunningHost> {
  const { core, logger } = options;
  const token = newToken();
  let port = options.port;
  // ws comes with the first upgrade: it loads https and tls (~18 ms of every start), and the
  // page opens its WebSocket only once it has loaded.
  let wss: Promise<WebSocketServer> | null = null;
  const webSockets = () =>
    (wss ??= import('ws').then(({ WebSocketServer: Server }) => {
      const created = new Server({ noServer: true, maxPayload: MAX_FRAME_BYTES });
      created.on('error', (error) => logger.error('WebSocket server error', { error: String(error) }));
      return created;
    }));

  const server = http.createServer((req, res) => {
    const guard = guardRequest(req, port, token);
    if (!guard.ok) {
      logger.warn('refused a request', { status: guard.status, reason: guard.reason });
      res.writeHead(guard.status, { 'content-type': 'text/html; charset=utf-8', ...securityHeaders(port) });
      res.end(guard.status === 401 ? UNAUTHORISED_PAGE : 'Forbidden');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (guard.via === 'query') {
      // Trade the token in the URL for a cookie so it leaves the address bar and history.
      url.searchParams.delete('token');
      res.writeHead(302, {
        location: url.pathname + url.search,
        'set-cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        ...securityHeaders(port),
      });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    for (const [key, value] of Object.entries(securityHeaders(port))) res.setHeader(key, value);
    serveStatic(options.rendererDir, url.pathname, res).catch((error: unknown) => {
      logger.error('static file failed', { error: String(error) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  // A client that breaks HTTP, or resets mid-request, costs its own connection only.
  server.on('clientError', (_error, socket: Duplex) => socket.destroy());
  server.on('upgrade', (req, socket: Duplex, head) => {
    socket.on('error', () => undefined);
    const guard = guardRequest(req, port, token);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!guard.ok || path !== WS_PATH) {
      const status = guard.ok ? 404 : guard.status;
      logger.warn('refused a WebSocket upgrade', { status, reason: guard.ok ? 'path' : guard.reason });
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Forbidden'}\r\n\r\n`);
      return;
    }
    // The client sends no frame before our 101, so nothing is lost while ws loads.
    webSockets().then(
      (sockets) => sockets.handleUpgrade(req, socket, head, (ws) => attachWsBridge(ws, core, logger)),
      (error: unknown) => {
        logger.error('WebSocket server could not start', { error: String(error) });
        socket.destroy();
      },
    );
  });

  const listening = await listenWithFallback(server, options.port, options.strictPort);
  port = listening.port;
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    fellBackFrom: listening.fellBackFrom,
    close: async () => {
      const open = await wss?.catch(() => null);
      for (const client of open?.clients ?? []) client.terminate();
      open?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
