import { describe, expect, it } from 'vitest';
import { fakeNotion } from './fake-notion';
import { blockId } from './fixtures/blocks';
import { appended, database, errors, IDS } from './fixtures/objects';

const rt = (content: string, annotations?: Record<string, boolean>) => ({
  type: 'text',
  text: { content },
  ...(annotations ? { annotations } : {}),
});

const items = (n: number) => Array.from({ length: n }, (_, i) => `- item ${i}`).join('\n');

describe('create_page', () => {
  it('creates a subpage with a title and Markdown content', async () => {
    const { fake, call, text } = await fakeNotion();
    const result = await call('create_page', {
      parent_id: IDS.page,
      title: 'Retro **notes**',
      content: '## Wins\n\n- shipped\n- [ ] follow up',
    });
    const [request] = fake.requests('POST /v1/pages');
    expect(request!.body).toEqual({
      parent: { page_id: IDS.page },
      properties: { title: { title: [rt('Retro '), rt('notes', { bold: true })] } },
      children: [
        { type: 'heading_2', heading_2: { rich_text: [rt('Wins')] } },
        { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [rt('shipped')] } },
        { type: 'to_do', to_do: { rich_text: [rt('follow up')], checked: false } },
      ],
    });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(result.structuredContent).toEqual({
      id: IDS.subpage,
      url: 'https://www.notion.so/New-7d50a1845bbe4d908f296bec57ed817b',
      title: 'Retro **notes**',
      parent: 'workspace',
      blocksAdded: 3,
    });
    expect(text(result)).toContain('with 3 content block(s)');
  });

  it('adds a database row with property values converted from simple ones', async () => {
    const { fake, call } = await fakeNotion();
    const result = await call('create_page', {
      parent_id: IDS.database,
      parent_type: 'database',
      title: 'Launch',
      properties: {
        status: 'Done',
        Tags: ['infra', 'q3'],
        Due: '2025-04-01/2025-04-03',
        Estimate: '5',
        Done: true,
        Owner: [IDS.user],
        Link: { url: 'https://example.com/raw' },
      },
    });
    expect(result.isError).toBeFalsy();
    expect(fake.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/data_sources/${IDS.database}`,
      `GET /v1/databases/${IDS.database}`,
      `GET /v1/data_sources/${IDS.dataSource}`,
      'POST /v1/pages',
    ]);
    expect(fake.requests('POST /v1/pages')[0]!.body).toEqual({
      parent: { type: 'data_source_id', data_source_id: IDS.dataSource },
      properties: {
        Name: { title: [rt('Launch')] },
        Status: { status: { name: 'Done' } },
        Tags: { multi_select: [{ name: 'infra' }, { name: 'q3' }] },
        Due: { date: { start: '2025-04-01', end: '2025-04-03' } },
        Estimate: { number: 5 },
        Done: { checkbox: true },
        Owner: { people: [{ id: IDS.user }] },
        Link: { url: 'https://example.com/raw' },
      },
    });
  });

  it.each([
    [{ parent_type: 'page', properties: { Status: 'Done' } }, 'Only database rows have properties'],
    [
      { parent_type: 'database', properties: { Colour: 'red' } },
      'This database has no property "Colour". Its properties are: "Name" (title), "Status" (status)',
    ],
    [
      { parent_type: 'database', properties: { Created: '2025-01-01' } },
      '"Created" is a created_time property: Notion computes it',
    ],
    [
      { parent_type: 'database', properties: { Estimate: 'lots' } },
      '"Estimate" is a number property; "lots" is not a number.',
    ],
    [
      { parent_type: 'database', properties: { Name: 'x' } },
      'Give the page\'s title with "title", not as "Name".',
    ],
  ])('refuses %j in words, creating nothing', async (args, message) => {
    const { fake, call, text } = await fakeNotion();
    const result = await call('create_page', { parent_id: IDS.dataSource, title: 'T', ...args });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain(message);
    expect(fake.requests('POST /v1/pages')).toHaveLength(0);
  });

  it('asks which data source when a database has several', async () => {
    const { call, text } = await fakeNotion({
      routes: {
        'GET /v1/databases/:id': () => ({
          body: database([
            { id: IDS.dataSource, name: 'Tasks' },
            { id: IDS.otherDataSource, name: 'Bugs' },
          ]),
        }),
      },
    });
    const result = await call('create_page', {
      parent_id: IDS.database,
      parent_type: 'database',
      title: 'T',
    });
    expect(text(result)).toBe(
      `This database has several data sources: "Tasks" (${IDS.dataSource}), "Bugs" (${IDS.otherDataSource}). Pass the ID of the one you mean.`,
    );
  });

  it('creates a page whose table is longer than 100 rows: the rest goes under the table', async () => {
    const { fake, call, text } = await fakeNotion();
    const rows = Array.from({ length: 130 }, (_, i) => `| r${i} |`).join('\n');
    const result = await call('create_page', {
      parent_id: IDS.page,
      title: 'Big',
      content: `| h |\n| --- |\n${rows}`,
    });
    expect(result.isError, text(result)).toBeFalsy();
    const created = fake.requests('POST /v1/pages')[0]!.body as {
      children: { table: { children: unknown[] } }[];
    };
    expect(created.children[0]!.table.children).toHaveLength(100);
    expect(fake.received.map((r) => r.method)).toEqual(['POST', 'GET', 'PATCH']);
    expect(fake.received[1]!.path).toBe(`/v1/blocks/${IDS.subpage}/children`);
    const rest = fake.received[2]!.body as { children: unknown[] };
    expect(rest.children).toHaveLength(31);
    expect(JSON.stringify(rest.children[0])).toContain('r99');
    expect(result.structuredContent).toMatchObject({ blocksAdded: 1 });
  });

  it('sends long content in the create request and then in appends of 100', async () => {
    const { fake, call } = await fakeNotion();
    const result = await call('create_page', { parent_id: IDS.page, title: 'Long', content: items(230) });
    expect((fake.requests('POST /v1/pages')[0]!.body as { children: unknown[] }).children).toHaveLength(100);
    const appends = fake.requests(`PATCH /v1/blocks/${IDS.subpage}/children`);
    expect(appends.map((r) => (r.body as { children: unknown[] }).children.length)).toEqual([100, 30]);
    expect(result.structuredContent).toMatchObject({ blocksAdded: 230 });
  });
});

describe('append_blocks', () => {
  it('appends Markdown as blocks, 100 per request', async () => {
    const { fake, call, text } = await fakeNotion();
    const result = await call('append_blocks', { block_id: IDS.page, markdown: `Intro\n\n${items(249)}` });
    const requests = fake.requests(`PATCH /v1/blocks/${IDS.page}/children`);
    expect(requests.map((r) => (r.body as { children: unknown[] }).children.length)).toEqual([100, 100, 50]);
    expect((requests[0]!.body as { children: unknown[] }).children[0]).toEqual({
      type: 'paragraph',
      paragraph: { rich_text: [rt('Intro')] },
    });
    expect(requests[0]!.headers['notion-version']).toBe('2025-09-03');
    const s = result.structuredContent as { blocksAdded: number; requests: number; newBlockIds: string[] };
    expect(s).toMatchObject({ blockId: IDS.page, blocksAdded: 250, requests: 3 });
    expect(s.newBlockIds).toHaveLength(100);
    expect(text(result)).toBe(`Added 250 block(s) to ${IDS.page} in 3 request(s).`);
  });

  it('says how much was added when Notion refuses a later part', async () => {
    const key = `PATCH /v1/blocks/${IDS.page}/children`;
    let calls = 0;
    const { fake, call, text } = await fakeNotion({
      routes: {
        [key]: () =>
          ++calls === 1
            ? { body: appended([blockId(1)]) }
            : { status: 400, body: errors.validation('body failed validation') },
      },
    });
    const result = await call('append_blocks', { block_id: IDS.page, markdown: items(150) });
    expect(fake.requests(key)).toHaveLength(2);
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'Added 100 of 150 top-level blocks, then Notion refused the rest: Notion did not accept the request. ' +
        '(body failed validation) Do not resend the part that was added.',
    );
  });

  it('sends a list or table longer than 100 in parts: the rest goes under its block once it exists', async () => {
    const { fake, call, text } = await fakeNotion();
    const subItems = Array.from({ length: 150 }, (_, i) => `  - sub ${i}`).join('\n');
    const rows = Array.from({ length: 249 }, (_, i) => `| r${i} | ${i} |`).join('\n');
    const markdown = `- parent\n${subItems}\n\n| name | n |\n| --- | --- |\n${rows}`;
    const result = await call('append_blocks', { block_id: IDS.page, markdown });
    expect(result.isError, text(result)).toBeFalsy();
    type Body = { children: { type: string; [key: string]: unknown }[] };
    const sent = fake.received
      .filter((r) => r.method === 'PATCH')
      .map((r) => ({ to: r.path.split('/')[3]!, body: r.body as Body }));
    expect(sent.map((s) => s.body.children.length)).toEqual([2, 50, 100, 50]);
    const [first, ...rest] = sent;
    expect(first!.to).toBe(IDS.page);
    const inner = (i: number) => first!.body.children[i]![first!.body.children[i]!.type] as Body;
    expect(inner(0).children).toHaveLength(100);
    expect(inner(1).children).toHaveLength(100);
    // Every later part went under the block it belongs to, in order, and nothing twice.
    const [bullet, table] = [rest[0]!.to, rest[1]!.to];
    expect(rest.map((s) => s.to)).toEqual([bullet, table, table]);
    expect(bullet).not.toBe(table);
    expect(JSON.stringify(rest[0]!.body.children[0])).toContain('sub 100');
    expect(JSON.stringify(rest[1]!.body.children[0])).toContain('r99');
    expect(JSON.stringify(rest[2]!.body.children.at(-1))).toContain('r248');
    expect(text(result)).toBe(`Added 2 block(s) (and 400 nested) to ${IDS.page} in 4 request(s).`);
  });

  it('finds a nested block by listing its parent when its own list is too long', async () => {
    const { fake, call, text } = await fakeNotion();
    const deep = Array.from({ length: 120 }, (_, i) => `    - leaf ${i}`).join('\n');
    const result = await call('append_blocks', { block_id: IDS.page, markdown: `- a\n  - b\n${deep}` });
    expect(result.isError, text(result)).toBeFalsy();
    const calls = fake.received.map((r) => `${r.method} ${r.path.split('/')[3]}`);
    const [, a] = calls[1]!.split(' ');
    expect(calls[0]).toBe(`PATCH ${IDS.page}`);
    expect(calls[1]).toMatch(/^GET /);
    expect(calls).toHaveLength(3);
    expect(calls[2]).toMatch(/^PATCH /);
    expect(calls[2]).not.toBe(`PATCH ${a}`);
    const last = fake.received[2]!.body as { children: unknown[] };
    expect(last.children).toHaveLength(20);
    expect(JSON.stringify(last.children[0])).toContain('leaf 100');
  });

  it('says when the end of a long list is what Notion refused', async () => {
    let calls = 0;
    const { call, text } = await fakeNotion({
      routes: {
        'PATCH /v1/blocks/:id/children': () =>
          ++calls === 1
            ? { body: appended([blockId(1)]) }
            : { status: 400, body: errors.validation('body failed validation') },
      },
    });
    const result = await call('append_blocks', {
      block_id: IDS.page,
      markdown: `- parent\n${items(130).replace(/^/gm, '  ')}`,
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'Added 1 of 1 top-level blocks (the last of them without the end of a long list or table), then ' +
        'Notion refused the rest: Notion did not accept the request. (body failed validation) Do not ' +
        'resend the part that was added.',
    );
  });

  it('refuses Markdown with nothing in it', async () => {
    const { fake, call, text } = await fakeNotion();
    const result = await call('append_blocks', { block_id: IDS.page, markdown: '\n  \n' });
    expect(text(result)).toBe('The Markdown has no content to add.');
    expect(fake.received).toHaveLength(0);
  });
});
