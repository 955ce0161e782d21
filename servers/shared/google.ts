import type { ApiClientOptions } from './http-client';

/**
 * What Google's APIs share: the JSON error body and rate limits reported as 403 with a reason
 * in that body (https://developers.google.com/workspace/calendar/api/guides/errors,
 * https://developers.google.com/workspace/gmail/api/guides/handle-errors).
 */
interface GoogleErrorBody {
  error?: {
    message?: unknown;
    errors?: Array<{ reason?: string }>;
    details?: Array<{ reason?: string }>;
  };
}

/** Per-user and per-project limits, and `RATE_LIMIT_EXCEEDED` of the newer `ErrorInfo` form. */
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);

/** Header our fetch wrapper adds to a rate-limit 403: how long to wait before the retry. */
const WAIT_HEADER = 'x-mcp-tray-rate-limit-wait';

/** `error.message` of Google's error body. */
function googleErrorDetail(body: unknown): string | null {
  const message = (body as GoogleErrorBody | null)?.error?.message;
  return typeof message === 'string' && message.trim() ? message.trim() : null;
}

/** Whether a 403 body means "slow down" rather than "forbidden". */
function isGoogleRateLimit(text: string): boolean {
  try {
    const error = (JSON.parse(text) as GoogleErrorBody).error;
    const reasons = [...(error?.errors ?? []), ...(error?.details ?? [])].map((e) => e.reason);
    return reasons.some((reason) => reason !== undefined && RATE_LIMIT_REASONS.has(reason));
  } catch {
    return false;
  }
}

/**
 * `ApiClient` options for a Google API. Its rate-limit hook sees only status and headers, so a
 * fetch wrapper reads 403 bodies and marks rate limits with an exponential backoff (1 s, 2 s,
 * 4 s… plus jitter, counted per request so a retried call backs off further).
 */
export function googleClientOptions(
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Pick<ApiClientOptions, 'fetch' | 'errorDetail' | 'rateLimitWait'> {
  const strikes = new Map<string, number>();
  const marked: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    if (response.status !== 403) {
      strikes.delete(key);
      return response;
    }
    const text = await response.text();
    const headers = new Headers(response.headers);
    if (isGoogleRateLimit(text)) {
      const strike = strikes.get(key) ?? 0;
      strikes.set(key, strike + 1);
      const base = 1000 * 2 ** strike;
      headers.set(WAIT_HEADER, String(Math.round(base + Math.random() * (base / 2))));
    } else {
      strikes.delete(key);
    }
    return new Response(text, { status: 403, statusText: response.statusText, headers });
  };
  return {
    fetch: marked,
    errorDetail: googleErrorDetail,
    rateLimitWait: (response) => {
      const wait = response.headers.get(WAIT_HEADER);
      return response.status === 403 && wait ? Number(wait) : null;
    },
  };
}
