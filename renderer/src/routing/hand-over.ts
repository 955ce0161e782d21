/** How long a request from the list waits for the detail to pick it up. */
const REQUEST_TTL_MS = 30_000;

/**
 * A one-shot request from one screen to the next (the Services list asks a service's detail to
 * open a tab and start something). Kept in memory, not in the address, so going Back or
 * reloading never repeats it; it lapses if the detail does not pick it up soon.
 */
export interface HandOver {
  /** Records the request for `id` (replacing any other). */
  request(id: string): void;
  /** Whether `id` was just asked for; does not consume it (see `clear`). */
  has(id: string): boolean;
  clear(id: string): void;
}

/** A hand-over holding at most one request. */
export function createHandOver(): HandOver {
  let pending: { id: string; at: number } | null = null;
  return {
    request: (id) => {
      pending = { id, at: Date.now() };
    },
    has: (id) => pending !== null && pending.id === id && Date.now() - pending.at < REQUEST_TTL_MS,
    clear: (id) => {
      if (pending?.id === id) pending = null;
    },
  };
}
