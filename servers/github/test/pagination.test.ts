import { describe, expect, it } from 'vitest';
import { connectGitHub } from './fake-github';

const where = { owner: 'octocat', repo: 'Hello-World' };

/** List tools: page one gives a cursor, the cursor gives page two, the last page none. */
const lists = [
  {
    tool: 'search_repositories',
    args: { query: 'mcp', per_page: 2 },
    route: 'GET /search/repositories',
    items: 'repositories',
    sizes: [2, 1],
  },
  {
    tool: 'list_issues',
    args: { ...where, per_page: 2 },
    route: 'GET /repos/octocat/Hello-World/issues',
    items: 'issues',
    sizes: [1, 1],
  },
  {
    tool: 'list_pull_requests',
    args: { ...where, per_page: 1 },
    route: 'GET /repos/octocat/Hello-World/pulls',
    items: 'pullRequests',
    sizes: [1, 1],
  },
  {
    tool: 'get_pull_request',
    args: { ...where, pull_number: 1347, per_page: 40 },
    route: 'GET /repos/octocat/Hello-World/pulls/1347/files',
    items: 'files',
    sizes: [40, 5],
  },
  {
    tool: 'search_code',
    args: { query: 'addClass', per_page: 1 },
    route: 'GET /search/code',
    items: 'matches',
    sizes: [1, 1],
  },
  {
    tool: 'list_notifications',
    args: { per_page: 2 },
    route: 'GET /notifications',
    items: 'notifications',
    sizes: [2, 1],
  },
];

describe.each(lists)('$tool pagination', ({ tool, args, route, items, sizes }) => {
  it('follows the Link header through an opaque cursor', async () => {
    const { fake, call, text } = await connectGitHub();
    const first = (await call(tool, args)).structuredContent as Record<string, unknown>;
    expect(first[items]).toHaveLength(sizes[0]!);
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = await call(tool, { ...args, cursor: first.nextCursor });
    const second = next.structuredContent as Record<string, unknown>;
    expect(second[items]).toHaveLength(sizes[1]!);
    expect(second.nextCursor).toBeNull();
    expect(fake.requests(route).map((r) => r.query.get('page'))).toEqual(['1', '2']);
    expect(fake.requests(route)[1]!.query.get('per_page')).toBe(String(args.per_page));
    expect(text(next)).not.toContain('More results');
  });
});

describe('get_file_contents long files', () => {
  it('returns whole lines up to about 20,000 characters and reads on from start_line', async () => {
    const { call, text } = await connectGitHub();
    const args = { ...where, path: 'src/long.ts' };
    const first = await call('get_file_contents', args);
    const page = first.structuredContent as {
      text: string;
      firstLine: number;
      lastLine: number;
      totalLines: number;
      nextStartLine: number;
    };
    expect(page).toMatchObject({ firstLine: 1, totalLines: 3000 });
    expect(page.text.length).toBeLessThanOrEqual(20_000);
    expect(page.text.split('\n')).toHaveLength(page.lastLine);
    expect(page.nextStartLine).toBe(page.lastLine + 1);
    expect(text(first)).toContain(`more: call again with start_line ${page.nextStartLine}`);

    const rest = await call('get_file_contents', { ...args, start_line: 2900 });
    expect(rest.structuredContent).toMatchObject({ firstLine: 2900, lastLine: 3000, nextStartLine: null });
    expect((rest.structuredContent as { text: string }).text.split('\n')[0]).toBe(
      'export const line2900 = 2900;',
    );

    const past = await call('get_file_contents', { ...args, start_line: 3001 });
    expect(text(past)).toBe('start_line 3001 is past the end: src/long.ts has 3000 lines.');
  });
});
