import type { TokenSource } from './token-source';

/** An API call failed; `message` is written for the person reading the AI client's answer. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** The provider's own words, when it gave any (shown after ours). */
    readonly detail: string | null = null,
  ) {
    super(detail ? `${message} (${detail})` : message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** Provider name for messages: "GitHub rejected…". */
  provider: string;
  baseUrl: string;
  token: TokenSource;
  /** Header value built from the token; default `Bearer <token>`. */
  authorization?: (token: string) => string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Retries after the first attempt, for 5xx, network errors and rate limits. */
  retries?: number;
  /** First backoff; doubles per retry, with jitter. */
  backoffMs?: number;
  /** A `Retry-After` longer than this fails the call instead of stalling the client. */
  maxWaitMs?: number;
  /** What to tell the user when the token is rejected for good (default: sign in again). */
  unauthorizedMessage?: string;
  /** Extracts the provider's error text from a JSON error body. */
  errorDetail?: (body: unknown) => string | null;
  /** Extra rate-limit rule (GitHub's 403 with `x-ratelimit-remaining: 0`); returns ms to wait. */
  rateLimitWait?: (response: Response, now: number) => number | null;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null | string[]>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw response text instead of JSON (file contents). */
  text?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date (RFC 9110 §10.2.3) → milliseconds from now. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * JSON over HTTPS for a built-in server: timeouts, retries with backoff on 5xx and network
 * errors, `Retry-After` honoured on 429/503, and one token refresh through MCP Tray on 401.
 */
export class ApiClient {
  private readonly o: Required<
    Omit<ApiClientOptions, 'rateLimitWait' | 'errorDetail' | 'unauthorizedMessage'>
  > &
    Pick<ApiClientOptions, 'rateLimitWait' | 'errorDetail' | 'unauthorizedMessage'>;

  constructor(options: ApiClientOptions) {
    this.o = {
      authorization: (token) => `Bearer ${token}`,
      headers: {},
      timeoutMs: 20_000,
      retries: 3,
      backoffMs: 500,
      maxWaitMs: 60_000,
      sleep: wait,
      fetch: globalThis.fetch.bind(globalThis),
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, { ...options, body });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = this.url(path, options.query);
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const token = this.o.token.current();
      let response: Response;
      try {
        response = await this.send(method, url, token, options);
      } catch (error) {
        if (attempt < this.o.retries) {
          await this.o.sleep(this.backoff(attempt));
          continue;
        }
        throw this.networkError(error);
      }
      if (response.status === 401) {
        await response.body?.cancel();
        if (!refreshed && (await this.o.token.refresh(token))) {
          refreshed = true;
          attempt--;
          continue;
        }
        throw new ApiError(
          this.o.unauthorizedMessage ??
            `${this.o.provider} rejected the sign-in. Open MCP Tray and sign in to ${this.o.provider} again.`,
          401,
        );
      }
      const waitMs = this.rateLimitWait(response);
      if (waitMs !== null || response.status >= 500) {
        if (attempt < this.o.retries && (waitMs ?? 0) <= this.o.maxWaitMs) {
          await response.body?.cancel();
          await this.o.sleep(waitMs ?? this.backoff(attempt));
          continue;
        }
        if (waitMs !== null) {
          await response.body?.cancel();
          const seconds = Math.ceil(waitMs / 1000);
          throw new ApiError(
            `${this.o.provider} is rate limiting requests; try again in ${seconds} s.`,
            response.status,
          );
        }
      }
      if (!response.ok) throw await this.httpError(response);
      const data = options.text
        ? ((await response.text()) as T)
        : response.status === 204
          ? (null as T)
          : ((await response.json()) as T);
      return { status: response.status, data, headers: response.headers };
    }
  }

  private url(path: string, query: RequestOptions['query']): string {
    const url = new URL(path.startsWith('http') ? path : `${this.o.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item);
      else url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  private async send(method: string, url: string, token: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'mcp-tray',
      ...this.o.headers,
      ...options.headers,
      authorization: this.o.authorization(token),
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return this.o.fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(this.o.timeoutMs),
    });
  }

  private rateLimitWait(response: Response): number | null {
    const now = Date.now();
    const custom = this.o.rateLimitWait?.(response, now);
    if (custom !== null && custom !== undefined) return custom;
    if (response.status !== 429 && response.status !== 503) return null;
    return retryAfterMs(response.headers.get('retry-after'), now) ?? (response.status === 429 ? 1000 : null);
  }

  private backoff(attempt: number): number {
    const base = this.o.backoffMs * 2 ** attempt;
    return base / 2 + Math.random() * (base / 2);
  }

  private networkError(error: unknown): ApiError {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return timedOut
      ? new ApiError(
          `${this.o.provider} did not answer within ${Math.ceil(this.o.timeoutMs / 1000)} s.`,
          null,
        )
      : new ApiError(`Could not reach ${this.o.provider}: ${(error as Error).message}.`, null);
  }

  private async httpError(response: Response): Promise<ApiError> {
    const text = await response.text().catch(() => '');
    let detail: string | null;
    try {
      detail = this.o.errorDetail?.(JSON.parse(text)) ?? null;
    } catch {
      detail = text.trim().slice(0, 200) || null;
    }
    const what: Record<number, string> = {
      400: `${this.o.provider} did not accept the request`,
      403: `${this.o.provider} refused access (the account may lack permission, or the sign-in lacks a scope)`,
      404: `${this.o.provider} found nothing there (it does not exist, or this account cannot see it)`,
      409: `${this.o.provider} reported a conflict`,
      410: `${this.o.provider} says this is gone`,
      422: `${this.o.provider} could not process the request`,
    };
    const message =
      what[response.status] ??
      (response.status >= 500
        ? `${this.o.provider} had a server error (${response.status}); try again later`
        : `${this.o.provider} answered ${response.status}`);
    return new ApiError(`${message}.`, response.status, detail);
  }
}
