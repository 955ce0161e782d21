import type { BlockObjectRequest } from '@notionhq/client';
import { chunkBlocks } from './markdown/to-blocks';
import type { NotionApi } from './notion-api';
import { LIMITS } from './notion-api';

/** Children cut from a block to fit Notion's limit of 100 per array, by the block's place. */
interface Overflow {
  /** Index among the top-level blocks, then (for a grandchild array) among that block's children. */
  path: number[];
  rest: BlockObjectRequest[];
}

/** Blocks to send in requests (each within Notion's limits), and what goes under them after. */
export interface WritePlan {
  chunks: BlockObjectRequest[][];
  overflow: Overflow[];
}

type Content = { children?: BlockObjectRequest[] };

const contentOf = (block: BlockObjectRequest): [string, Content] | null => {
  const type = Object.keys(block).find((key) => key !== 'type' && key !== 'object');
  const content = type ? (block as unknown as Record<string, unknown>)[type] : undefined;
  return type && typeof content === 'object' && content !== null ? [type, content as Content] : null;
};

/** `block` with its children (and theirs) cut to 100, what was cut recorded under `path`. */
function trim(block: BlockObjectRequest, path: number[], overflow: Overflow[]): BlockObjectRequest {
  const found = contentOf(block);
  const children = found?.[1].children;
  if (!found || !children) return block;
  const kept = children.slice(0, LIMITS.children).map((child, i) => trim(child, [...path, i], overflow));
  if (children.length > LIMITS.children) overflow.push({ path, rest: children.slice(LIMITS.children) });
  return { ...block, [found[0]]: { ...found[1], children: kept } } as BlockObjectRequest;
}

/**
 * Notion takes at most 100 children in any one array of a request (a long list under a bullet,
 * a table's rows): those arrays are cut, and the rest is appended to the block once it exists.
 */
export function planWrite(blocks: BlockObjectRequest[]): WritePlan {
  const overflow: Overflow[] = [];
  const trimmed = blocks.map((block, i) => trim(block, [i], overflow));
  return { chunks: chunkBlocks(trimmed), overflow };
}

/**
 * Writes a {@link WritePlan} under a page or block, one request at a time, and counts what got
 * in, so a refusal half-way can say how much was written.
 */
export class BlockWriter {
  /** Requests sent (appends, and the lists that find a new block's children). */
  requests = 0;
  /** Top-level blocks Notion took. */
  added = 0;
  /** Notion refused children cut to fit (a long list or table is missing its end). */
  nestedFailed = false;

  constructor(private readonly api: NotionApi) {}

  /**
   * Appends the plan's chunks under `parentId`, each followed by what was cut from it. With
   * `firstSent`, the caller already sent the first chunk (with a new page) and tells its ids.
   */
  async write(parentId: string, plan: WritePlan, firstSent?: () => Promise<string[]>): Promise<string[]> {
    const ids: string[] = [];
    let offset = 0;
    for (const [i, chunk] of plan.chunks.entries()) {
      let created: () => Promise<string[]>;
      if (i === 0 && firstSent) {
        created = firstSent;
        this.added += chunk.length;
      } else {
        this.requests++;
        const response = await this.api.appendChildren(parentId, chunk);
        const newIds = response.results.map((block) => block.id);
        ids.push(...newIds);
        this.added += chunk.length;
        created = () => Promise.resolve(newIds);
      }
      await this.fill(plan.overflow, offset, chunk.length, created);
      offset += chunk.length;
    }
    return ids;
  }

  /** Appends the cut children of top-level blocks `offset…offset+count` (created as `created`). */
  private async fill(
    overflow: Overflow[],
    offset: number,
    count: number,
    created: () => Promise<string[]>,
  ): Promise<void> {
    const mine = overflow.filter(({ path }) => path[0]! >= offset && path[0]! < offset + count);
    if (mine.length === 0) return;
    const ids = await created();
    const grandchildren = new Map<string, Promise<string[]>>();
    for (const { path, rest } of mine) {
      let target = ids[path[0]! - offset]!;
      if (path.length > 1) {
        // A child of a new block: its id comes from listing that block (the first 100 were sent).
        const parent = target;
        if (!grandchildren.has(parent)) grandchildren.set(parent, this.childIds(parent));
        target = (await grandchildren.get(parent)!)[path[1]!]!;
      }
      await this.nested(target, rest);
    }
  }

  private async nested(parentId: string, blocks: BlockObjectRequest[]): Promise<void> {
    const added = this.added;
    try {
      await this.write(parentId, planWrite(blocks));
    } catch (error) {
      this.nestedFailed = true;
      throw error;
    } finally {
      // Only the outermost write counts top-level blocks.
      this.added = added;
    }
  }

  private async childIds(blockId: string): Promise<string[]> {
    this.requests++;
    return (await this.api.listChildren(blockId)).results.map((block) => block.id);
  }
}
