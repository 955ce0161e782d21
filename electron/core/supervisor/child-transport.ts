import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { asJsonRpc } from '../broker/json-rpc-shape';
import { batchedWrite } from '../platform/batched-write';
import { LineSplitter } from './line-splitter';

/** Largest JSON-RPC line accepted from a server. */
const MAX_FRAME_BYTES = 10 * 1024 * 1024;

/** What a server printed on stdout that was not JSON-RPC. */
export interface StdoutNoise {
  kind: 'not-json' | 'not-jsonrpc' | 'oversized';
  sample: string;
}

/**
 * SDK `Transport` over a child we spawned ourselves (own process group, our env), unlike the
 * SDK's stdio transport which spawns for us. Non-JSON-RPC stdout lines are reported and
 * skipped instead of failing the connection: many servers log to stdout by mistake.
 */
export class ChildStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;
  private closed = false;
  /** Parsed lines waiting for their microtask (see {@link handleLine}), with their text. */
  private readonly pending: { message: JSONRPCMessage; line: string }[] = [];
  private draining = false;
  private readonly tick = Promise.resolve();
  private delivering: string | undefined;
  /** See {@link takeFirst}. */
  private first: ((message: JSONRPCMessage, line: string) => boolean) | null = null;

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly onNoise: (noise: StdoutNoise) => void,
  ) {}

  start(): Promise<void> {
    const splitter = new LineSplitter(
      MAX_FRAME_BYTES,
      (line) => this.handleLine(line),
      (bytes) => this.onNoise({ kind: 'oversized', sample: `${bytes} bytes without a newline` }),
    );
    this.child.stdout.on('data', (chunk: Buffer) => splitter.push(chunk));
    this.child.stdin.on('error', (error) => this.onerror?.(error));
    this.child.once('exit', () => this.markClosed());
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.sendLine(JSON.stringify(message));
  }

  /** Sends a message the caller already holds as one line of JSON (no newline in it). */
  sendLine(line: string): Promise<void> {
    if (this.closed || !this.child.stdin.writable) {
      return Promise.reject(new Error('the server process is not running'));
    }
    return new Promise((resolve, reject) => {
      batchedWrite(this.child.stdin, line + '\n', (error) => (error ? reject(error) : resolve()));
    });
  }

  /**
   * The text of the message `onmessage` is handling right now, as the server wrote it (for a
   * relay that forwards it with only its id changed); undefined outside a delivery.
   */
  get currentLine(): string | undefined {
    return this.delivering;
  }

  /**
   * Lets `take` see each message at once, in the read that brought it, whenever nothing is
   * queued ahead of it; what it returns true for is not delivered to `onmessage`. A relay takes
   * its replies here: the client's answer leaves without waiting for a microtask per message.
   */
  takeFirst(take: (message: JSONRPCMessage, line: string) => boolean): void {
    this.first = take;
  }

  /** Closing the transport only closes stdin; the process itself is stopped by its owner. */
  close(): Promise<void> {
    if (!this.child.stdin.destroyed) this.child.stdin.end();
    this.markClosed();
    return Promise.resolve();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }

  private handleLine(line: string): void {
    // A line that cannot be JSON is noise without parsing it: a server flooding stdout with log
    // lines would otherwise cost two thrown parse errors per line (garbage the core pays for).
    const first = line.trimStart().charCodeAt(0);
    if (first !== 0x7b && first !== 0x5b) {
      this.onNoise({ kind: 'not-json', sample: line.slice(0, 200) });
      return;
    }
    const message = asJsonRpc(line);
    if (!message) {
      const isJson = (() => {
        try {
          JSON.parse(line);
          return true;
        } catch {
          return false;
        }
      })();
      this.onNoise({ kind: isJson ? 'not-jsonrpc' : 'not-json', sample: line.slice(0, 200) });
      return;
    }
    if (this.first && this.pending.length === 0) {
      try {
        if (this.first(message, line)) return;
      } catch (error) {
        this.onerror?.(error instanceof Error ? error : new Error(String(error)));
        return;
      }
    }
    // One message per microtask: the SDK handles notifications a microtask late but responses
    // at once, so a progress notification read in the same chunk as its response would
    // otherwise be dropped (its handler is gone by then). A queue drained through one resolved
    // promise: no closure per message, and not `queueMicrotask`, which makes an AsyncResource
    // and a bound function per call.
    this.pending.push({ message, line });
    if (!this.draining) {
      this.draining = true;
      void this.tick.then(this.drain);
    }
  }

  private readonly drain = (): void => {
    const next = this.pending.shift();
    if (this.pending.length > 0) void this.tick.then(this.drain);
    else this.draining = false;
    if (!next) return;
    this.delivering = next.line;
    try {
      this.onmessage?.(next.message);
    } catch (error) {
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.delivering = undefined;
    }
  };
}
