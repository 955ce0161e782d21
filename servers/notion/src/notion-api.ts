import type {
  AppendBlockChildrenResponse,
  BlockObjectRequest,
  CreatePageParameters,
  CreatePageResponse,
  DatabaseObjectResponse,
  DataSourceObjectResponse,
  GetDatabaseResponse,
  GetDataSourceResponse,
  GetPageResponse,
  ListBlockChildrenResponse,
  PageObjectResponse,
  QueryDataSourceParameters,
  QueryDataSourceResponse,
  SearchParameters,
  SearchResponse,
} from '@notionhq/client';
import { ApiClient, ApiError } from '../../shared/http-client';
import type { TokenSource } from '../../shared/token-source';
import { UserInputError } from '../../shared/tool-result';

/**
 * The API version this server speaks: the one `@notionhq/client` 5.26 sends by default
 * (`Client.defaultNotionVersion`), whose response types our fixtures are checked against.
 * It is the first with data sources (a database holds one or more of them).
 */
export const NOTION_VERSION = '2025-09-03';

/** Notion's own limit on one rich-text segment, one block list, and blocks per request. */
export const LIMITS = { richText: 2000, richTextItems: 100, children: 100, blocksPerRequest: 1000 } as const;

export interface NotionApiOptions {
  apiUrl: string;
  token: TokenSource;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** Error bodies are `{ object: "error", status, code, message }` (reference/status-codes). */
function errorDetail(body: unknown): string | null {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : null;
}

/** Search results, query rows and block children come back partial when the integration lacks access. */
export const isFullPage = (o: { object: string }): o is PageObjectResponse =>
  o.object === 'page' && 'properties' in o;
export const isFullDataSource = (o: { object: string }): o is DataSourceObjectResponse =>
  o.object === 'data_source' && 'title' in o;

/** A thin typed client for the endpoints the tools use (https://developers.notion.com/reference). */
export class NotionApi {
  private readonly http: ApiClient;

  constructor(options: NotionApiOptions) {
    this.http = new ApiClient({
      provider: 'Notion',
      baseUrl: options.apiUrl,
      token: options.token,
      headers: { 'notion-version': NOTION_VERSION },
      // An integration secret cannot be refreshed; the person has to paste a new one.
      unauthorizedMessage: 'Notion rejected the integration secret. Open MCP Tray and enter a new one.',
      errorDetail,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async search(body: SearchParameters): Promise<SearchResponse> {
    return (await this.http.post<SearchResponse>('/v1/search', body)).data;
  }

  async getPage(pageId: string): Promise<GetPageResponse> {
    return (await this.http.get<GetPageResponse>(`/v1/pages/${pageId}`)).data;
  }

  async listChildren(
    blockId: string,
    startCursor?: string,
    pageSize = 100,
  ): Promise<ListBlockChildrenResponse> {
    return (
      await this.http.get<ListBlockChildrenResponse>(`/v1/blocks/${blockId}/children`, {
        query: { page_size: pageSize, start_cursor: startCursor },
      })
    ).data;
  }

  async appendChildren(
    blockId: string,
    children: BlockObjectRequest[],
  ): Promise<AppendBlockChildrenResponse> {
    return (
      await this.http.request<AppendBlockChildrenResponse>('PATCH', `/v1/blocks/${blockId}/children`, {
        body: { children },
      })
    ).data;
  }

  async createPage(body: CreatePageParameters): Promise<CreatePageResponse> {
    return (await this.http.post<CreatePageResponse>('/v1/pages', body)).data;
  }

  async getDatabase(databaseId: string): Promise<GetDatabaseResponse> {
    return (await this.http.get<GetDatabaseResponse>(`/v1/databases/${databaseId}`)).data;
  }

  async getDataSource(dataSourceId: string): Promise<GetDataSourceResponse> {
    return (await this.http.get<GetDataSourceResponse>(`/v1/data_sources/${dataSourceId}`)).data;
  }

  async queryDataSource(
    dataSourceId: string,
    body: Omit<QueryDataSourceParameters, 'data_source_id' | 'filter_properties'>,
  ): Promise<QueryDataSourceResponse> {
    return (await this.http.post<QueryDataSourceResponse>(`/v1/data_sources/${dataSourceId}/query`, body))
      .data;
  }

  /**
   * The data source behind `id`, which may name a data source or a database (links and
   * child-database blocks carry database IDs; search returns data sources). A database with
   * several data sources is ambiguous: the person has to pick one.
   */
  async resolveDataSource(id: string): Promise<DataSourceObjectResponse> {
    const direct = await this.getDataSource(id).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    });
    if (direct && isFullDataSource(direct)) return direct;
    const database = await this.getDatabase(id);
    const sources = 'data_sources' in database ? (database as DatabaseObjectResponse).data_sources : [];
    if (sources.length === 0) {
      throw new UserInputError('This database has no data source the integration can see.');
    }
    if (sources.length > 1) {
      const list = sources.map((s) => `"${s.name}" (${s.id})`).join(', ');
      throw new UserInputError(
        `This database has several data sources: ${list}. Pass the ID of the one you mean.`,
      );
    }
    const source = await this.getDataSource(sources[0]!.id);
    if (!isFullDataSource(source)) throw new UserInputError('The integration cannot read this data source.');
    return source;
  }
}
