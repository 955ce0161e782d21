import type { ClientAdapter } from './client-adapter';
import { readHttpEntry } from './client-adapter';
import { ourInstanceId } from './connector-entry';
import { INSTANCE_ID_PATTERN } from '../../shared/instance-id';

/** Where and how an HTTP entry of ours reaches the broker's endpoint. */
export interface HttpEntryTarget {
  port: number;
  token: string;
}

/** Same rule as instance ids in settings: the last path segment must be one. */
// `/mcp/<instance id>` on our endpoint (the id's own pattern, without its anchors).
const OUR_PATH = new RegExp(`^/mcp/(${INSTANCE_ID_PATTERN.source.slice(1, -1)})/?$`);

/** The URL of one instance on the endpoint, as written into clients' files. */
export function httpEntryUrl(port: number, instanceId: string): string {
  return `http://127.0.0.1:${port}/mcp/${instanceId}`;
}

/**
 * The headers an HTTP entry carries. The bearer token has to be in the client's file: HTTP
 * clients have no other way to send it (docs/architecture.md says why this is acceptable).
 */
export function httpEntryHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/**
 * The instance an HTTP entry of ours reaches, or null when the entry is not ours. Ours means a
 * plain `http://` URL on a loopback name, on the endpoint's port, at `/mcp/<instance-id>`. The
 * port matters: a user's own local server at `localhost:8080/mcp/x` must never be taken over.
 */
export function ourHttpInstanceId(url: string, port: number): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(parsed.hostname)) return null;
  if (parsed.port !== String(port) || parsed.search || parsed.hash) return null;
  return OUR_PATH.exec(parsed.pathname)?.[1] ?? null;
}

/**
 * The instance an entry of ours reaches, whichever way: the stdio connector (recognised by its
 * command) or the HTTP endpoint on `httpPort` (recognised by its URL); null for anyone else's.
 */
export function entryOwner(adapter: ClientAdapter, raw: unknown, httpPort: number): string | null {
  const launch = adapter.readEntry(raw);
  if (launch) return ourInstanceId(launch);
  const remote = readHttpEntry(raw);
  return remote ? ourHttpInstanceId(remote.url, httpPort) : null;
}
