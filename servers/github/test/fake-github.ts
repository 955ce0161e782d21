import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { expect } from 'vitest';
import { connectTestClient, recordingSleep } from '../../shared/test/connect';
import type { TestClientOptions } from '../../shared/test/connect';
import type { FakeReply, Received } from '../../shared/test/fake-api';
import { FakeApi } from '../../shared/test/fake-api';
import { ChannelTokenSource } from '../../shared/token-source';
import { createServer } from '../src/create-server';
import { authenticatedUser, linkHeader } from './fixtures/common';
import {
  binaryFile,
  codeSearch,
  hugeFile,
  longFile,
  readme,
  rootDirectory,
  submodule,
  symlink,
} from './fixtures/contents';
import {
  busyIssue,
  busyIssueComments,
  createdComment,
  createdIssue,
  repositoryIssues,
} from './fixtures/issues';
import { notifications } from './fixtures/notifications';
import { pullRequest, pullRequestFiles, repositoryPulls } from './fixtures/pulls';
import { helloWorld, notFound, searchItems, searchRepositoriesPage, spoonKnife } from './fixtures/repos';

export const TOKEN = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';

/** GitHub's `per_page`/`page` pagination over `items`, with its `Link` header. */
function paged(fake: FakeApi, request: Received, items: unknown[], defaultPerPage = 30): FakeReply {
  const perPage = Number(request.query.get('per_page') ?? defaultPerPage);
  const page = Number(request.query.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = linkHeader(`${fake.url}${request.path}?${request.query.toString()}`, page, last);
  return { body: items.slice((page - 1) * perPage, page * perPage), headers: link ? { link } : {} };
}

const contents: Record<string, unknown> = {
  '': rootDirectory,
  'README.md': readme,
  'src/long.ts': longFile,
  'assets/logo.png': binaryFile,
  'data/dump.sql': hugeFile,
  'bin/latest': symlink,
  'test/qunit': submodule,
};

/**
 * GitHub's REST API on 127.0.0.1, answering the endpoints the tools use with the fixtures,
 * for one accepted token.
 */
export async function fakeGitHub(token = TOKEN): Promise<FakeApi> {
  const fake = await new FakeApi().start();
  fake.tokens.add(token);
  const repo = '/repos/octocat/Hello-World';
  fake
    .on('GET /user', () => ({ body: authenticatedUser }))
    .on('GET /search/repositories', (r) => {
      const page = paged(fake, r, searchItems);
      return { ...page, body: searchRepositoriesPage(page.body as typeof searchItems, searchItems.length) };
    })
    .on(`GET ${repo}`, () => ({ body: helloWorld }))
    .on('GET /repos/hubot/Spoon-Knife', () => ({ body: spoonKnife }))
    .on('GET /repos/octocat/missing', () => ({ status: 404, body: notFound }))
    .on(`GET ${repo}/issues`, (r) => paged(fake, r, repositoryIssues))
    .on(`GET ${repo}/issues/1349`, () => ({ body: busyIssue }))
    .on(`GET ${repo}/issues/1349/comments`, (r) => paged(fake, r, busyIssueComments))
    .on(`POST ${repo}/issues`, () => ({ status: 201, body: createdIssue }))
    .on(`POST ${repo}/issues/1349/comments`, () => ({ status: 201, body: createdComment }))
    .on(`GET ${repo}/pulls`, (r) => paged(fake, r, repositoryPulls))
    .on(`GET ${repo}/pulls/1347`, () => ({ body: pullRequest }))
    .on(`GET ${repo}/pulls/1347/files`, (r) => paged(fake, r, pullRequestFiles))
    .on('GET /search/code', (r) => {
      const page = paged(fake, r, codeSearch.items, 2);
      return { ...page, body: { ...codeSearch, items: page.body } };
    })
    .on(`GET ${repo}/contents(/.*)?`, (r) => {
      const path = decodeURIComponent(r.path.slice(`${repo}/contents`.length).replace(/^\//, ''));
      return path in contents ? { body: contents[path] } : { status: 404, body: notFound };
    })
    .on('GET /notifications', (r) => paged(fake, r, notifications, 50));
  return fake;
}

/** The GitHub server over the fake API, connected to an in-memory MCP client. */
export async function connectGitHub(options: TestClientOptions & { token?: string; accepted?: string } = {}) {
  const fake = await fakeGitHub(options.accepted ?? TOKEN);
  const { waits, sleep } = recordingSleep();
  const initial = options.token ?? TOKEN;
  const server = createServer({
    apiUrl: fake.url,
    token: (s: Server) => new ChannelTokenSource(s, initial),
    sleep,
  });
  const client = await connectTestClient(server, options);
  return { fake, waits, ...client };
}

/** What every request to GitHub carries (docs.github.com/en/rest/about-the-rest-api/api-versions). */
export function expectGitHubHeaders(
  headers: Record<string, unknown>,
  accept = 'application/vnd.github+json',
): void {
  expect(headers).toMatchObject({
    accept,
    'x-github-api-version': '2022-11-28',
    authorization: `Bearer ${TOKEN}`,
  });
  expect(headers['user-agent']).toBeTruthy();
}

/** A query string as an object, for `toEqual`. */
export const query = (q: URLSearchParams): Record<string, string> => Object.fromEntries(q);
