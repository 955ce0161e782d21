import { UserFacingError } from '../rpc/errors';

/** `fetch`, injected so tests and the app choose the network stack. */
export type Fetch = typeof globalThis.fetch;

/** A JSON object as received; every field is checked before use. */
export type JsonObject = Record<string, unknown>;

/** Answer of an OAuth endpoint: a JSON body, or an OAuth error (RFC 6749 §5.2). */
export type OAuthAnswer =
  { ok: true; body: JsonObject } | { ok: false; error: string; description?: string; status: number };

/** Per request; a provider that hangs must not keep a sign-in spinner up forever. */
const REQUEST_TIMEOUT_MS = 30_000;

function unreachable(providerName: string, cause: unknown): UserFacingError {
  const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause : cause).message : '';
  return new UserFacingError(
    'provider-unreachable',
    `Could not reach ${providerName}${reason ? ` (${reason})` : ''}. ` +
      'Check your internet connection and try again.',
  );
}

async function readBody(response: Response): Promise<JsonObject | null> {
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JsonObject) : null;
  } catch {
    // GitHub answers form-encoded when a client forgets `Accept`; accept it rather than fail.
    if ((response.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
      return Object.fromEntries(new URLSearchParams(text));
    }
    return null;
  }
}

/** Reads a string field, or undefined when absent or of another type. */
export function stringField(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads a numeric field that some providers send as a string. */
export function numberField(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/**
 * POSTs an `application/x-www-form-urlencoded` request to an OAuth endpoint. Redirects are refused
 * so a code, verifier or token is never re-sent to another address.
 */
export async function postForm(
  fetch: Fetch,
  url: string,
  params: Record<string, string | undefined>,
  providerName: string,
  /** RFC 7009 revocation answers 200 with no body. */
  emptyBodyOk = false,
): Promise<OAuthAnswer> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) form.set(key, value);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw unreachable(providerName, error);
  }
  const body = await readBody(response).catch(() => null);
  // GitHub reports OAuth errors with HTTP 200, so the `error` field decides, not the status.
  const error = body ? stringField(body, 'error') : undefined;
  if (body && error) {
    return { ok: false, error, description: stringField(body, 'error_description'), status: response.status };
  }
  if (response.ok && !body && emptyBodyOk) return { ok: true, body: {} };
  if (!response.ok || !body) {
    throw new UserFacingError(
      'provider-error',
      `${providerName} answered with an unexpected response (HTTP ${response.status}). Please try again later.`,
    );
  }
  return { ok: true, body };
}

/** GETs a JSON document (discovery metadata, userinfo); null when it is not there. */
export async function getJson(
  fetch: Fetch,
  url: string,
  providerName: string,
  bearer?: string,
): Promise<JsonObject | null> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      redirect: bearer ? 'error' : 'follow',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw unreachable(providerName, error);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return null;
  }
  return readBody(response).catch(() => null);
}
