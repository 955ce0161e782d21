import { describeFetchFailure } from '../auth/fetch-failure';
import { UserFacingError } from '../rpc/errors';

/** How to check a pasted key against its provider's API before it is saved. */
export interface KeyCheckSpec {
  /** The secret setting that holds the key. */
  secret: string;
  /** The setting with the API's base address (so tests and enterprise hosts point elsewhere). */
  baseField: string;
  defaultBase: string;
  /** Path of a cheap "who am I" request under the base. */
  path: string;
  headers: Record<string, string>;
}

/**
 * Keys checked when entered, by integration id. Notion's `users/me` answers for any valid
 * integration secret (the bot user), so a mistyped secret is caught at once.
 */
export const KEY_CHECKS: Record<string, KeyCheckSpec> = {
  notion: {
    secret: 'integration_token',
    baseField: 'api_url',
    defaultBase: 'https://api.notion.com',
    path: '/v1/users/me',
    headers: { 'notion-version': '2025-09-03' },
  },
};

const TIMEOUT_MS = 15_000;

/**
 * Asks the provider whether a key is good. Throws in words: rejected ("did not accept this
 * key"), or "could not check: no connection" when the provider cannot be reached. With
 * `lenient`, only a rejection throws; any other failure is answered in words instead, for the
 * caller to save the key anyway (an API key can be entered offline).
 */
export async function checkKey(
  fetch: typeof globalThis.fetch,
  request: { url: string; key: string; headers?: Record<string, string>; provider: string; what: string },
  lenient = false,
): Promise<string | null> {
  try {
    await strictCheck(fetch, request);
    return null;
  } catch (error) {
    if (!lenient || (error instanceof UserFacingError && error.code === 'token-rejected')) throw error;
    return (error as Error).message;
  }
}

async function strictCheck(
  fetch: typeof globalThis.fetch,
  request: { url: string; key: string; headers?: Record<string, string>; provider: string; what: string },
): Promise<void> {
  const { url, key, provider, what } = request;
  const response = await fetch(url, {
    headers: { accept: 'application/json', authorization: `Bearer ${key}`, ...request.headers },
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new UserFacingError(
      'unreachable',
      `Could not check the ${what} with ${provider}: ${describeFetchFailure(error, provider, TIMEOUT_MS)}. ` +
        'Check your internet connection and try again.',
    );
  });
  await response.body?.cancel();
  if (response.status === 401 || response.status === 403) {
    throw new UserFacingError(
      'token-rejected',
      `${provider} did not accept this ${what}. Check it and try again.`,
    );
  }
  if (!response.ok) {
    throw new UserFacingError(
      'unreachable',
      `Could not check the ${what} with ${provider}: it answered ${response.status}. Try again later.`,
    );
  }
}
