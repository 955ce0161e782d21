import type { ClientAdapter } from './client-adapter';
import { readHttpEntry } from './client-adapter';
import { COMBINED_ENTRY, ourInstanceId } from './connector-entry';
import { INSTANCE_ID_PATTERN } from '../../shared/instance-id';
import { httpPath, parseHttpPath } from '../broker/http-paths';

/** Where and how an HTTP entry of ours reaches the broker's endpoint. */
export interface HttpEntryTarget {
  port: number;
  token: string;
}

/**
 * The URL of one instance on the endpoint, as written into clients' files; with `client`, under
 * that client's profile (what `connect <id> --client C` is over stdio).
 */
export function httpEntryUrl(port: number, instanceId: string, client?: string): string {
  return `http://127.0.0.1:${port}${httpPath({ instance: instanceId, selector: client ? { client } : {} })}`;
}

/** The URL of a client's combined entry: its profile's services as one server. */
export function httpCombinedUrl(port: number, client: string): string {
  return `http://127.0.0.1:${port}${httpPath({ instance: null, selector: { client } })}`;
}

/**
 * The headers an HTTP entry carries. The bearer token has to be in the client's file: HTTP
 * clients have no other way to send it (docs/architecture.md says why this is acceptable).
 */
export function httpEntryHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/**
 * The instance an HTTP entry of ours reaches ({@link COMBINED_ENTRY} for a combined one), or null
 * when the entry is not ours. Ours means a plain `http://` URL on a loopback name, on the
 * endpoint's port, at one of its addresses (`/mcp/<instance-id>`, see `parseHttpPath`). The
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
  const target = parseHttpPath(parsed.pathname);
  if (!target) return null;
  if (target.instance === null) return COMBINED_ENTRY;
  return INSTANCE_ID_PATTERN.test(target.instance) ? target.instance : null;
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
