import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport, SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

/** Streamable HTTP (MCP 2025-03-26 and later), or the older HTTP+SSE transport (2024-11-05). */
export type RemoteTransportKind = 'streamable-http' | 'sse';

export interface RemoteConnectOptions {
  url: string;
  fetch: FetchLike;
  /** The kind that worked last time: tried first. */
  preferred?: RemoteTransportKind;
  /** A fresh client per attempt: a client whose connect failed is not reused. */
  makeClient: () => Promise<Client>;
  timeoutMs: number;
  /** True when trying the other transport is pointless (the server wants a sign-in). */
  stop: () => boolean;
  note: (line: string) => void;
}

export interface RemoteConnection {
  client: Client;
  transport: Transport;
  kind: RemoteTransportKind;
}

/** The HTTP status in a transport's error, if it carries one. */
function statusOf(error: unknown): number | undefined {
  if (error instanceof StreamableHTTPError || error instanceof SseError) {
    return typeof error.code === 'number' && error.code > 0 ? error.code : undefined;
  }
  return undefined;
}

/**
 * Connects with Streamable HTTP and falls back to HTTP+SSE the way the MCP spec's backwards
 * compatibility section and the SDK describe it: when the initialize POST gets a 4xx (a server
 * that only speaks the older transport answers 404 or 405 there), open the SSE stream instead.
 * The kind that worked is tried first next time.
 */
export async function connectRemote(options: RemoteConnectOptions): Promise<RemoteConnection> {
  const order: RemoteTransportKind[] =
    options.preferred === 'sse' ? ['sse', 'streamable-http'] : ['streamable-http', 'sse'];
  let lastError: unknown;
  for (const [index, kind] of order.entries()) {
    const url = new URL(options.url);
    const transport =
      kind === 'sse'
        ? new SSEClientTransport(url, { fetch: options.fetch })
        : new StreamableHTTPClientTransport(url, { fetch: options.fetch });
    const client = await options.makeClient();
    try {
      await client.connect(transport, { timeout: options.timeoutMs });
      return { client, transport, kind };
    } catch (error) {
      lastError = error;
      await client.close().catch(() => undefined);
      const status = statusOf(error);
      const next = order[index + 1];
      if (!next || options.stop() || status === undefined || status < 400 || status >= 500) break;
      options.note(`${label(kind)} answered HTTP ${status}; trying ${label(next)}.`);
    }
  }
  throw lastError;
}

/** Ends a Streamable HTTP session politely (the spec's DELETE); SSE has no session to end. */
export async function endSession(transport: Transport): Promise<void> {
  if (transport instanceof StreamableHTTPClientTransport && transport.sessionId) {
    await transport.terminateSession().catch(() => undefined);
  }
}

const label = (kind: RemoteTransportKind): string => (kind === 'sse' ? 'HTTP+SSE' : 'Streamable HTTP');
