import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { spliceId } from './splice-id';

/** A JSON-RPC error object as it travels on the wire. */
export interface WireError {
  code: number;
  message: string;
  data?: unknown;
}

/** What the relay tells the caller about one request it sent upstream. */
export interface RelayHandlers {
  /**
   * The server's answer (result or error), exactly as it sent it; `line` is its text when the
   * transport keeps it (see {@link LineSource}), so it can be forwarded without serialising.
   */
  onReply(reply: { result?: Record<string, unknown>; error?: WireError }, line?: string): void;
  /** A progress notification under this request's token (the params, token still ours). */
  onProgress?(params: Record<string, unknown>): void;
  /** The connection to the server ended before it answered. */
  onClosed(): void;
}

type Message = Record<string, unknown>;

/** A transport that tells the text of the message it delivers, and takes text (ChildStdioTransport). */
interface LineSource {
  readonly currentLine?: string;
  sendLine?(line: string): Promise<void>;
  takeFirst?(take: (message: JSONRPCMessage, line: string) => boolean): void;
}

/**
 * Sends requests to an instance's server on the transport its SDK `Client` owns, without
 * going through the `Client`: the message is written as it is, and the answer is taken off the
 * transport before the SDK sees it. Our ids (and progress tokens) are negative integers, which
 * the SDK never uses for its own requests, so the two can share one connection; everything
 * that is not ours still goes to the SDK (server requests, notifications, its own replies).
 */
export class UpstreamRelay {
  private readonly pending = new Map<number, RelayHandlers>();
  private nextId = -1;
  private closed = false;

  constructor(private readonly transport: Transport) {
    const sdkMessage = transport.onmessage;
    const sdkClose = transport.onclose;
    transport.onmessage = (message, extra) => {
      if (!this.take(message as unknown as Message)) sdkMessage?.(message, extra);
    };
    transport.onclose = () => {
      this.close();
      sdkClose?.();
    };
    // Replies taken in the read that brought them, not a microtask later (see takeFirst).
    (transport as LineSource).takeFirst?.((message, line) => this.take(message as unknown as Message, line));
  }

  /** Whether the connection has ended (the runner then has a new client, or none). */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Sends `method` with `params` under a fresh id of ours; with `progress`, the params' progress
   * token is replaced by that id. Returns the id (for {@link cancel}).
   */
  send(
    method: string,
    params: Message | undefined,
    handlers: RelayHandlers,
    progress = false,
    line?: { text: string; id: RequestId },
  ): number {
    const id = this.nextId--;
    if (this.closed) {
      queueMicrotask(() => handlers.onClosed());
      return id;
    }
    this.pending.set(id, handlers);
    const failed = () => {
      // The write failed: the process is going away; its close fails the others.
      if (this.pending.delete(id)) handlers.onClosed();
    };
    // The client's own line under our id: no object built, nothing serialised. A progress token
    // must be replaced too, so such a request is built afresh.
    const sendLine = (this.transport as LineSource).sendLine;
    const spliced = line && !progress && sendLine ? spliceId(line.text, line.id, id) : null;
    if (spliced !== null) {
      sendLine!.call(this.transport, spliced).catch(failed);
      return id;
    }
    let sent = params;
    if (progress && params) {
      const meta = (params._meta ?? {}) as Message;
      sent = { ...params, _meta: { ...meta, progressToken: id } };
    }
    const message = { jsonrpc: '2.0', id, method, ...(sent === undefined ? {} : { params: sent }) };
    this.transport.send(message as JSONRPCMessage).catch(failed);
    return id;
  }

  /** Stops waiting for `id` and tells the server to stop working on it. */
  cancel(id: number, reason: string): void {
    if (!this.pending.delete(id) || this.closed) return;
    const notification = {
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: id, reason },
    };
    this.transport.send(notification as JSONRPCMessage).catch(() => undefined);
  }

  /** Ours: a reply to a negative id, or progress under a negative token. */
  private take(message: Message, line = (this.transport as LineSource).currentLine): boolean {
    const id = message.id;
    if (typeof id === 'number' && id < 0 && message.method === undefined) {
      const handlers = this.pending.get(id);
      if (handlers) {
        this.pending.delete(id);
        handlers.onReply(message as { result?: Message; error?: WireError }, line);
      }
      // A late answer (after a timeout or cancel) is ours too, and is dropped.
      return true;
    }
    if (message.method === 'notifications/progress') {
      const params = message.params as Message | undefined;
      const token = params?.progressToken;
      if (typeof token === 'number' && token < 0) {
        this.pending.get(token)?.onProgress?.(params!);
        return true;
      }
    }
    return false;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const handlers of all) handlers.onClosed();
  }
}
