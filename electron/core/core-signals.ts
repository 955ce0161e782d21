/**
 * The core's internal events: what one part of the core asks of or tells another that is wired
 * after it. Unlike the `EventBus` (core → UI, validated against the contract) these never leave
 * the process, and `emit` waits for the listeners, so "restart it, then answer" keeps its order.
 */
export interface CoreSignalMap {
  /** Something the instance list shows changed (state, sessions, tools to review, stats). */
  instancesTouched: void;
  /** A new token is stored: the server restarts to see it, after its calls in flight if asked. */
  restartRequested: { id: string; whenIdle: boolean };
  /** The server cannot use its sign-in any more: it goes to `needs-auth` with this reason. */
  needsAuthRequested: { id: string; reason: string; whenIdle: boolean };
  /** The HTTP endpoint was turned on or off: entries of clients set to HTTP change. */
  httpEnabledChanged: void;
}

type Listener<T> = (payload: T) => void | Promise<void>;

/** A typed internal event channel; listeners run in order and `emit` waits for all of them. */
export class CoreSignals {
  private readonly listeners = new Map<keyof CoreSignalMap, Listener<never>[]>();

  on<K extends keyof CoreSignalMap>(name: K, listener: Listener<CoreSignalMap[K]>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as Listener<never>);
    this.listeners.set(name, list);
  }

  async emit<K extends keyof CoreSignalMap>(name: K, payload: CoreSignalMap[K]): Promise<void> {
    for (const listener of this.listeners.get(name) ?? [])
      await (listener as Listener<CoreSignalMap[K]>)(payload);
  }

  /** For notifications nobody waits for: a listener's failure must not become unhandled. */
  notify<K extends keyof CoreSignalMap>(
    name: K,
    payload: CoreSignalMap[K],
    onError: (error: unknown) => void,
  ): void {
    this.emit(name, payload).catch(onError);
  }
}
