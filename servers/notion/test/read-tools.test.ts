import { describe, expect, it } from 'vitest';
import { NOTION_VERSION } from '../src/notion-api';
import { BATCH_CURSOR, fakeNotion, SECRET } from './fake-notion';
import { blockId, pageBlocks } from './fixtures/blocks';
import { IDS } from './fixtures/objects';

describe('search', () => {
  it('searches titles with Notion’s body, headers and filter, and returns a cursor', async () => {
    const { fake, call, text } = await fakeNotion();
    const result = await call('search', { query: 'plan', object: 'page', page_size: 5 });
    const [request] = fake.requests('POST /v1/search');
    expect(request!.body).toEqual({
      query: 'plan',
      page_size: 5,
      filter: { property: 'object', value: 'page' },
    });
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${SECRET}`,
      'notion-version': NOTION_VERSION,
      'content-type': 'application/json',
    });
    const structured = result.structuredContent as {
      results: Array<{ id: string; object: string; title: string }>;
      nextCursor: string;
    };
    expect(structured.results).toEqual([
      expect.objectContaining({ id: IDS.page, object: 'page', title: 'Project plan', parent: 'workspace' }),
      expect.objectContaining({
        id: IDS.dataSource,
        object: 'data_source',
        title: 'Tasks',
        parent: `database ${IDS.database}`,
      }),
    ]);
    expect(text(result)).toContain(
      '📄 Project plan · page 59833787-2cf9-4fdf-8782-e53db20768a5 · in workspace',
    );
    expect(text(result)).toContain('🗃️ Tasks · database (data source) 248104cd');
    expect(text(result)).toContain(`cursor "${structured.nextCursor}"`);
  });

  it('follows the cursor, and lists recent edits for an empty query', async () => {
    const { fake, call } = await fakeNotion();
    const first = await call('search', {});
    expect(fake.requests('POST /v1/search')[0]!.body).toEqual({
      page_size: 20,
      sort: { timestamp: 'last_edited_time', direction: 'descending' },
    });
    const cursor = (first.structuredContent as { nextCursor: string }).nextCursor;
    const second = await call('search', { cursor });
    expect(fake.requests('POST /v1/search')[1]!.body).toMatchObject({
      start_cursor: 'e6c6f5ff-c70e-4bcc-9ee4-cd5a6c3f2c4d',
    });
    expect(second.structuredContent).toEqual({
      results: [{ id: IDS.subpage, object: 'page', title: '(no access to details)' }],
    });
    const mixed = await call('search', { query: 'other', cursor });
    expect(mixed.isError).toBe(true);
  });
});

describe('read_page', () => {
  it('reads properties and the whole block tree as Markdown, following Notion’s pagination', async () => {
    const { fake, call, text } = await fakeNotion();
    const link = `https://www.notion.so/acme/Project-plan-${IDS.page.replace(/-/g, '')}`;
    const result = await call('read_page', { page_id: link });
    expect(result.isError).toBeFalsy();
    expect(fake.requests(`GET /v1/pages/${IDS.page}`)).toHaveLength(1);
    const batches = fake.requests(`GET /v1/blocks/${IDS.page}/children`);
    expect(batches.map((r) => [r.query.get('page_size'), r.query.get('start_cursor')])).toEqual([
      ['100', null],
      ['100', BATCH_CURSOR],
    ]);
    // Nested bullets and toggle and table contents; never the child page or database.
    const fetched = fake.received
      .filter((r) => r.path.startsWith('/v1/blocks/'))
      .map((r) => r.path.split('/')[3]);
    expect(new Set(fetched)).toEqual(new Set([IDS.page, blockId(3), blockId(20), blockId(13), blockId(16)]));
    const body = text(result);
    expect(body).toMatch(
      /^# Project plan\nPage 59833787-2cf9-4fdf-8782-e53db20768a5 · in workspace · edited 2025-03-01 12:30 UTC/,
    );
    expect(body).toContain('Ship **fast** and *well*, see [the spec](https://example.com/spec)');
    expect(body).toContain('- First\n  - Nested\n    - Deeper\n- Second\n1. Plan\n2. Build');
    expect(body).toContain('▸ Details\n  Hidden text');
    expect(body).toContain('| Ada | a\\|b |');
    expect(result.structuredContent).toMatchObject({ id: IDS.page, title: 'Project plan', blocksRead: 23 });
    expect((result.structuredContent as { nextCursor?: string }).nextCursor).toBeUndefined();
  });

  it('stops at max_depth and says so', async () => {
    const { fake, call, text } = await fakeNotion();
    const result = await call('read_page', { page_id: IDS.page, max_depth: 1 });
    expect(fake.requests(`GET /v1/blocks/${blockId(20)}/children`)).toHaveLength(0);
    expect(text(result)).toContain(
      '- First\n  - Nested\n    … (nested content not shown; read again with a larger max_depth)',
    );
  });

  it('returns a long page in parts that continue where the last stopped', async () => {
    const { call } = await fakeNotion();
    const seen: string[] = [];
    let cursor: string | undefined;
    let parts = 0;
    do {
      const result = await call('read_page', {
        page_id: IDS.page,
        max_blocks: 10,
        ...(cursor ? { cursor } : {}),
      });
      const s = result.structuredContent as { markdown: string; nextCursor?: string };
      seen.push(s.markdown);
      cursor = s.nextCursor;
      parts++;
    } while (cursor && parts < 10);
    expect(parts).toBeGreaterThan(1);
    const all = seen.join('\n\n');
    for (const marker of ['# Goals', '- Second', '> ⚠️ Deadline', '📄 [Meeting notes]', '| Owner | Task |']) {
      expect(all.split(marker)).toHaveLength(2);
    }
    expect(pageBlocks).toHaveLength(18);
  });

  it('rejects a cursor from another page', async () => {
    const { call, text } = await fakeNotion();
    const first = await call('read_page', { page_id: IDS.page, max_blocks: 10 });
    const cursor = (first.structuredContent as { nextCursor: string }).nextCursor;
    const other = await call('read_page', { page_id: IDS.subpage, cursor });
    expect(text(other)).toBe('This cursor belongs to another page; read this page without a cursor first.');
  });
});

describe('query_database', () => {
  it('queries a data source with filter and sorts, as a table', async () => {
    const { fake, call, text } = await fakeNotion();
    const filter = {
      and: [
        { property: 'Status', status: { equals: 'Done' } },
        { timestamp: 'created_time', created_time: { past_week: {} } },
      ],
    };
    const result = await call('query_database', {
      database_id: IDS.dataSource,
      filter,
      sorts: [{ property: 'Due' }, { timestamp: 'last_edited_time' }],
      page_size: 2,
    });
    expect(fake.requests(`GET /v1/data_sources/${IDS.dataSource}`)).toHaveLength(1);
    const [query] = fake.requests(`POST /v1/data_sources/${IDS.dataSource}/query`);
    expect(query!.body).toEqual({
      page_size: 2,
      filter,
      sorts: [
        { property: 'Due', direction: 'ascending' },
        { timestamp: 'last_edited_time', direction: 'descending' },
      ],
    });
    expect(query!.headers['notion-version']).toBe(NOTION_VERSION);
    const body = text(result);
    expect(body).toContain('2 row(s) of "Tasks"');
    expect(body).toContain('| Name | Status | Tags | Due | Estimate | Done | Owner | Link | Page ID |');
    expect(body).toContain(
      '| Ship v2 | Done | infra, q2 | 2025-04-01 | 3 | yes | Ada Lovelace | https://example.com/spec | 1a2b3c4d',
    );
    expect(body).toContain('1 more property not shown');
    const s = result.structuredContent as {
      rows: Array<{ id: string; properties: Record<string, string> }>;
      nextCursor: string;
    };
    expect(s.rows[1]).toMatchObject({
      id: IDS.row2,
      properties: { Name: 'Write docs', Due: '', Done: 'no' },
    });
    expect(s.nextCursor).toBeTruthy();
  });

  it('accepts a database link, finds its data source, and pages on with the cursor', async () => {
    const { fake, call, text } = await fakeNotion();
    const link = `https://www.notion.so/acme/${IDS.database.replace(/-/g, '')}?v=248104cd477e80bb928f000ce197ddf2`;
    const first = await call('query_database', { database_id: link, columns: ['Name', 'Status'] });
    expect(fake.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/data_sources/${IDS.database}`,
      `GET /v1/databases/${IDS.database}`,
      `GET /v1/data_sources/${IDS.dataSource}`,
      `POST /v1/data_sources/${IDS.dataSource}/query`,
    ]);
    const cursor = (first.structuredContent as { nextCursor: string }).nextCursor;
    const second = await call('query_database', {
      database_id: IDS.database,
      columns: ['Name', 'Status'],
      cursor,
    });
    expect(fake.requests(`POST /v1/data_sources/${IDS.dataSource}/query`)[1]!.body).toMatchObject({
      start_cursor: '1a2b3c4d-0000-4000-8000-000000000003',
    });
    expect(text(second)).toContain('| Fix \\| pipes | Done |');
    expect((second.structuredContent as { nextCursor?: string }).nextCursor).toBeUndefined();
    const wrong = await call('query_database', { database_id: IDS.page, cursor });
    expect(text(wrong)).toContain('This cursor belongs to another database');
  });

  it.each([
    [{ foo: 1 }, 'filter needs "property" and a condition'],
    [{ property: 'Status' }, 'filter on "Status" needs exactly one condition'],
    [{ and: [] }, 'filter.and must be a list of 1 to 100 filters.'],
    [{ or: [{ property: 'A', select: 'x' }] }, 'filter.or[0] on "A" needs exactly one condition'],
    [{ timestamp: 'edited' }, 'filter filters on a timestamp like'],
  ])('explains a malformed filter %j before calling Notion', async (filter, message) => {
    const { fake, call, text } = await fakeNotion();
    const result = await call('query_database', { database_id: IDS.dataSource, filter });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain(message);
    expect(fake.received).toHaveLength(0);
  });

  it('names the properties when a column does not exist', async () => {
    const { call, text } = await fakeNotion();
    const result = await call('query_database', { database_id: IDS.dataSource, columns: ['Nope'] });
    expect(text(result)).toBe(
      'No property named "Nope". Properties: Name, Status, Tags, Due, Estimate, Done, Owner, Link, Created.',
    );
  });
});
