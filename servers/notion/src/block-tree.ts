import type { BlockObjectResponse, ListBlockChildrenResponse } from '@notionhq/client';
import type { BlockNode } from './markdown/from-blocks';
import { renderBlocks } from './markdown/from-blocks';
import type { NotionApi } from './notion-api';

/** Where reading a page's top-level blocks stopped: a Notion page of children, and how far into it. */
export interface ReadPosition {
  /** Notion's `start_cursor` of the batch holding the next block; '' for the first batch. */
  batch: string;
  /** Blocks of that batch already shown. */
  skip: number;
}

export interface ReadLimits {
  /** Levels of nesting loaded below the top-level blocks. */
  maxDepth: number;
  /** Blocks fetched in all, nested ones included. */
  maxBlocks: number;
  /** Markdown characters; reading stops at the top-level block that would pass it. */
  maxChars: number;
}

export interface ReadResult {
  nodes: BlockNode[];
  markdown: string;
  blocksRead: number;
  /** Where to continue, or null when the page was read to the end. */
  next: ReadPosition | null;
}

const isFull = (block: ListBlockChildrenResponse['results'][number]): block is BlockObjectResponse =>
  'type' in block;

/** Children of these are other pages and databases, read on their own. */
const OPAQUE = new Set(['child_page', 'child_database']);
/** Pure layout: their children are their content, at no extra depth. */
const LAYOUT = new Set(['column_list', 'column', 'synced_block', 'table', 'tab']);

/**
 * Reads a page's block tree: top-level blocks from `position`, nested children down to
 * `maxDepth`, Notion's pagination followed, within a budget of blocks and characters so a huge
 * page comes back in parts (the position of the next part is returned).
 */
export class BlockTreeReader {
  private used = 0;

  constructor(
    private readonly api: NotionApi,
    private readonly limits: ReadLimits,
  ) {}

  async read(pageId: string, position: ReadPosition): Promise<ReadResult> {
    const nodes: BlockNode[] = [];
    let chars = 0;
    let batch = position.batch;
    let skip = position.skip;
    for (;;) {
      const page = await this.api.listChildren(pageId, batch || undefined);
      for (const [index, block] of page.results.entries()) {
        if (index < skip) continue;
        if (nodes.length > 0 && (chars >= this.limits.maxChars || this.used >= this.limits.maxBlocks)) {
          return this.result(nodes, { batch, skip: index });
        }
        this.used++;
        if (!isFull(block)) continue;
        const node = await this.node(block, 1);
        nodes.push(node);
        chars += renderBlocks([node]).length + 2;
      }
      if (!page.has_more || !page.next_cursor) return this.result(nodes, null);
      if (chars >= this.limits.maxChars || this.used >= this.limits.maxBlocks) {
        return this.result(nodes, { batch: page.next_cursor, skip: 0 });
      }
      batch = page.next_cursor;
      skip = 0;
    }
  }

  private result(nodes: BlockNode[], next: ReadPosition | null): ReadResult {
    return { nodes, markdown: renderBlocks(nodes), blocksRead: this.used, next };
  }

  private async node(block: BlockObjectResponse, depth: number): Promise<BlockNode> {
    if (!block.has_children || OPAQUE.has(block.type)) return { block, children: [] };
    const layout = LAYOUT.has(block.type);
    if (!layout && depth > this.limits.maxDepth) return { block, children: [], omitted: 'depth' };
    const children: BlockNode[] = [];
    let cursor: string | undefined;
    do {
      if (this.used >= this.limits.maxBlocks) return { block, children, omitted: 'budget' };
      const page = await this.api.listChildren(block.id, cursor);
      this.used += page.results.length;
      for (const child of page.results) {
        if (isFull(child)) children.push(await this.node(child, layout ? depth : depth + 1));
      }
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
    } while (cursor);
    return { block, children };
  }
}
