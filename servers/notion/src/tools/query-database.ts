import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { QueryDataSourceParameters } from '@notionhq/client';
import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../../../shared/cursor';
import { runTool, toolResult, UserInputError } from '../../../shared/tool-result';
import { dataSourceTitle, markdownTable, propertyText } from '../format';
import type { NotionApi } from '../notion-api';
import { isFullPage } from '../notion-api';
import { notionId, notionIdInput } from '../notion-id';

/** Property types a filter condition can name (the filter reference's list). */
const CONDITIONS = new Set([
  'title', 'rich_text', 'number', 'checkbox', 'select', 'multi_select', 'status', 'date', 'people',
  'files', 'url', 'email', 'phone_number', 'relation', 'created_by', 'created_time', 'last_edited_by',
  'last_edited_time', 'formula', 'unique_id', 'rollup', 'verification', 'place',
]); // prettier-ignore

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the shape of a Notion filter loosely, so a malformed one gets a clear message here
 * rather than Notion's terse validation error; Notion still checks names and operators.
 */
function checkFilter(filter: unknown, path = 'filter'): void {
  if (!isObject(filter)) throw new UserInputError(`${path} must be an object.`);
  const compound = ['and', 'or'].filter((key) => key in filter);
  if (compound.length > 0) {
    const key = compound[0]!;
    const list = filter[key];
    if (compound.length > 1 || Object.keys(filter).length > 1) {
      throw new UserInputError(`${path} must have only one of "and" or "or"; nest them to combine.`);
    }
    if (!Array.isArray(list) || list.length === 0 || list.length > 100) {
      throw new UserInputError(`${path}.${key} must be a list of 1 to 100 filters.`);
    }
    list.forEach((item, i) => checkFilter(item, `${path}.${key}[${i}]`));
    return;
  }
  if ('timestamp' in filter) {
    const stamp = filter.timestamp;
    if ((stamp !== 'created_time' && stamp !== 'last_edited_time') || !isObject(filter[stamp])) {
      throw new UserInputError(
        `${path} filters on a timestamp like {"timestamp": "last_edited_time", "last_edited_time": {"after": "2025-01-01"}}.`,
      );
    }
    return;
  }
  if (typeof filter.property !== 'string' || !filter.property) {
    throw new UserInputError(
      `${path} needs "property" and a condition, e.g. {"property": "Status", "status": {"equals": "Done"}}, ` +
        'or "timestamp", "and" or "or".',
    );
  }
  const conditions = Object.keys(filter).filter((key) => key !== 'property' && key !== 'type');
  if (conditions.length !== 1 || !CONDITIONS.has(conditions[0]!) || !isObject(filter[conditions[0]!])) {
    throw new UserInputError(
      `${path} on "${filter.property}" needs exactly one condition named after the property's type, ` +
        `e.g. {"select": {"equals": "Done"}} or {"number": {"greater_than": 3}}.`,
    );
  }
}

const Sort = z.union([
  z.object({
    property: z.string().min(1).max(200).describe('Property name.'),
    direction: z.enum(['ascending', 'descending']).default('ascending'),
  }),
  z.object({
    timestamp: z.enum(['created_time', 'last_edited_time']),
    direction: z.enum(['ascending', 'descending']).default('descending'),
  }),
]);

/** Columns shown when the caller picks none: enough to recognise rows, not a wall of text. */
const DEFAULT_COLUMNS = 8;

/** `query_database`: rows of a database as a compact table. */
export function registerQueryDatabase(server: McpServer, api: NotionApi): void {
  server.registerTool(
    'query_database',
    {
      title: 'Query a Notion database',
      description:
        'Lists the rows (pages) of a Notion database, optionally filtered and sorted, as a table of property ' +
        "values. Takes a database ID or link, or a data source ID from search. The filter uses Notion's " +
        'filter JSON: {"property": "Status", "status": {"equals": "Done"}}, {"and": [...]}, {"or": [...]}, ' +
        'or {"timestamp": "last_edited_time", "last_edited_time": {"past_week": {}}}. Row IDs work with read_page.',
      inputSchema: {
        database_id: notionIdInput('database or data source'),
        filter: z
          .record(z.string(), z.unknown())
          .optional()
          .describe(
            'A Notion database filter object (https://developers.notion.com/reference/filter-data-source-entries).',
          ),
        sorts: z
          .array(Sort)
          .max(10)
          .optional()
          .describe('Sort order, first entry first: by property or timestamp.'),
        columns: z
          .array(z.string().min(1).max(200))
          .max(25)
          .optional()
          .describe(
            `Properties to show, by name; default the title and up to ${DEFAULT_COLUMNS - 1} others.`,
          ),
        page_size: z.number().int().min(1).max(100).default(25).describe('Rows per call (1–100).'),
        cursor: z
          .string()
          .max(2000)
          .optional()
          .describe('nextCursor from a previous call with the same database, filter and sorts.'),
      },
      outputSchema: {
        dataSourceId: z.string(),
        title: z.string(),
        columns: z.array(z.string()),
        rows: z.array(
          z.object({ id: z.string(), url: z.string(), properties: z.record(z.string(), z.string()) }),
        ),
        nextCursor: z.string().optional(),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ database_id, filter, sorts, columns, page_size, cursor }) =>
      runTool(async () => {
        const id = notionId(database_id);
        if (filter) checkFilter(filter);
        const position = decodeCursor<{ i: string; d: string; c: string }>(cursor);
        if (position && position.i !== id) {
          throw new UserInputError(
            'This cursor belongs to another database; query this one without a cursor.',
          );
        }
        const source = await api.resolveDataSource(position?.d ?? id);
        const names = Object.keys(source.properties);
        const titleName = names.find((name) => source.properties[name]!.type === 'title');
        let shown: string[];
        if (columns) {
          const unknown = columns.filter((c) => !names.includes(c));
          if (unknown.length > 0) {
            throw new UserInputError(
              `No property named ${unknown.map((u) => `"${u}"`).join(', ')}. Properties: ${names.join(', ')}.`,
            );
          }
          shown = columns;
        } else {
          shown = [...(titleName ? [titleName] : []), ...names.filter((n) => n !== titleName)].slice(
            0,
            DEFAULT_COLUMNS,
          );
        }
        const body: Omit<QueryDataSourceParameters, 'data_source_id' | 'filter_properties'> = {
          page_size,
          ...(filter ? { filter: filter as QueryDataSourceParameters['filter'] } : {}),
          ...(sorts ? { sorts } : {}),
          ...(position ? { start_cursor: position.c } : {}),
        };
        const response = await api.queryDataSource(source.id, body);
        const rows = response.results.filter(isFullPage).map((page) => ({
          id: page.id,
          url: page.url,
          properties: Object.fromEntries(
            shown.map((name) => [name, page.properties[name] ? propertyText(page.properties[name]) : '']),
          ),
        }));
        const nextCursor =
          response.has_more && response.next_cursor
            ? encodeCursor({ i: id, d: source.id, c: response.next_cursor })
            : undefined;
        const title = dataSourceTitle(source);
        const hidden = names.length - shown.length;
        const text = [
          `${rows.length} row(s) of "${title}" (data source ${source.id}).`,
          ...(rows.length > 0
            ? [
                markdownTable(
                  [...shown, 'Page ID'],
                  rows.map((r) => [...shown.map((n) => r.properties[n]!), r.id]),
                ),
              ]
            : []),
          ...(hidden > 0 && !columns
            ? [
                `${hidden} more ${hidden === 1 ? 'property' : 'properties'} not shown; pick them with columns.`,
              ]
            : []),
          ...(nextCursor ? [`More rows: call query_database again with cursor "${nextCursor}".`] : []),
        ].join('\n');
        return toolResult(
          { dataSourceId: source.id, title, columns: shown, rows, ...(nextCursor ? { nextCursor } : {}) },
          text,
        );
      }),
  );
}
