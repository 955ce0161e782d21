import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { asJsonRpc } from './json-rpc-shape';

/** The raw side of one client connection (a connector's socket after the handshake). */
export interface LineSink {
  write(line: string): void;
  /** Ends the connection; `reason` is for the log. */
  end(reason: string): void;
}

/**
 * SDK `Transport` over newline-delimited JSON-RPC lines that arrive before the session's
 * `Server` exists: lines are queued until `start()`, so a client's `initialize` can wait
 * while its instance is still starting. A line that is not JSON-RPC closes this session only.
 */
export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;
  private readonly queue: JSONRPCMessage[] = [];
  private started = false;
  private closed = false;
  private delivering: string | undefined;

  constructor(private readonly sink: LineSink) {}

  /** Feeds one received line. */
  receive(line: string): void {
    if (this.closed) return;
    const message = asJsonRpc(line);
    if (!message) {
      this.fail('a line that is not JSON-RPC');
      return;
    }
    if (!this.started) {
      this.queue.push(message);
      return;
    }
    this.delivering = line;
    try {
      this.onmessage?.(message);
    } finally {
      this.delivering = undefined;
    }
  }

  /** The text of the message `onmessage` is handling right now; undefined outside a delivery. */
  get currentLine(): string | undefined {
    return this.delivering;
  }

  /** The first queued message (the client's `initialize`), for answering before `start`. */
  peek(): JSONRPCMessage | undefined {
    return this.queue[0];
  }

  start(): Promise<void> {
    this.started = true;
    for (const message of this.queue.splice(0)) this.onmessage?.(message);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (!this.closed) this.sink.write(JSON.stringify(message));
    return Promise.resolve();
  }

  /** Sends a message the caller already holds as one line of JSON (no newline in it). */
  sendLine(line: string): void {
    if (!this.closed) this.sink.write(line);
  }

  close(): Promise<void> {
    this.finish('closed by MCP Tray');
    return Promise.resolve();
  }

  /** The peer went away or broke the protocol. */
  fail(reason: string): void {
    this.finish(reason);
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.sink.end(reason);
    this.onclose?.();
  }
}
