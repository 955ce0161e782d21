/** How long a request from the list waits for the detail to pick it up. */
const REQUEST_TTL_MS = 30_000;

let request: { id: string; at: number } | null = null;

/**
 * Hand-over from the Services list to the detail: the "Sign in" button records the request and
 * navigates; the detail opens its Account tab and starts the sign-in. Kept in memory, not in the
 * address, so going Back or reloading never starts a sign-in again.
 */
export function requestSignIn(id: string): void {
  request = { id, at: Date.now() };
}

/** Whether the list just asked to sign `id` in (does not consume it; see `clearSignInRequest`). */
export function hasSignInRequest(id: string): boolean {
  return request !== null && request.id === id && Date.now() - request.at < REQUEST_TTL_MS;
}

export function clearSignInRequest(id: string): void {
  if (request?.id === id) request = null;
}
