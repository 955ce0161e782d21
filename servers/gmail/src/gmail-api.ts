import type { gmail_v1 } from '@googleapis/gmail';
import { ApiClient, ApiError } from '../../shared/http-client';
import type { TokenSource } from '../../shared/token-source';

export type Message = gmail_v1.Schema$Message;
export type MessagePart = gmail_v1.Schema$MessagePart;
export type Thread = gmail_v1.Schema$Thread;
export type Label = gmail_v1.Schema$Label;
export type Draft = gmail_v1.Schema$Draft;
export type ListMessagesResponse = gmail_v1.Schema$ListMessagesResponse;
export type ListLabelsResponse = gmail_v1.Schema$ListLabelsResponse;

/** Where the real API lives; `api_url` in the manifest overrides it for tests. */
export const GMAIL_API_URL = 'https://gmail.googleapis.com/gmail/v1';

export interface GmailApiOptions {
  apiUrl: string;
  token: TokenSource;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** Google's JSON error body (https://developers.google.com/workspace/gmail/api/guides/handle-errors). */
interface GoogleErrorBody {
  error?: {
    message?: string;
    errors?: Array<{ reason?: string }>;
    details?: Array<{ reason?: string }>;
  };
}

/** `error.message` of Google's error body. */
export function googleErrorMessage(body: unknown): string | null {
  const message = (body as GoogleErrorBody | null)?.error?.message;
  return typeof message === 'string' && message.trim() ? message.trim() : null;
}

/**
 * Reasons Gmail gives with a 403 that mean "slow down", not "forbidden": per-user and per-project
 * rate limits (the handle-errors guide), and `RATE_LIMIT_EXCEEDED` in the newer `ErrorInfo` form.
 */
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);

export function isRateLimitBody(text: string): boolean {
  try {
    const error = (JSON.parse(text) as GoogleErrorBody).error;
    const reasons = [...(error?.errors ?? []), ...(error?.details ?? [])].map((e) => e.reason);
    return reasons.some((reason) => reason !== undefined && RATE_LIMIT_REASONS.has(reason));
  } catch {
    return false;
  }
}

/**
 * Gmail reports some rate limits as 403 with a reason in the body. `ApiClient`'s rate-limit hook
 * sees only the status and headers, so those answers are turned into the 429 they mean here,
 * and the client waits (`Retry-After` when given) and retries as it does for any 429.
 */
export function withRateLimit403(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status !== 403) return response;
    const text = await response.text();
    const status = isRateLimitBody(text) ? 429 : 403;
    return new Response(text, { status, statusText: response.statusText, headers: response.headers });
  };
}

const enc = encodeURIComponent;

/** The few Gmail API v1 calls the tools make, on `users/me` (the signed-in account). */
export class GmailApi {
  private readonly http: ApiClient;
  /**
   * For sending: a 5xx or a timeout may come after Gmail sent the mail, and a retry would send
   * it twice (Google's own clients do not retry POSTs either). Only the 401 refresh is retried.
   */
  private readonly once: ApiClient;

  constructor(options: GmailApiOptions) {
    const common = {
      provider: 'Gmail',
      baseUrl: options.apiUrl,
      token: options.token,
      errorDetail: googleErrorMessage,
      fetch: withRateLimit403(options.fetch ?? globalThis.fetch.bind(globalThis)),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    };
    this.http = new ApiClient(common);
    this.once = new ApiClient({ ...common, retries: 0 });
  }

  async listMessages(params: {
    q?: string;
    labelIds?: string[];
    maxResults: number;
    pageToken?: string;
    includeSpamTrash: boolean;
  }): Promise<ListMessagesResponse> {
    const { data } = await this.http.get<ListMessagesResponse>('/users/me/messages', {
      query: { ...params, includeSpamTrash: params.includeSpamTrash || undefined },
    });
    return data;
  }

  async getMessage(id: string, format: 'full' | 'metadata', metadataHeaders?: string[]): Promise<Message> {
    const { data } = await this.http.get<Message>(`/users/me/messages/${enc(id)}`, {
      query: { format, metadataHeaders },
    });
    return data;
  }

  async getThread(id: string): Promise<Thread> {
    const { data } = await this.http.get<Thread>(`/users/me/threads/${enc(id)}`, {
      query: { format: 'full' },
    });
    return data;
  }

  async listLabels(): Promise<Label[]> {
    const { data } = await this.http.get<ListLabelsResponse>('/users/me/labels');
    return data.labels ?? [];
  }

  async createDraft(raw: string, threadId?: string): Promise<Draft> {
    const body: Draft = { message: { raw, ...(threadId ? { threadId } : {}) } };
    return (await this.http.post<Draft>('/users/me/drafts', body)).data;
  }

  async getDraft(id: string): Promise<Draft> {
    const { data } = await this.http.get<Draft>(`/users/me/drafts/${enc(id)}`, {
      query: { format: 'metadata' },
    });
    return data;
  }

  sendMessage(raw: string, threadId?: string): Promise<Message> {
    const body: Message = { raw, ...(threadId ? { threadId } : {}) };
    return this.sendOnce('/users/me/messages/send', body);
  }

  sendDraft(id: string): Promise<Message> {
    const body: Draft = { id };
    return this.sendOnce('/users/me/drafts/send', body);
  }

  private async sendOnce(path: string, body: unknown): Promise<Message> {
    try {
      return (await this.once.post<Message>(path, body)).data;
    } catch (error) {
      if (error instanceof ApiError && (error.status === null || error.status >= 500)) {
        throw new ApiError(
          `${error.message} The message may have been sent anyway: check Sent in Gmail before trying again.`,
          error.status,
        );
      }
      throw error;
    }
  }

  async batchModify(body: gmail_v1.Schema$BatchModifyMessagesRequest): Promise<void> {
    // Text, not JSON: the answer is empty (204, or 200 with no body).
    await this.http.post<string>('/users/me/messages/batchModify', body, { text: true });
  }
}
