import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../../../shared/cursor';
import { ApiError } from '../../../shared/http-client';
import { runTool, toolResult, trimText, UserInputError } from '../../../shared/tool-result';
import { BlockTreeReader } from '../block-tree';
import { pageTitle, parentText, propertyText, shortTime } from '../format';
import type { NotionApi } from '../notion-api';
import { isFullPage } from '../notion-api';
import { notionId, notionIdInput } from '../notion-id';

/** Markdown per call: leaves room under the tool-result cap for the header and properties. */
const MAX_CHARS = 20_000;

/** `read_page`: a page's properties and content as Markdown. */
export function registerReadPage(server: McpServer, api: NotionApi): void {
  server.registerTool(
    'read_page',
    {
      title: 'Read a Notion page',
      description:
        'Reads a Notion page: its properties and its content as Markdown (headings, lists, to-dos, code, ' +
        'quotes, callouts, toggles as "▸", tables, links to subpages, databases, images and files). Nested ' +
        'blocks are read down to max_depth. A long page comes back in parts: pass nextCursor to read on. ' +
        'Subpages and databases appear as links whose IDs work with read_page and query_database.',
      inputSchema: {
        page_id: notionIdInput('page'),
        max_depth: z
          .number()
          .int()
          .min(0)
          .max(5)
          .default(3)
          .describe(
            'Levels of nested blocks (list items under list items, toggle contents) to read; 0 = none.',
          ),
        max_blocks: z
          .number()
          .int()
          .min(10)
          .max(1000)
          .default(300)
          .describe('Blocks to read in this call, nested ones included; the rest comes with nextCursor.'),
        cursor: z
          .string()
          .max(2000)
          .optional()
          .describe('nextCursor from a previous read_page call on the same page, to read on.'),
      },
      outputSchema: {
        id: z.string(),
        title: z.string(),
        url: z.string(),
        parent: z.string(),
        lastEdited: z.string(),
        properties: z
          .record(z.string(), z.string())
          .describe('Non-empty properties besides the title, as text.'),
        markdown: z.string(),
        blocksRead: z.number(),
        nextCursor: z.string().optional(),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ page_id, max_depth, max_blocks, cursor }) =>
      runTool(async () => {
        const id = notionId(page_id);
        const position = decodeCursor<{ p: string; b: string; s: number }>(cursor);
        if (position && position.p !== id) {
          throw new UserInputError(
            'This cursor belongs to another page; read this page without a cursor first.',
          );
        }
        const page = await api.getPage(id).catch((error: unknown) => {
          // Database links look just like page links.
          if (error instanceof ApiError && error.status === 404) {
            throw new UserInputError(`${error.message} If this is a database, use query_database.`);
          }
          throw error;
        });
        if (!isFullPage(page)) throw new UserInputError('The integration cannot read this page’s details.');
        const reader = new BlockTreeReader(api, {
          maxDepth: max_depth,
          maxBlocks: max_blocks,
          maxChars: MAX_CHARS,
        });
        const read = await reader.read(
          id,
          position ? { batch: position.b, skip: position.s } : { batch: '', skip: 0 },
        );

        const title = pageTitle(page);
        const properties: Record<string, string> = {};
        for (const [name, value] of Object.entries(page.properties)) {
          const text = value.type === 'title' ? '' : propertyText(value);
          // Long relation lists and texts would crowd out the content.
          if (text) properties[name] = text.length > 500 ? `${text.slice(0, 499)}…` : text;
        }
        const markdown = trimText(read.markdown, MAX_CHARS);
        const nextCursor = read.next
          ? encodeCursor({ p: id, b: read.next.batch, s: read.next.skip })
          : undefined;
        const parent = parentText(page.parent);
        const text = [
          `# ${title}`,
          `Page ${page.id} · in ${parent} · edited ${shortTime(page.last_edited_time)} · ${page.url}`,
          ...Object.entries(properties).map(([name, value]) => `- **${name}**: ${value}`),
          '',
          ...(position ? ['(Continued from the previous part.)', ''] : []),
          markdown || '(This page has no content.)',
          ...(nextCursor
            ? ['', `(More content follows: call read_page again with cursor "${nextCursor}".)`]
            : []),
        ].join('\n');
        return toolResult(
          {
            id: page.id,
            title,
            url: page.url,
            parent,
            lastEdited: page.last_edited_time,
            properties,
            markdown,
            blocksRead: read.blocksRead,
            ...(nextCursor ? { nextCursor } : {}),
          },
          text,
        );
      }),
  );
}
