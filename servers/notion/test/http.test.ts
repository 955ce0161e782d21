import { describe, expect, it } from 'vitest';
import { fakeNotion, SECRET } from './fake-notion';
import { errors, IDS } from './fixtures/objects';

/** Every tool, with arguments that succeed and the request whose failures we inject. */
const TOOLS = [
  { tool: 'search', args: { query: 'plan' }, key: 'POST /v1/search' },
  { tool: 'read_page', args: { page_id: IDS.page }, key: `GET /v1/pages/${IDS.page}` },
  {
    tool: 'query_database',
    args: { database_id: IDS.dataSource },
    key: `POST /v1/data_sources/${IDS.dataSource}/query`,
  },
  { tool: 'create_page', args: { parent_id: IDS.page, title: 'T', content: 'Hello' }, key: 'POST /v1/pages' },
  {
    tool: 'append_blocks',
    args: { block_id: IDS.page, markdown: 'Hello' },
    key: `PATCH /v1/blocks/${IDS.page}/children`,
  },
] as const;

describe('tools/list', () => {
  it('offers the five tools with titles, output schemas and honest annotations', async () => {
    const { client } = await fakeNotion();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS.map((t) => t.tool)].sort());
    for (const t of tools) {
      expect(t.title).toBeTruthy();
      expect(t.outputSchema?.type).toBe('object');
      const readOnly = ['search', 'read_page', 'query_database'].includes(t.name);
      expect(t.annotations).toEqual({
        readOnlyHint: readOnly,
        destructiveHint: false,
        idempotentHint: readOnly,
        openWorldHint: true,
      });
    }
  });
});

const REJECTED = 'Notion rejected the integration secret. Open MCP Tray and enter a new one.';

describe.each(TOOLS)('$tool over HTTP', ({ tool, args, key }) => {
  it('on 401 asks MCP Tray once for the secret and retries with the new one', async () => {
    let asked = 0;
    const { fake, call } = await fakeNotion({
      token: 'secret_stale_token',
      refreshToken: () => (asked++, SECRET),
    });
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    expect(asked).toBe(1);
    const auth = fake.received.map((r) => r.headers.authorization);
    expect(auth[0]).toBe('Bearer secret_stale_token');
    expect(new Set(auth.slice(1))).toEqual(new Set([`Bearer ${SECRET}`]));
    expect(fake.requests(key).at(-1)!.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('on 401 that MCP Tray cannot fix, asks for a new secret in words', async () => {
    let asked = 0;
    const { fake, call, text } = await fakeNotion({
      token: 'secret_stale_token',
      refreshToken: () => {
        asked++;
        throw new Error('an API key cannot be refreshed');
      },
    });
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(REJECTED);
    expect(asked).toBe(1);
    expect(fake.received).toHaveLength(1);
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    const { fake, waits, call } = await fakeNotion();
    fake.failNext(key, { status: 429, headers: { 'retry-after': '2' }, body: errors.rateLimited });
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    expect(waits).toEqual([2000]);
    expect(fake.requests(key)).toHaveLength(2);
  });

  it('retries 5xx with backoff, and reports a lasting outage with Notion’s message', async () => {
    const { fake, waits, call, text } = await fakeNotion();
    fake.failNext(key, { status: 502, body: errors.internal }, 2);
    expect((await call(tool, args)).isError).toBeFalsy();
    expect(waits).toHaveLength(2);
    fake.failNext(key, { status: 500, body: errors.internal }, 4);
    const failed = await call(tool, args);
    expect(failed.isError).toBe(true);
    expect(text(failed)).toBe(
      'Notion had a server error (500); try again later. (Unexpected error occurred.)',
    );
  });
});

describe('rate limits and errors', () => {
  it('gives up in words when Notion asks to wait too long', async () => {
    const { fake, waits, call, text } = await fakeNotion();
    fake.failNext('POST /v1/search', {
      status: 429,
      headers: { 'retry-after': '120' },
      body: errors.rateLimited,
    });
    const result = await call('search', {});
    expect(text(result)).toBe('Notion is rate limiting requests; try again in 120 s.');
    expect(waits).toEqual([]);
  });

  it('passes Notion’s own message along with ours', async () => {
    const { call, text } = await fakeNotion();
    const result = await call('read_page', { page_id: IDS.subpage });
    expect(text(result)).toBe(
      'Notion found nothing there (it does not exist, or this account cannot see it). ' +
        `(Could not find page with ID: ${IDS.subpage}. Make sure the relevant pages and databases are shared with your integration.) ` +
        'If this is a database, use query_database.',
    );
  });
});

describe('input validation', () => {
  it.each([
    ['search', { page_size: 0 }, 'page_size'],
    ['search', { object: 'database' }, 'object'],
    ['read_page', { page_id: 'my page' }, 'expected the ID or the link of a Notion page'],
    ['read_page', { page_id: IDS.page, max_depth: 9 }, 'max_depth'],
    ['query_database', { database_id: IDS.dataSource, sorts: [{ direction: 'up' }] }, 'sorts'],
    ['query_database', { database_id: IDS.dataSource, filter: 'Status = Done' }, 'filter'],
    ['create_page', { parent_id: IDS.page }, 'title'],
    ['create_page', { parent_id: IDS.page, title: 'T', parent_type: 'workspace' }, 'parent_type'],
    ['append_blocks', { block_id: IDS.page, markdown: '' }, 'markdown'],
    ['append_blocks', { markdown: 'x' }, 'block_id'],
  ])('%s rejects %j, naming the field', async (tool, args, field) => {
    const { fake, call, text } = await fakeNotion();
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(text(result)).toContain(`Input validation error: Invalid arguments for tool ${tool}`);
    expect(text(result)).toContain(field);
    expect(fake.received).toHaveLength(0);
  });
});
