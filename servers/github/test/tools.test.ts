import { describe, expect, it } from 'vitest';
import { TOKEN, connectGitHub } from './fake-github';

/** What every request to GitHub carries (docs.github.com/en/rest/about-the-rest-api/api-versions). */
function expectGitHubHeaders(headers: Record<string, unknown>, accept = 'application/vnd.github+json') {
  expect(headers).toMatchObject({
    accept,
    'x-github-api-version': '2022-11-28',
    authorization: `Bearer ${TOKEN}`,
  });
  expect(headers['user-agent']).toBeTruthy();
}

const query = (q: URLSearchParams) => Object.fromEntries(q);

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
        { fullName: 'octocat/mcp-one', stars: 300, language: 'TypeScript', url: 'https://github.com/octocat/mcp-one' },
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
    expect(fork.structuredContent).toMatchObject({ parent: 'octocat/Spoon-Knife', license: null, homepage: null });
    expect(text(fork)).toContain('Fork of octocat/Spoon-Knife');
  });

  it('a missing repository is a tool error in words with GitHub\'s message', async () => {
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
        { number: 1349, title: 'Found a bug', labels: ['bug'], assignees: ['hubot'], comments: 3, author: 'octocat' },
        { number: 1340, labels: [], assignees: [] },
      ],
      skippedPullRequests: 1,
      nextCursor: null,
    });
    expect(text(result)).toContain('#1349 Found a bug [bug] (open, by octocat → hubot, 3 comments');
    expect(text(result)).toContain('1 pull requests on this page left out');
  });

  it('get_issue returns the trimmed body and the most recent comments', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('get_issue', { owner: 'octocat', repo: 'Hello-World', issue_number: 1349, comments: 5 });
    expect(result.isError).toBeFalsy();
    // 23 comments in pages of 5: the last page (5) holds 3, the page before it the other 2.
    expect(fake.requests('GET /repos/octocat/Hello-World/issues/1349/comments').map((r) => query(r.query))).toEqual([
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
    const result = await call('get_issue', { owner: 'octocat', repo: 'Hello-World', issue_number: 1349, comments: 0 });
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

describe('pull requests', () => {
  it('list_pull_requests sends the filters', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('list_pull_requests', {
      owner: 'octocat',
      repo: 'Hello-World',
      base: 'master',
      head: 'octocat:new-topic',
      sort: 'popularity',
      direction: 'asc',
    });
    const [request] = fake.requests('GET /repos/octocat/Hello-World/pulls');
    expect(query(request!.query)).toEqual({
      state: 'open',
      base: 'master',
      head: 'octocat:new-topic',
      sort: 'popularity',
      direction: 'asc',
      per_page: '20',
      page: '1',
    });
    expectGitHubHeaders(request!.headers);
    expect(result.structuredContent).toMatchObject({
      pullRequests: [
        { number: 1347, head: 'octocat:new-topic', base: 'master', draft: false, author: 'octocat' },
        { number: 1346, draft: true, author: 'hubot' },
      ],
      nextCursor: null,
    });
    expect(text(result)).toContain('#1346 Work in progress (open, draft, octocat:new-topic → master, by hubot');
  });

  it('get_pull_request returns the pull request and a page of changed files with trimmed patches', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('get_pull_request', { owner: 'octocat', repo: 'Hello-World', pull_number: 1347 });
    expect(fake.requests('GET /repos/octocat/Hello-World/pulls/1347')).toHaveLength(1);
    const [files] = fake.requests('GET /repos/octocat/Hello-World/pulls/1347/files');
    expect(query(files!.query)).toEqual({ per_page: '30', page: '1' });
    expectGitHubHeaders(files!.headers);
    const pull = result.structuredContent as {
      files: Array<{ filename: string; patch: string | null; previousFilename: string | null; status: string }>;
      nextCursor: string | null;
    };
    expect(result.structuredContent).toMatchObject({
      number: 1347,
      merged: false,
      mergeable: true,
      commits: 3,
      changedFiles: 45,
      requestedReviewers: ['hubot'],
    });
    expect(pull.files).toHaveLength(30);
    expect(pull.files[0]!.patch!.length).toBeLessThan(700);
    expect(pull.files[0]!.patch).toContain('more characters not shown');
    expect(pull.files[1]).toMatchObject({ filename: 'assets/logo.png', status: 'added', patch: null });
    expect(pull.files[2]).toMatchObject({ status: 'renamed', previousFilename: 'docs/old-name.md' });
    expect(pull.nextCursor).toEqual(expect.any(String));
    expect(text(result)).toContain('renamed docs/new-name.md (from docs/old-name.md) +2 -1');
    expect(text(result).length).toBeLessThan(24_200);
  });

  it('get_pull_request without patches', async () => {
    const { call } = await connectGitHub();
    const result = await call('get_pull_request', {
      owner: 'octocat',
      repo: 'Hello-World',
      pull_number: 1347,
      include_patch: false,
      per_page: 5,
    });
    const { files } = result.structuredContent as { files: Array<{ patch: string | null }> };
    expect(files.map((f) => f.patch)).toEqual([null, null, null, null, null]);
  });
});

describe('code', () => {
  it('search_code asks for text matches and returns trimmed fragments', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('search_code', { query: 'addClass repo:octocat/Hello-World' });
    const [request] = fake.requests('GET /search/code');
    expect(query(request!.query)).toEqual({ q: 'addClass repo:octocat/Hello-World', per_page: '10', page: '1' });
    expectGitHubHeaders(request!.headers, 'application/vnd.github.text-match+json');
    const { matches } = result.structuredContent as { matches: Array<{ path: string; fragments: string[] }> };
    expect(result.structuredContent).toMatchObject({ totalCount: 7, incompleteResults: false });
    expect(matches[0]).toEqual({
      repository: 'octocat/Hello-World',
      path: 'src/attributes/classes.js',
      sha: 'd7212f9dee2dcc18f084d7df8f417b80846ded5a',
      url: 'https://github.com/octocat/Hello-World/blob/3d21ec53a331a6f037a91c368710b99387d012c1/src/attributes/classes.js',
      fragments: ['addClass: function( value ) {\n\tvar classes, elem'],
    });
    expect(matches[1]!.fragments[0]!.length).toBeLessThan(700);
    expect(text(result)).toContain('- octocat/Hello-World: src/attributes/classes.js');
  });

  it('get_file_contents decodes a text file at a ref', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('get_file_contents', { owner: 'octocat', repo: 'Hello-World', path: 'README.md', ref: 'v1.0' });
    const [request] = fake.received;
    expect(request).toMatchObject({ method: 'GET', path: '/repos/octocat/Hello-World/contents/README.md' });
    expect(query(request!.query)).toEqual({ ref: 'v1.0' });
    expectGitHubHeaders(request!.headers);
    expect(result.structuredContent).toMatchObject({
      type: 'file',
      content: 'text',
      text: '# Hello World\n\nHello, café ☕!',
      firstLine: 1,
      lastLine: 3,
      totalLines: 3,
      nextStartLine: null,
    });
    expect(text(result)).toBe('README.md (lines 1-3 of 3):\n# Hello World\n\nHello, café ☕!');
  });

  it('get_file_contents lists a folder, describes binary, huge, symlink and submodule entries', async () => {
    const { call, text } = await connectGitHub();
    const at = (path: string) => call('get_file_contents', { owner: 'octocat', repo: 'Hello-World', path });
    const root = await at('');
    expect(root.structuredContent).toMatchObject({
      type: 'dir',
      entries: [
        { name: 'README.md', type: 'file', size: 625 },
        { name: 'src', type: 'dir', size: 0 },
      ],
    });
    expect(text(root)).toBe('Folder / (2 entries):\nREADME.md (625 bytes)\nsrc/');
    const binary = await at('assets/logo.png');
    expect(binary.structuredContent).toMatchObject({ type: 'file', content: 'binary', text: null, size: 12 });
    expect(text(binary)).toContain('binary file of 12 bytes; its contents are not shown');
    const huge = await at('/data/dump.sql');
    expect(huge.structuredContent).toMatchObject({ content: 'too-large', text: null, size: 52_428_800 });
    expect(text(huge)).toContain('too large for GitHub to send as text');
    expect((await at('bin/latest')).structuredContent).toMatchObject({ type: 'symlink', target: '/path/to/symlink/target' });
    expect((await at('test/qunit')).structuredContent).toMatchObject({
      type: 'submodule',
      target: 'git://github.com/jquery/qunit.git',
    });
  });
});

describe('notifications', () => {
  it('list_notifications sends the filters and names the issue or pull request', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('list_notifications', {
      all: true,
      participating: true,
      since: '2014-11-01T00:00:00Z',
    });
    const [request] = fake.requests('GET /notifications');
    expect(query(request!.query)).toEqual({
      all: 'true',
      participating: 'true',
      since: '2014-11-01T00:00:00Z',
      per_page: '25',
      page: '1',
    });
    expectGitHubHeaders(request!.headers);
    expect(result.structuredContent).toEqual({
      notifications: [
        { id: '1', repository: 'octocat/Hello-World', title: 'Greetings', type: 'Issue', number: 123, reason: 'subscribed', unread: true, updatedAt: '2014-11-07T22:01:45Z' },
        { id: '2', repository: 'hubot/Spoon-Knife', title: 'Amazing new feature', type: 'PullRequest', number: 1347, reason: 'review_requested', unread: true, updatedAt: '2014-11-07T22:01:45Z' },
        { id: '3', repository: 'octocat/Hello-World', title: 'v1.0.0', type: 'Release', number: null, reason: 'subscribed', unread: false, updatedAt: '2014-11-07T22:01:45Z' },
      ],
      nextCursor: null,
    });
    expect(text(result)).toContain('- ● hubot/Spoon-Knife #1347 PullRequest: Amazing new feature (review_requested, 2014-11-07)');
  });

  it('explains that fine-grained tokens cannot read notifications', async () => {
    const { fake, call, text } = await connectGitHub();
    fake.failNext('GET /notifications', {
      status: 403,
      body: { message: 'Resource not accessible by personal access token' },
    });
    const result = await call('list_notifications');
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('(Resource not accessible by personal access token)');
    expect(text(result)).toContain('fine-grained personal access tokens cannot read them');
  });
});
