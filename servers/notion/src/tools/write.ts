import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CreatePageParameters } from '@notionhq/client';
import * as z from 'zod';
import { ApiError } from '../../../shared/http-client';
import { runTool, toolError, toolResult, UserInputError } from '../../../shared/tool-result';
import { parentText } from '../format';
import { BlockWriter, planWrite } from '../block-writer';
import { countBlocks, markdownToBlocks } from '../markdown/to-blocks';
import { markdownToRichText } from '../markdown/inline';
import type { NotionApi } from '../notion-api';
import { isFullPage } from '../notion-api';
import { notionId, notionIdInput } from '../notion-id';
import { buildProperties } from '../properties';

const MARKDOWN_HELP =
  'Markdown: # headings, paragraphs, - bullets, 1. numbered items, - [ ] to-dos (nest by indenting two ' +
  'spaces), ``` code fences ```, > quotes, --- dividers, | tables |, ![alt](https://image), and inline ' +
  '**bold**, *italic*, ~~strike~~, `code`, [links](https://…).';

const PropertyValueInput = z
  .union([
    z.string().max(2000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.string().max(2000)).max(100),
    z.record(z.string(), z.unknown()),
  ])
  .describe('A simple value, or Notion property-value JSON such as {"select": {"name": "Done"}}.');

/**
 * What a write that Notion refused part-way says: how much got in, so nothing is sent twice.
 * A refusal before anything was written is the tool's error as it is.
 */
function partialWrite(error: unknown, writer: BlockWriter, total: number, what: string): CallToolResult {
  if (!(error instanceof ApiError) || (writer.added === 0 && !what)) throw error;
  const missing = writer.nestedFailed ? ' (the last of them without the end of a long list or table)' : '';
  return toolError(
    `${what}Added ${writer.added} of ${total} top-level blocks${missing}, then Notion refused the rest: ` +
      `${error.message} Do not resend the part that was added.`,
  );
}

/** `create_page` and `append_blocks`: writing Markdown into Notion. */
export function registerWriteTools(server: McpServer, api: NotionApi): void {
  server.registerTool(
    'create_page',
    {
      title: 'Create a Notion page',
      description:
        'Creates a Notion page: a subpage of a page (parent_type "page"), or a new row of a database ' +
        '(parent_type "database", with a database or data source ID and optional property values by name). ' +
        `The content is ${MARKDOWN_HELP} The integration must have access to the parent.`,
      inputSchema: {
        parent_id: notionIdInput('parent page, database or data source'),
        parent_type: z
          .enum(['page', 'database'])
          .default('page')
          .describe('"page": a subpage of parent_id. "database": a row of that database or data source.'),
        title: z.string().min(1).max(2000).describe('The page title (inline Markdown allowed).'),
        properties: z
          .record(z.string().max(200), PropertyValueInput)
          .optional()
          .describe(
            'For database rows: property values by property name, e.g. {"Status": "Done", "Tags": ["a", "b"], ' +
              '"Due": "2025-03-01", "Estimate": 3, "Done": true}.',
          ),
        content: z.string().max(100_000).optional().describe(`The page body as ${MARKDOWN_HELP}`),
      },
      outputSchema: {
        id: z.string(),
        url: z.string(),
        title: z.string(),
        parent: z.string(),
        blocksAdded: z.number().describe('Top-level content blocks written.'),
      },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    ({ parent_id, parent_type, title, properties, content }) =>
      runTool(async () => {
        const parentId = notionId(parent_id);
        const blocks = content ? markdownToBlocks(content) : [];
        const plan = planWrite(blocks);
        const first = plan.chunks[0] ?? [];
        let body: CreatePageParameters;
        if (parent_type === 'page') {
          if (properties && Object.keys(properties).length > 0) {
            throw new UserInputError(
              'Only database rows have properties; a subpage has just a title and content.',
            );
          }
          body = {
            parent: { page_id: parentId },
            properties: { title: { title: markdownToRichText(title) } },
          };
        } else {
          const source = await api.resolveDataSource(parentId);
          body = {
            parent: { type: 'data_source_id', data_source_id: source.id },
            properties: buildProperties(source, title, properties ?? {}),
          };
        }
        if (first.length > 0) body.children = first;
        const page = await api.createPage(body);
        const url = isFullPage(page) ? page.url : `https://www.notion.so/${page.id.replace(/-/g, '')}`;
        const parent = isFullPage(page) ? parentText(page.parent) : `${parent_type} ${parentId}`;
        // The first blocks went with the page; their ids are needed only for children cut to fit.
        const writer = new BlockWriter(api);
        const sent = async () => {
          writer.requests++;
          return (await api.listChildren(page.id)).results.map((block) => block.id);
        };
        try {
          await writer.write(page.id, plan, first.length > 0 ? sent : undefined);
        } catch (error) {
          return partialWrite(error, writer, blocks.length, `Created the page ${url}. `);
        }
        return toolResult(
          { id: page.id, url, title, parent, blocksAdded: blocks.length },
          `Created "${title}" (page ${page.id}) in ${parent} with ${blocks.length} content block(s): ${url}`,
        );
      }),
  );

  server.registerTool(
    'append_blocks',
    {
      title: 'Add content to a Notion page',
      description:
        'Appends content to the end of a Notion page, or inside a block (under a list item or toggle). ' +
        `The content is ${MARKDOWN_HELP} Long content is sent in several requests (Notion takes 100 blocks ` +
        'at a time). Nothing existing is changed.',
      inputSchema: {
        block_id: notionIdInput('page or block'),
        markdown: z.string().min(1).max(100_000).describe(`What to add, as ${MARKDOWN_HELP}`),
      },
      outputSchema: {
        blockId: z.string(),
        blocksAdded: z.number().describe('Top-level blocks appended.'),
        requests: z.number(),
        newBlockIds: z.array(z.string()).describe('IDs of the appended top-level blocks (the first 100).'),
      },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    ({ block_id, markdown }) =>
      runTool(async () => {
        const blockId = notionId(block_id);
        const blocks = markdownToBlocks(markdown);
        if (blocks.length === 0) throw new UserInputError('The Markdown has no content to add.');
        const writer = new BlockWriter(api);
        let ids: string[];
        try {
          ids = await writer.write(blockId, planWrite(blocks));
        } catch (error) {
          return partialWrite(error, writer, blocks.length, '');
        }
        const nested = blocks.reduce((sum, block) => sum + countBlocks(block), 0) - blocks.length;
        const { requests } = writer;
        return toolResult(
          { blockId, blocksAdded: blocks.length, requests, newBlockIds: ids.slice(0, 100) },
          `Added ${blocks.length} block(s)${nested ? ` (and ${nested} nested)` : ''} to ${blockId} in ` +
            `${requests} request(s).`,
        );
      }),
  );
}
