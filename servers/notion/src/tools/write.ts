import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { BlockObjectRequest, CreatePageParameters } from '@notionhq/client';
import * as z from 'zod';
import { ApiError } from '../../../shared/http-client';
import { runTool, toolError, toolResult, UserInputError } from '../../../shared/tool-result';
import { parentText } from '../format';
import { chunkBlocks, countBlocks, markdownToBlocks } from '../markdown/to-blocks';
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

/** Appends `chunks` one request at a time; a failure after the first says how much got in. */
async function appendChunks(
  api: NotionApi,
  blockId: string,
  chunks: BlockObjectRequest[][],
  already: { blocks: number; total: number; what: string },
): Promise<{ ids: string[]; failure: CallToolResult | null }> {
  const ids: string[] = [];
  let done = already.blocks;
  for (const chunk of chunks) {
    try {
      const response = await api.appendChildren(blockId, chunk);
      ids.push(...response.results.map((block) => block.id));
      done += chunk.length;
    } catch (error) {
      if (!(error instanceof ApiError) || done === 0) throw error;
      return {
        ids,
        failure: toolError(
          `${already.what}Added ${done} of ${already.total} top-level blocks, then Notion refused the rest: ` +
            `${error.message} Do not resend the part that was added.`,
        ),
      };
    }
  }
  return { ids, failure: null };
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
        const [first = [], ...rest] = chunkBlocks(blocks);
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
        const { failure } = await appendChunks(api, page.id, rest, {
          blocks: first.length,
          total: blocks.length,
          what: `Created the page ${url}. `,
        });
        if (failure) return failure;
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
        const chunks = chunkBlocks(blocks);
        const { ids, failure } = await appendChunks(api, blockId, chunks, {
          blocks: 0,
          total: blocks.length,
          what: '',
        });
        if (failure) return failure;
        const nested = blocks.reduce((sum, block) => sum + countBlocks(block), 0) - blocks.length;
        return toolResult(
          { blockId, blocksAdded: blocks.length, requests: chunks.length, newBlockIds: ids.slice(0, 100) },
          `Added ${blocks.length} block(s)${nested ? ` (and ${nested} nested)` : ''} to ${blockId} in ` +
            `${chunks.length} request(s).`,
        );
      }),
  );
}
