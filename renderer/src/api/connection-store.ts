import type { ConnectionState } from '../../../electron/shared/ws-transport';

export type { ConnectionState };

export interface ConnectionSnapshot {
  state: ConnectionState;
  /**
   * Counts how often the connection has become open. Data hooks key their requests on it, so
   * they wait for the first open and refetch after every reconnect (events sent while the
   * socket was down are lost).
   */
  epoch: number;
}

export interface ConnectionStore {
  get(): ConnectionSnapshot;
  subscribe(listener: () => void): () => void;
}

export interface WritableConnectionStore extends ConnectionStore {
  set(state: ConnectionState): void;
}

export function createConnectionStore(initial: ConnectionState): WritableConnectionStore {
  let snapshot: ConnectionSnapshot = { state: initial, epoch: initial === 'open' ? 1 : 0 };
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(state) {
      if (state === snapshot.state) return;
      const epoch = state === 'open' ? snapshot.epoch + 1 : snapshot.epoch;
      // A new object each time: useSyncExternalStore compares snapshots by identity.
      snapshot = { state, epoch };
      for (const listener of [...listeners]) listener();
    },
  };
}

/** IPC in Electron cannot drop, so the preload API is always "open". */
export const ALWAYS_OPEN: ConnectionStore = createConnectionStore('open');
