import type { InstanceDetail } from '../../../../electron/shared/contract';

/** How long a request from the list waits for the detail to pick it up. */
const REQUEST_TTL_MS = 30_000;

let request: { id: string; at: number } | null = null;

/**
 * Whether a service waits for a new API key rather than a sign-in: it needs one, and its
 * integration has no account to sign in to (the provider rejected the key it was given).
 * Custom commands cannot take new settings (the core refuses), so they never qualify.
 */
export function needsNewKey(detail: Pick<InstanceDetail, 'state' | 'account' | 'integrationId'>): boolean {
  return detail.state === 'needs-auth' && !detail.account && detail.integrationId !== 'custom';
}

/**
 * Hand-over from the Services list to the detail: "Enter a new key" records the request and
 * navigates; the detail opens its Settings tab with the first secret field focused. Kept in
 * memory, not in the address, like the sign-in request.
 */
export function requestNewKey(id: string): void {
  request = { id, at: Date.now() };
}

/** Whether the list just asked for a new key of `id` (see `clearNewKeyRequest`). */
export function hasNewKeyRequest(id: string): boolean {
  return request !== null && request.id === id && Date.now() - request.at < REQUEST_TTL_MS;
}

export function clearNewKeyRequest(id: string): void {
  if (request?.id === id) request = null;
}
