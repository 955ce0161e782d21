import type { components } from '@octokit/openapi-types';
import { decodeCursor, encodeCursor } from '../../shared/cursor';
import type { ApiResponse, RequestOptions } from '../../shared/http-client';
import { ApiClient, retryAfterMs } from '../../shared/http-client';
import type { TokenSource } from '../../shared/token-source';
import { UserInputError } from '../../shared/tool-result';

/** GitHub's object shapes, generated from its official OpenAPI description. */
export type Schemas = components['schemas'];

export interface GitHubApiOptions {
  /** `https://api.github.com`, or `https://HOSTNAME/api/v3` for GitHub Enterprise Server. */
  apiUrl: string;
  token: TokenSource;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** One page of a list and the opaque cursor of the next, if there is one. */
export interface Page<T> {
  data: T;
  nextCursor: string | null;
}

interface SearchResult<T> {
  total_count: number;
  incomplete_results: boolean;
  items: T[];
}

/**
 * GitHub's two rate limits (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api):
 * a 403 or 429 with `retry-after` (secondary) waits that many seconds; with
 * `x-ratelimit-remaining: 0` (primary) it waits until `x-ratelimit-reset` (epoch seconds). Any
 * other 403 is a permission problem and is not retried.
 */
export function githubRateLimitWait(response: Response, now: number): number | null {
  if (response.status !== 403 && response.status !== 429) return null;
  const retryAfter = retryAfterMs(response.headers.get('retry-after'), now);
  if (retryAfter !== null) return retryAfter;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  }
  return null;
}

/** GitHub's error body: `message`, plus `errors` on validation failures (422). */
export function githubErrorDetail(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const { message, errors } = body as { message?: unknown; errors?: unknown };
  const parts = typeof message === 'string' && message ? [message] : [];
  if (Array.isArray(errors)) {
    for (const error of errors.slice(0, 5)) {
      if (typeof error === 'string') parts.push(error);
      else if (error && typeof error === 'object') {
        const e = error as { message?: string; field?: string; code?: string };
        const text = e.message ?? [e.field, e.code].filter(Boolean).join(' ');
        if (text) parts.push(text);
      }
    }
  }
  return parts.length > 0 ? parts.join('; ').slice(0, 500) : null;
}

/**
 * `a/b c/d.ts` → `a/b%20c/d.ts`: each segment encoded, the slashes kept. `.` and `..` are
 * refused: URL parsing would resolve them and reach another endpoint.
 */
export function encodePath(path: string): string {
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => s === '.' || s === '..')) {
    throw new UserInputError(
      'path must not contain "." or ".." segments; give the path from the top folder.',
    );
  }
  return segments.map((segment) => encodeURIComponent(segment)).join('/');
}

/** The `page` of the `rel="next"` link in a `Link` header (RFC 8288), as GitHub paginates. */
export function nextPage(link: string | null): number | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (!match || !match[2]!.split(/\s+/).includes('next')) continue;
    const page = Number(new URL(match[1]!, 'http://x').searchParams.get('page'));
    return Number.isInteger(page) && page > 0 ? page : null;
  }
  return null;
}

function pageFrom(cursor: string | undefined): number {
  const state = decodeCursor<{ page: number }>(cursor);
  if (!state) return 1;
  if (!Number.isInteger(state.page) || state.page < 1) {
    throw new UserInputError('The cursor is not one this tool returned; start again without a cursor.');
  }
  return state.page;
}

/** A thin typed client for the REST endpoints the tools use. */
export class GitHubApi {
  private readonly http: ApiClient;

  constructor(options: GitHubApiOptions) {
    this.http = new ApiClient({
      provider: 'GitHub',
      baseUrl: options.apiUrl,
      token: options.token,
      // docs.github.com/en/rest/about-the-rest-api/api-versions
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
      rateLimitWait: githubRateLimitWait,
      errorDetail: githubErrorDetail,
      unauthorizedMessage:
        'GitHub rejected the sign-in (the token was revoked or has expired). Open MCP Tray and sign in to GitHub again, or enter a new token.',
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** GETs one page of a `per_page`/`page` list, with the cursor of the page after it. */
  private async page<T>(
    path: string,
    query: RequestOptions['query'],
    cursor: string | undefined,
    perPage: number,
    headers?: Record<string, string>,
  ): Promise<Page<T>> {
    const page = pageFrom(cursor);
    const response: ApiResponse<T> = await this.http.get<T>(path, {
      query: { ...query, per_page: perPage, page },
      ...(headers ? { headers } : {}),
    });
    const next = nextPage(response.headers.get('link'));
    return { data: response.data, nextCursor: next && next > page ? encodeCursor({ page: next }) : null };
  }

  private repo(owner: string, repo: string): string {
    return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  }

  searchRepositories(
    query: { q: string; sort?: string; order?: string },
    cursor: string | undefined,
    perPage: number,
  ) {
    return this.page<SearchResult<Schemas['repo-search-result-item']>>(
      '/search/repositories',
      query,
      cursor,
      perPage,
    );
  }

  async getRepository(owner: string, repo: string): Promise<Schemas['full-repository']> {
    return (await this.http.get<Schemas['full-repository']>(this.repo(owner, repo))).data;
  }

  listIssues(
    owner: string,
    repo: string,
    filters: { state: string; labels?: string; assignee?: string; sort: string; direction: string },
    cursor: string | undefined,
    perPage: number,
  ) {
    return this.page<Schemas['issue'][]>(`${this.repo(owner, repo)}/issues`, filters, cursor, perPage);
  }

  async getIssue(owner: string, repo: string, number: number): Promise<Schemas['issue']> {
    return (await this.http.get<Schemas['issue']>(`${this.repo(owner, repo)}/issues/${number}`)).data;
  }

  /** One page of an issue's comments, oldest first (the endpoint has no sort order). */
  async listIssueComments(
    owner: string,
    repo: string,
    number: number,
    page: number,
    perPage: number,
  ): Promise<Schemas['issue-comment'][]> {
    const path = `${this.repo(owner, repo)}/issues/${number}/comments`;
    return (await this.http.get<Schemas['issue-comment'][]>(path, { query: { per_page: perPage, page } }))
      .data;
  }

  async createIssue(
    owner: string,
    repo: string,
    body: { title: string; body?: string; labels?: string[]; assignees?: string[] },
  ): Promise<Schemas['issue']> {
    return (await this.http.post<Schemas['issue']>(`${this.repo(owner, repo)}/issues`, body)).data;
  }

  async addIssueComment(owner: string, repo: string, number: number, body: string) {
    const path = `${this.repo(owner, repo)}/issues/${number}/comments`;
    return (await this.http.post<Schemas['issue-comment']>(path, { body })).data;
  }

  listPullRequests(
    owner: string,
    repo: string,
    filters: { state: string; base?: string; head?: string; sort: string; direction: string },
    cursor: string | undefined,
    perPage: number,
  ) {
    return this.page<Schemas['pull-request-simple'][]>(
      `${this.repo(owner, repo)}/pulls`,
      filters,
      cursor,
      perPage,
    );
  }

  async getPullRequest(owner: string, repo: string, number: number): Promise<Schemas['pull-request']> {
    return (await this.http.get<Schemas['pull-request']>(`${this.repo(owner, repo)}/pulls/${number}`)).data;
  }

  listPullRequestFiles(
    owner: string,
    repo: string,
    number: number,
    cursor: string | undefined,
    perPage: number,
  ) {
    const path = `${this.repo(owner, repo)}/pulls/${number}/files`;
    return this.page<Schemas['diff-entry'][]>(path, {}, cursor, perPage);
  }

  /** Code search with text-match fragments (the `text-match` media type). */
  searchCode(q: string, cursor: string | undefined, perPage: number) {
    return this.page<SearchResult<Schemas['code-search-result-item']>>(
      '/search/code',
      { q },
      cursor,
      perPage,
      { accept: 'application/vnd.github.text-match+json' },
    );
  }

  /** A file, a folder listing, a symlink or a submodule; `path` empty is the repository root. */
  async getContents(owner: string, repo: string, path: string, ref: string | undefined) {
    type Contents =
      | Schemas['content-file']
      | Schemas['content-directory']
      | Schemas['content-symlink']
      | Schemas['content-submodule'];
    const url = `${this.repo(owner, repo)}/contents/${encodePath(path)}`;
    return (await this.http.get<Contents>(url, { query: { ref } })).data;
  }

  listNotifications(
    filters: { all: boolean; participating: boolean; since?: string },
    cursor: string | undefined,
    perPage: number,
  ) {
    return this.page<Schemas['thread'][]>('/notifications', filters, cursor, perPage);
  }
}
