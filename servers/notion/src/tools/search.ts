import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SearchParameters, SearchResponse } from '@notionhq/client';
import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../../../shared/cursor';
import { runTool, toolResult, UserInputError } from '../../../shared/tool-result';
import { dataSourceTitle, pageTitle, parentText, shortTime } from '../format';
import type { NotionApi } from '../notion-api';
import { isFullDataSource, isFullPage } from '../notion-api';

const SearchHit = z.object({
  id: z.string(),
  object: z.enum(['page', 'data_source']),
  title: z.string(),
  url: z.string().optional(),
  parent: z.string().optional(),
  lastEdited: z.string().optional(),
});
type SearchHit = z.infer<typeof SearchHit>;

function hit(result: SearchResponse['results'][number]): SearchHit {
  if (isFullPage(result)) {
    return {
      id: result.id,
      object: 'page',
      title: pageTitle(result),
      url: result.url,
      parent: parentText(result.parent),
      lastEdited: result.last_edited_time,
    };
  }
  if (isFullDataSource(result)) {
    return {
      id: result.id,
      object: 'data_source',
      title: dataSourceTitle(result),
      url: result.url,
      parent: parentText(result.parent),
      lastEdited: result.last_edited_time,
    };
  }
  // Partial objects: the integration may know an ID without being able to read the object.
  return { id: result.id, object: result.object, title: '(no access to details)' };
}

function line(h: SearchHit): string {
  const icon = h.object === 'page' ? '📄' : '🗃️';
  const kind = h.object === 'page' ? 'page' : 'database (data source)';
  const parts = [`${icon} ${h.title}`, `${kind} ${h.id}`];
  if (h.parent) parts.push(`in ${h.parent}`);
  if (h.lastEdited) parts.push(`edited ${shortTime(h.lastEdited)}`);
  if (h.url) parts.push(h.url);
  return `- ${parts.join(' · ')}`;
}

/** `search`: pages and databases shared with the integration, by title. */
export function registerSearch(server: McpServer, api: NotionApi): void {
  server.registerTool(
    'search',
    {
      title: 'Search Notion',
      description:
        'Finds Notion pages and databases shared with this integration by words in their title (not their ' +
        'content). An empty query lists everything shared, most recently edited first. Databases appear as ' +
        'their data sources (object "data_source"): pass that ID to query_database, or to create_page with ' +
        'parent_type "database". Pass a page ID to read_page.',
      inputSchema: {
        query: z
          .string()
          .max(500)
          .default('')
          .describe('Words to look for in titles; empty lists everything shared with the integration.'),
        object: z
          .enum(['any', 'page', 'data_source'])
          .default('any')
          .describe('Only pages, only databases ("data_source"), or both.'),
        page_size: z.number().int().min(1).max(100).default(20).describe('Results per call (1–100).'),
        cursor: z
          .string()
          .max(2000)
          .optional()
          .describe('nextCursor from a previous call with the same query, for the next results.'),
      },
      outputSchema: { results: z.array(SearchHit), nextCursor: z.string().optional() },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ query, object, page_size, cursor }) =>
      runTool(async () => {
        const position = decodeCursor<{ c: string; q: string; o: string }>(cursor);
        if (position && (position.q !== query || position.o !== object)) {
          throw new UserInputError(
            'This cursor belongs to a different search; repeat the same query and object.',
          );
        }
        const body: SearchParameters = {
          page_size,
          ...(query ? { query } : { sort: { timestamp: 'last_edited_time', direction: 'descending' } }),
          ...(object === 'any' ? {} : { filter: { property: 'object', value: object } }),
          ...(position ? { start_cursor: position.c } : {}),
        };
        const response = await api.search(body);
        const results = response.results.map(hit);
        const nextCursor =
          response.has_more && response.next_cursor
            ? encodeCursor({ c: response.next_cursor, q: query, o: object })
            : undefined;
        const head = results.length === 0 ? 'Nothing found' : `${results.length} result(s)`;
        const about = query ? ` for "${query}"` : '';
        const text = [
          `${head}${about}. Only pages and databases shared with the integration are searched.`,
          ...results.map(line),
          ...(nextCursor ? [`More results: call search again with cursor "${nextCursor}".`] : []),
        ].join('\n');
        return toolResult({ results, ...(nextCursor ? { nextCursor } : {}) }, text);
      }),
  );
}
