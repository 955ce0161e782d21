import type { InstanceDetail } from '../../../../electron/shared/contract';
import { createHandOver } from '../../routing/hand-over';

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
const newKey = createHandOver();

export const requestNewKey = newKey.request;
/** Whether the list just asked for a new key of `id` (see `clearNewKeyRequest`). */
export const hasNewKeyRequest = newKey.has;
export const clearNewKeyRequest = newKey.clear;
