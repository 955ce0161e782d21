import type { Transport } from './api';
import type { EventName } from './contract';

/**
 * Events a page must not miss just because it had not subscribed yet: an install link opened
 * at launch arrives as the window loads, before React has mounted the Add flow.
 */
const STICKY_EVENTS: readonly EventName[] = ['installRequested'];

/**
 * Wraps a transport so that each sticky event received while nobody listens is kept (the latest
 * one) and handed to the first listener that subscribes. Other events pass through unchanged.
 * Used by the preload, which runs before the page and so sees every event.
 */
export function withStickyEvents(
  transport: Transport,
  sticky: readonly EventName[] = STICKY_EVENTS,
): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const held = new Map<EventName, unknown>();
  for (const name of sticky) {
    listeners.set(name, new Set());
    transport.subscribe(name, (payload) => {
      const current = listeners.get(name)!;
      if (current.size === 0) {
        held.set(name, payload);
        return;
      }
      for (const listener of [...current]) listener(payload);
    });
  }
  return {
    request: (name, input) => transport.request(name, input),
    subscribe: (name, listener) => {
      const set = listeners.get(name);
      if (!set) return transport.subscribe(name, listener);
      set.add(listener);
      if (held.has(name)) {
        const payload = held.get(name);
        held.delete(name);
        // After `subscribe` returns, as a live event would arrive.
        queueMicrotask(() => {
          if (set.has(listener)) listener(payload);
          // It left before delivery (a component that unmounted at once): keep it for the next one.
          else if (set.size === 0 && !held.has(name)) held.set(name, payload);
        });
      }
      return () => {
        set.delete(listener);
      };
    },
  };
}
