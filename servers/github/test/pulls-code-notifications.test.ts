import { describe, expect, it } from 'vitest';
import { connectGitHub, expectGitHubHeaders, query } from './fake-github';

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
    expect(text(result)).toContain(
      '#1346 Work in progress (open, draft, octocat:new-topic → master, by hubot',
    );
  });

  it('get_pull_request returns the pull request and a page of changed files with trimmed patches', async () => {
    const { fake, call, text } = await connectGitHub();
    const result = await call('get_pull_request', {
      owner: 'octocat',
      repo: 'Hello-World',
      pull_number: 1347,
    });
    expect(fake.requests('GET /repos/octocat/Hello-World/pulls/1347')).toHaveLength(1);
    const [files] = fake.requests('GET /repos/octocat/Hello-World/pulls/1347/files');
    expect(query(files!.query)).toEqual({ per_page: '30', page: '1' });
    expectGitHubHeaders(files!.headers);
    const pull = result.structuredContent as {
      files: Array<{
        filename: string;
        patch: string | null;
        previousFilename: string | null;
        status: string;
      }>;
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
    expect(query(request!.query)).toEqual({
      q: 'addClass repo:octocat/Hello-World',
      per_page: '10',
      page: '1',
    });
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
    const result = await call('get_file_contents', {
      owner: 'octocat',
      repo: 'Hello-World',
      path: 'README.md',
      ref: 'v1.0',
    });
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
    expect((await at('bin/latest')).structuredContent).toMatchObject({
      type: 'symlink',
      target: '/path/to/symlink/target',
    });
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
        {
          id: '1',
          repository: 'octocat/Hello-World',
          title: 'Greetings',
          type: 'Issue',
          number: 123,
          reason: 'subscribed',
          unread: true,
          updatedAt: '2014-11-07T22:01:45Z',
        },
        {
          id: '2',
          repository: 'hubot/Spoon-Knife',
          title: 'Amazing new feature',
          type: 'PullRequest',
          number: 1347,
          reason: 'review_requested',
          unread: true,
          updatedAt: '2014-11-07T22:01:45Z',
        },
        {
          id: '3',
          repository: 'octocat/Hello-World',
          title: 'v1.0.0',
          type: 'Release',
          number: null,
          reason: 'subscribed',
          unread: false,
          updatedAt: '2014-11-07T22:01:45Z',
        },
      ],
      nextCursor: null,
    });
    expect(text(result)).toContain(
      '- ● hubot/Spoon-Knife #1347 PullRequest: Amazing new feature (review_requested, 2014-11-07)',
    );
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
