import type { Envelope, EventName, RequestName } from './contract';
import type { Transport } from './api';
import { WsServerFrame } from './ws-protocol';

/** Connection state of the WebSocket transport, for the UI's connection banner. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** The subset of the WebSocket API we use, so Node tests can pass the `ws` package. */
export interface WebSocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface WsTransportOptions {
  url: string;
  createSocket: (url: string) => WebSocketLike;
  onState?: (state: ConnectionState) => void;
  /** Longest wait between reconnect attempts. */
  maxBackoffMs?: number;
}

const OPEN = 1;

/**
 * A `Transport` over one WebSocket that reconnects with backoff. Requests made while
 * disconnected fail at once with code `disconnected` rather than queueing silently.
 */
export class WsTransport implements Transport {
  private socket: WebSocketLike | null = null;
  private nextId = 1;
  private attempt = 0;
  private closed = false;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: WsTransportOptions) {
    this.connect('connecting');
  }

  request(name: RequestName, input: unknown): Promise<Envelope<unknown>> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) {
      return Promise.resolve({
        ok: false,
        error: { code: 'disconnected', message: 'Not connected to MCP Tray.' },
      });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'request', id, name, input }));
    });
  }

  subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Resolves once the socket is open (for tests and start-up). */
  whenOpen(): Promise<void> {
    if (this.socket?.readyState === OPEN) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onState((state) => {
        if (state === 'open') {
          off();
          resolve();
        }
      });
    });
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'client closing');
    this.failPending();
  }

  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  private onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private setState(state: ConnectionState): void {
    this.options.onState?.(state);
    for (const listener of [...this.stateListeners]) listener(state);
  }

  private connect(state: ConnectionState): void {
    this.setState(state);
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState('open');
    };
    socket.onmessage = (ev) => this.handleFrame(ev.data);
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending();
      if (!this.closed) this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const max = this.options.maxBackoffMs ?? 5000;
    const delay = Math.min(max, 250 * 2 ** this.attempt++);
    this.setState('reconnecting');
    this.retryTimer = setTimeout(() => this.connect('reconnecting'), delay);
  }

  private failPending(): void {
    for (const resolve of this.pending.values()) {
      resolve({
        ok: false,
        error: { code: 'disconnected', message: 'The connection to MCP Tray was lost.' },
      });
    }
    this.pending.clear();
  }

  private handleFrame(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: WsServerFrame;
    try {
      frame = WsServerFrame.parse(JSON.parse(data));
    } catch {
      return;
    }
    if (frame.type === 'response') {
      const resolve = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      resolve?.(frame.result as Envelope<unknown>);
    } else {
      for (const listener of this.listeners.get(frame.name) ?? []) listener(frame.payload);
    }
  }
}
