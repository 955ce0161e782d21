import { describe, expect, it } from 'vitest';
import { TOKEN, connectGitHub } from './fake-github';
import { secondaryRateLimited, rateLimited } from './fixtures/repos';
import { validationFailed } from './fixtures/issues';

const where = { owner: 'octocat', repo: 'Hello-World' };
const REPO = 'GET /repos/octocat/Hello-World';

/** Every tool: a call that works, the request it makes first, and input the schema refuses. */
const tools: Array<{
  tool: string;
  args: Record<string, unknown>;
  route: string;
  bad: Record<string, unknown>;
  says: string;
}> = [
  {
    tool: 'search_repositories',
    args: { query: 'mcp' },
    route: 'GET /search/repositories',
    bad: { query: '' },
    says: 'query',
  },
  {
    tool: 'get_repository',
    args: where,
    route: REPO,
    bad: { owner: 'octo cat', repo: 'x' },
    says: 'owner must be a GitHub user or organization name',
  },
  {
    tool: 'list_issues',
    args: where,
    route: `${REPO}/issues`,
    bad: { ...where, state: 'closed-ish' },
    says: 'state',
  },
  {
    tool: 'get_issue',
    args: { ...where, issue_number: 1349 },
    route: `${REPO}/issues/1349`,
    bad: { ...where, issue_number: -1 },
    says: 'the number must be a positive whole number',
  },
  {
    tool: 'create_issue',
    args: { ...where, title: 'Found a bug' },
    route: 'POST /repos/octocat/Hello-World/issues',
    bad: { ...where, title: '   ' },
    says: 'title must not be empty',
  },
  {
    tool: 'add_issue_comment',
    args: { ...where, issue_number: 1349, body: 'Me too' },
    route: 'POST /repos/octocat/Hello-World/issues/1349/comments',
    bad: { ...where, issue_number: 1349 },
    says: 'body',
  },
  {
    tool: 'list_pull_requests',
    args: where,
    route: `${REPO}/pulls`,
    bad: { ...where, per_page: 500 },
    says: 'per_page',
  },
  {
    tool: 'get_pull_request',
    args: { ...where, pull_number: 1347 },
    route: `${REPO}/pulls/1347`,
    bad: { ...where, pull_number: 1.5 },
    says: 'pull_number',
  },
  {
    tool: 'search_code',
    args: { query: 'addClass' },
    route: 'GET /search/code',
    bad: { query: 'x'.repeat(300) },
    says: 'query',
  },
  {
    tool: 'get_file_contents',
    args: { ...where, path: 'README.md' },
    route: `${REPO}/contents/README.md`,
    bad: { ...where, repo: 'octocat/Hello-World' },
    says: 'repo must be a repository name without the owner',
  },
  {
    tool: 'list_notifications',
    args: {},
    route: 'GET /notifications',
    bad: { since: 'yesterday' },
    says: 'since must be an ISO 8601 time',
  },
];

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe.each(tools)('$tool', ({ tool, args, route, bad, says }) => {
  it('on 401 asks MCP Tray for a fresh token once and retries with it', async () => {
    let asked = 0;
    const { fake, call } = await connectGitHub({
      token: 'gho_revoked',
      accepted: TOKEN,
      refreshToken: () => (asked++, TOKEN),
    });
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    expect(asked).toBe(1);
    const first = fake.received.filter((r) => key(r) === route);
    expect(first.map((r) => r.headers.authorization)).toEqual(['Bearer gho_revoked', `Bearer ${TOKEN}`]);
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const { fake, call, waits } = await connectGitHub();
    fake.failNext(route, { status: 429, headers: { 'retry-after': '3' }, body: secondaryRateLimited });
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    expect(waits).toEqual([3000]);
    expect(fake.requests(route)).toHaveLength(2);
  });

  it('retries a 5xx with backoff, then succeeds', async () => {
    const { fake, call, waits } = await connectGitHub();
    fake.failNext(route, { status: 502, body: { message: 'Server Error' } });
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    expect(waits).toHaveLength(1);
    expect(fake.requests(route)).toHaveLength(2);
  });

  it('rejects bad input with a useful message, sending nothing', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call(tool, bad);
    expect(result.isError).toBe(true);
    expect(text(result)).toContain(`Invalid arguments for tool ${tool}`);
    expect(text(result)).toContain(says);
    expect(fake.received).toHaveLength(0);
  });
});

describe('the 401 channel', () => {
  it('says "sign in again" when MCP Tray has no fresh token', async () => {
    const { fake, call, text } = await connectGitHub({ token: 'gho_revoked', accepted: TOKEN });
    const result = await call('get_repository', where);
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('Open MCP Tray and sign in to GitHub again');
    expect(fake.received).toHaveLength(1);
  });
});

describe('GitHub rate limits', () => {
  it('waits until x-ratelimit-reset on a primary 403 limit', async () => {
    const { fake, call, waits } = await connectGitHub();
    const reset = Math.ceil(Date.now() / 1000) + 30;
    fake.failNext(REPO, {
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-limit': '5000',
      },
      body: rateLimited,
    });
    expect((await call('get_repository', where)).isError).toBeFalsy();
    expect(waits).toHaveLength(1);
    expect(waits[0]!).toBeGreaterThan(25_000);
    expect(waits[0]!).toBeLessThanOrEqual(31_000);
  });

  it('waits Retry-After seconds on a secondary 403 limit', async () => {
    const { fake, call, waits } = await connectGitHub();
    fake.failNext(REPO, { status: 403, headers: { 'retry-after': '20' }, body: secondaryRateLimited });
    expect((await call('get_repository', where)).isError).toBeFalsy();
    expect(waits).toEqual([20_000]);
  });

  it('fails in words, without waiting, when the limit resets too far away', async () => {
    const { fake, call, waits, text } = await connectGitHub();
    const reset = Math.ceil(Date.now() / 1000) + 3600;
    fake.failNext(REPO, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: rateLimited,
    });
    const result = await call('get_repository', where);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^GitHub is rate limiting requests; try again in \d+ s\.$/);
    expect(waits).toEqual([]);
  });

  it('does not retry a plain 403 (a permission problem)', async () => {
    const { fake, call, waits, text } = await connectGitHub();
    fake.failNext(REPO, { status: 403, body: { message: 'Must have admin rights to Repository.' } });
    const result = await call('get_repository', where);
    expect(text(result)).toContain('GitHub refused access');
    expect(text(result)).toContain('(Must have admin rights to Repository.)');
    expect(waits).toEqual([]);
    expect(fake.received).toHaveLength(1);
  });
});

describe('errors in words', () => {
  it("reports GitHub's validation errors", async () => {
    const { fake, call, text } = await connectGitHub();
    fake.failNext('POST /repos/octocat/Hello-World/issues', { status: 422, body: validationFailed });
    const result = await call('create_issue', { ...where, title: 'x' });
    expect(text(result)).toBe(
      'GitHub could not process the request. (Validation Failed; title missing_field)',
    );
  });

  it('refuses a path that climbs out of the contents API, and a foreign cursor', async () => {
    const { fake, call, text } = await connectGitHub();
    const climb = await call('get_file_contents', { ...where, path: 'src/../../../../user' });
    expect(text(climb)).toContain('path must not contain "." or ".." segments');
    const cursor = await call('list_issues', { ...where, cursor: 'bm90LWEtY3Vyc29y' });
    expect(text(cursor)).toContain('start again without a cursor');
    expect(fake.received).toHaveLength(0);
  });
});
