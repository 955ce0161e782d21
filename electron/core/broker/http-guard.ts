import type { IncomingMessage } from 'node:http';
import { tokenMatches } from '../host/request-guard';

/** Why a request was turned away before reaching MCP, in words for the client and the log. */
export interface Rejection {
  status: 401 | 403;
  message: string;
  /** Extra response headers (`WWW-Authenticate` for 401). */
  headers?: Record<string, string>;
}

/** Names a browser page may use for this machine; everything else could be a rebinding attack. */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The Host header must be exactly `127.0.0.1:<port>` or `localhost:<port>`: a page on an
 * attacker's domain that re-resolves to 127.0.0.1 (DNS rebinding) still sends its own name.
 */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/**
 * An Origin header, when present, must be a loopback origin (any port: local tools and the
 * MCP Inspector run their own pages on localhost). MCP clients that are not browsers send none.
 * `null` (sandboxed frames, file pages) is refused: it could be anyone.
 */
function originAllowed(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_NAMES.has(url.hostname);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/**
 * Checks one request to the HTTP endpoint before anything else reads it: Host and Origin
 * first (403, DNS rebinding), then the per-install bearer token in constant time (401).
 */
export function guardMcpRequest(req: IncomingMessage, port: number, token: string): Rejection | null {
  if (!hostAllowed(req.headers.host, port)) {
    return {
      status: 403,
      message: `Refused: the Host header must be 127.0.0.1:${port} or localhost:${port} (DNS rebinding protection).`,
    };
  }
  if (!originAllowed(req.headers.origin)) {
    return {
      status: 403,
      message: 'Refused: requests from web pages other than this computer are not allowed.',
    };
  }
  const given = bearerToken(req.headers.authorization);
  if (!tokenMatches(given, token)) {
    return {
      status: 401,
      message: given
        ? 'The MCP Tray access token is wrong. Write this client’s entry again from MCP Tray.'
        : 'An MCP Tray access token is required (Authorization: Bearer …). Write this client’s entry from MCP Tray.',
      headers: {
        'WWW-Authenticate': given
          ? 'Bearer realm="MCP Tray", error="invalid_token"'
          : 'Bearer realm="MCP Tray"',
      },
    };
  }
  return null;
}
