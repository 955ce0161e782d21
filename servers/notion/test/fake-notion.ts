import type { BlockObjectResponse } from '@notionhq/client';
import type { TestClientOptions } from '../../shared/test/connect';
import { connectTestClient, recordingSleep } from '../../shared/test/connect';
import type { Route } from '../../shared/test/fake-api';
import { FakeApi } from '../../shared/test/fake-api';
import { ChannelTokenSource } from '../../shared/token-source';
import { createServer } from '../src/create-server';
import {
  blockId,
  children,
  firstChildren,
  nestedChildren,
  pageBlocks,
  tableRows,
  toggleChildren,
} from './fixtures/blocks';
import {
  appended,
  database,
  dataSource,
  errors,
  IDS,
  page,
  queryFirst,
  queryLast,
  searchFirst,
  searchLast,
} from './fixtures/objects';

export const SECRET = 'secret_good_integration_token';

/** The page's top-level blocks come in two batches, to exercise Notion's pagination. */
const FIRST_BATCH = 10;
export const BATCH_CURSOR = blockId(11);

const childrenOf: Record<string, BlockObjectResponse[]> = {
  [blockId(3)]: firstChildren,
  [blockId(20)]: nestedChildren,
  [blockId(13)]: toggleChildren,
  [blockId(16)]: tableRows,
};

type Sent = Record<string, unknown>;

/** The nested `children` of a block as sent (`{ type, [type]: { …, children } }`). */
const childrenIn = (block: Sent): Sent[] | undefined =>
  (block[block.type as string] as { children?: Sent[] } | undefined)?.children;

/**
 * What Notion says about `children` it refuses: more than 100 in one array, or nested deeper
 * than two levels in one request (https://developers.notion.com/reference/request-limits).
 */
function refusal(blocks: Sent[], path = 'body.children', depth = 0): string | null {
  if (blocks.length > 100) return `${path}.length should be ≤ \`100\`, instead was \`${blocks.length}\`.`;
  for (const [i, block] of blocks.entries()) {
    const nested = childrenIn(block);
    if (!nested) continue;
    if (depth >= 2) return `${path}[${i}] has children nested more than two levels deep.`;
    const found = refusal(nested, `${path}[${i}].${String(block.type)}.children`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * A fake Notion API (the endpoints the tools use, answering with the typed fixtures) and a
 * test client connected to the server. `token` is what the server starts with; `routes`
 * replace the defaults.
 */
export async function fakeNotion(
  options: TestClientOptions & { token?: string; routes?: Record<string, Route> } = {},
) {
  const fake = await new FakeApi().start();
  fake.tokens.add(SECRET);
  // A test's own routes come first: the fake answers with the first that matches.
  for (const [key, route] of Object.entries(options.routes ?? {})) fake.on(key, route);
  let created = 0;
  // Blocks written through the fake, by parent: a new block's children can be listed.
  const written = new Map<string, string[]>();
  const write = (parent: string, blocks: Sent[]): string[] =>
    blocks.map((block) => {
      const id = blockId(1000 + created++);
      written.set(parent, [...(written.get(parent) ?? []), id]);
      write(id, childrenIn(block) ?? []);
      return id;
    });
  fake
    .on('POST /v1/search', (r) => ({
      body: (r.body as { start_cursor?: string }).start_cursor ? searchLast : searchFirst,
    }))
    .on('GET /v1/pages/:id', (r) =>
      r.path.endsWith(IDS.page)
        ? { body: page }
        : { status: 404, body: errors.notFound('page', r.path.split('/').pop()!) },
    )
    .on('GET /v1/blocks/:id/children', (r) => {
      const id = r.path.split('/')[3]!;
      const ours = written.get(id);
      if (ours && id !== IDS.page)
        return { body: children(ours.map((child) => ({ object: 'block', id: child }) as never)) };
      if (id !== IDS.page) return { body: children(childrenOf[id] ?? []) };
      return r.query.get('start_cursor') === BATCH_CURSOR
        ? { body: children(pageBlocks.slice(FIRST_BATCH)) }
        : { body: children(pageBlocks.slice(0, FIRST_BATCH), BATCH_CURSOR) };
    })
    .on('PATCH /v1/blocks/:id/children', (r) => {
      const sent = (r.body as { children: Sent[] }).children;
      const refused = refusal(sent);
      if (refused) return { status: 400, body: errors.validation(refused) };
      return { body: appended(write(r.path.split('/')[3]!, sent)) };
    })
    .on('POST /v1/pages', (r) => {
      const sent = (r.body as { children?: Sent[] }).children ?? [];
      const refused = refusal(sent);
      if (refused) return { status: 400, body: errors.validation(refused) };
      write(IDS.subpage, sent);
      return {
        body: { ...page, id: IDS.subpage, url: 'https://www.notion.so/New-7d50a1845bbe4d908f296bec57ed817b' },
      };
    })
    .on('GET /v1/databases/:id', () => ({ body: database([{ id: IDS.dataSource, name: 'Tasks' }]) }))
    .on('GET /v1/data_sources/:id', (r) => {
      const id = r.path.split('/').pop()!;
      return id === IDS.dataSource
        ? { body: dataSource }
        : { status: 404, body: errors.notFound('data_source', id) };
    })
    .on('POST /v1/data_sources/:id/query', (r) => ({
      body: (r.body as { start_cursor?: string }).start_cursor ? queryLast : queryFirst,
    }));
  const { waits, sleep } = recordingSleep();
  const server = createServer({
    apiUrl: fake.url,
    token: (mcp) => new ChannelTokenSource(mcp, options.token ?? SECRET),
    sleep,
  });
  const client = await connectTestClient(server, options);
  return { fake, waits, ...client };
}
