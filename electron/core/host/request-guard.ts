import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** Host header must name a loopback address on our port (defeats DNS rebinding). */
function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOOPBACK_HOSTS.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/** Origin, when sent, must be our own origin; browsers always send it on WebSocket upgrades. */
function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return LOOPBACK_HOSTS.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

/** Random per-run token: 256 bits, URL-safe. */
export const newToken = (): string => crypto.randomBytes(32).toString('base64url');

/** Constant-time token comparison. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Cookie name is per port: cookies ignore ports, and two hosts may run side by side. */
export const cookieName = (port: number): string => `mcp_tray_${port}`;

function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export type GuardResult =
  { ok: true; via: 'cookie' | 'query' } | { ok: false; status: 401 | 403; reason: string };

/** Checks Host, Origin and the token (cookie, or `?token=` in the URL) of one request. */
export function guardRequest(req: IncomingMessage, port: number, token: string): GuardResult {
  if (!isAllowedHost(req.headers.host, port)) {
    return { ok: false, status: 403, reason: 'Host header is not this loopback server' };
  }
  if (!isAllowedOrigin(req.headers.origin, port)) {
    return { ok: false, status: 403, reason: 'Origin is not this server' };
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (tokenMatches(url.searchParams.get('token'), token)) return { ok: true, via: 'query' };
  if (tokenMatches(readCookie(req, cookieName(port)), token)) return { ok: true, via: 'cookie' };
  return { ok: false, status: 401, reason: 'missing or wrong token' };
}
