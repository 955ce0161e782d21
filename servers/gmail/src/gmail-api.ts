import type { gmail_v1 } from '@googleapis/gmail';
import { googleClientOptions } from '../../shared/google';
import { ApiClient, ApiError } from '../../shared/http-client';
import type { TokenSource } from '../../shared/token-source';

export type Message = gmail_v1.Schema$Message;
export type MessagePart = gmail_v1.Schema$MessagePart;
export type Thread = gmail_v1.Schema$Thread;
export type Label = gmail_v1.Schema$Label;
export type Draft = gmail_v1.Schema$Draft;
export type ListMessagesResponse = gmail_v1.Schema$ListMessagesResponse;
type ListLabelsResponse = gmail_v1.Schema$ListLabelsResponse;

/** Where the real API lives; `api_url` in the manifest overrides it for tests. */
export const GMAIL_API_URL = 'https://gmail.googleapis.com/gmail/v1';

export interface GmailApiOptions {
  apiUrl: string;
  token: TokenSource;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
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
      ...googleClientOptions(options.fetch),
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
