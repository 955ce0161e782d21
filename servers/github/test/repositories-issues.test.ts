import { describe, expect, it } from 'vitest';
import { connectGitHub, expectGitHubHeaders, query } from './fake-github';

describe('repositories', () => {
  it('search_repositories sends the query and sort, and returns trimmed summaries', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('search_repositories', { query: 'mcp language:typescript', sort: 'stars' });
    expect(result.isError).toBeFalsy();
    const [request] = fake.requests('GET /search/repositories');
    expect(query(request!.query)).toEqual({
      q: 'mcp language:typescript',
      sort: 'stars',
      order: 'desc',
      per_page: '10',
      page: '1',
    });
    expectGitHubHeaders(request!.headers);
    expect(result.structuredContent).toMatchObject({
      totalCount: 3,
      incompleteResults: false,
      nextCursor: null,
      repositories: [
        {
          fullName: 'octocat/mcp-one',
          stars: 300,
          language: 'TypeScript',
          url: 'https://github.com/octocat/mcp-one',
        },
        { fullName: 'octocat/mcp-two' },
        { fullName: 'octocat/mcp-three' },
      ],
    });
    expect(text(result)).toContain('- octocat/mcp-one (TypeScript, ★ 300, updated 2011-01-26)');
  });

  it('search_repositories leaves sort out for best match', async () => {
    const { fake, call } = await connectGitHub();
    await call('search_repositories', { query: 'mcp' });
    expect(query(fake.received[0]!.query)).toEqual({ q: 'mcp', per_page: '10', page: '1' });
  });

  it('get_repository returns the useful fields of a repository, and a fork names its parent', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('get_repository', { owner: 'octocat', repo: 'Hello-World' });
    expect(fake.received[0]).toMatchObject({ method: 'GET', path: '/repos/octocat/Hello-World' });
    expectGitHubHeaders(fake.received[0]!.headers);
    expect(result.structuredContent).toEqual({
      fullName: 'octocat/Hello-World',
      description: 'This your first repo!',
      private: false,
      stars: 80,
      forks: 9,
      language: 'TypeScript',
      topics: ['octocat', 'atom', 'electron', 'api'],
      archived: false,
      updatedAt: '2011-01-26T19:14:43Z',
      url: 'https://github.com/octocat/Hello-World',
      visibility: 'public',
      defaultBranch: 'master',
      openIssues: 0,
      watchers: 42,
      homepage: 'https://github.com',
      license: 'MIT',
      fork: false,
      parent: null,
      createdAt: '2011-01-26T19:01:12Z',
      pushedAt: '2011-01-26T19:06:43Z',
      canPush: true,
    });
    expect(text(result)).toContain('Default branch: master');

    const fork = await call('get_repository', { owner: 'hubot', repo: 'Spoon-Knife' });
    expect(fork.structuredContent).toMatchObject({
      parent: 'octocat/Spoon-Knife',
      license: null,
      homepage: null,
    });
    expect(text(fork)).toContain('Fork of octocat/Spoon-Knife');
  });

  it("a missing repository is a tool error in words with GitHub's message", async () => {
    const { call, text } = await connectGitHub();
    const result = await call('get_repository', { owner: 'octocat', repo: 'missing' });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'GitHub found nothing there (it does not exist, or this account cannot see it). (Not Found)',
    );
  });
});

describe('issues', () => {
  it('list_issues sends the filters and leaves pull requests out', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('list_issues', {
      owner: 'octocat',
      repo: 'Hello-World',
      state: 'all',
      labels: ['bug', 'ui'],
      assignee: 'hubot',
      sort: 'updated',
    });
    const [request] = fake.requests('GET /repos/octocat/Hello-World/issues');
    expect(query(request!.query)).toEqual({
      state: 'all',
      labels: 'bug,ui',
      assignee: 'hubot',
      sort: 'updated',
      direction: 'desc',
      per_page: '20',
      page: '1',
    });
    expectGitHubHeaders(request!.headers);
    expect(result.structuredContent).toMatchObject({
      issues: [
        {
          number: 1349,
          title: 'Found a bug',
          labels: ['bug'],
          assignees: ['hubot'],
          comments: 3,
          author: 'octocat',
        },
        { number: 1340, labels: [], assignees: [] },
      ],
      skippedPullRequests: 1,
      nextCursor: null,
    });
    expect(text(result)).toContain('#1349 Found a bug [bug] (open, by octocat → hubot, 3 comments');
    expect(text(result)).toContain('(1 pull request on this page left out; use list_pull_requests.)');
  });

  it('get_issue returns the trimmed body and the most recent comments', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('get_issue', {
      owner: 'octocat',
      repo: 'Hello-World',
      issue_number: 1349,
      comments: 5,
    });
    expect(result.isError).toBeFalsy();
    // 23 comments in pages of 5: the last page (5) holds 3, the page before it the other 2.
    expect(
      fake.requests('GET /repos/octocat/Hello-World/issues/1349/comments').map((r) => query(r.query)),
    ).toEqual([
      { per_page: '5', page: '5' },
      { per_page: '5', page: '4' },
    ]);
    const issue = result.structuredContent as {
      body: string;
      recentComments: Array<{ id: number; body: string }>;
      state: string;
      stateReason: string;
    };
    expect(issue.recentComments.map((c) => c.id)).toEqual([19, 20, 21, 22, 23]);
    expect(issue.body.length).toBeLessThan(8_100);
    expect(issue.body).toContain('more characters not shown');
    expect(issue.recentComments.at(-1)!.body.length).toBeLessThan(2_100);
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed', isPullRequest: false });
    expect(text(result)).toContain('The last 5 of 23 comments:');
    expect(text(result)).toContain('--- hubot on 2011-04-14:\nComment 19');
  });

  it('get_issue with comments: 0 asks for none', async () => {
    const { fake, call } = await connectGitHub();
    const result = await call('get_issue', {
      owner: 'octocat',
      repo: 'Hello-World',
      issue_number: 1349,
      comments: 0,
    });
    expect((result.structuredContent as { recentComments: unknown[] }).recentComments).toEqual([]);
    expect(fake.received).toHaveLength(1);
  });

  it('create_issue posts title, body, labels and assignees', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('create_issue', {
      owner: 'octocat',
      repo: 'Hello-World',
      title: 'Found a bug',
      body: "I'm having a problem with this.",
      labels: ['bug'],
      assignees: ['octocat'],
    });
    const [request] = fake.requests('POST /repos/octocat/Hello-World/issues');
    expect(request!.body).toEqual({
      title: 'Found a bug',
      body: "I'm having a problem with this.",
      labels: ['bug'],
      assignees: ['octocat'],
    });
    expect(request!.headers['content-type']).toBe('application/json');
    expectGitHubHeaders(request!.headers);
    expect(result.structuredContent).toEqual({
      number: 1351,
      title: 'Found a bug',
      state: 'open',
      url: 'https://github.com/octocat/Hello-World/issues/1351',
    });
    expect(text(result)).toContain('Opened issue #1351 in octocat/Hello-World');
  });

  it('add_issue_comment posts the body', async () => {
    const { fake, call } = await connectGitHub();
    const result = await call('add_issue_comment', {
      owner: 'octocat',
      repo: 'Hello-World',
      issue_number: 1349,
      body: 'Me too',
    });
    const [request] = fake.requests('POST /repos/octocat/Hello-World/issues/1349/comments');
    expect(request!.body).toEqual({ body: 'Me too' });
    expectGitHubHeaders(request!.headers);
    expect(result.structuredContent).toEqual({
      id: 1451,
      url: 'https://github.com/octocat/Hello-World/issues/1349#issuecomment-1451',
      createdAt: '2011-04-14T16:00:49Z',
    });
  });
});
