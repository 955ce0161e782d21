import { createHandOver } from '../../routing/hand-over';

/**
 * Hand-over from the Services list to the detail: the "Sign in" button records the request and
 * navigates; the detail opens its Account tab and starts the sign-in. Kept in memory, not in the
 * address, so going Back or reloading never starts a sign-in again.
 */
const signIn = createHandOver();

export const requestSignIn = signIn.request;
/** Whether the list just asked to sign `id` in (does not consume it; see `clearSignInRequest`). */
export const hasSignInRequest = signIn.has;
export const clearSignInRequest = signIn.clear;
