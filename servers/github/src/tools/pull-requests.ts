import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { runTool, toolResult } from '../../../shared/tool-result';
import { pullRequestList, pullRequestText } from '../format';
import type { GitHubApi } from '../github-api';
import { cursor, direction, issueNumber, owner, perPage, repo } from '../inputs';
import { ListPullRequestsOutput, PullRequestOutput } from '../outputs';
import { changedFile, pullRequest, pullRequestSummary } from '../views';
import { READ_ONLY } from './annotations';

/** Characters of diff shared by the files of one page, so a big PR still fits one answer. */
const PATCH_BUDGET = 16_000;
const MIN_PATCH = 300;
const MAX_PATCH = 4_000;

const branch = z.string().min(1).max(250);

/** list_pull_requests, get_pull_request. */
export function registerPullRequestTools(server: McpServer, api: GitHubApi): void {
  server.registerTool(
    'list_pull_requests',
    {
      title: 'List pull requests',
      description:
        "A repository's pull requests, newest first unless sorted otherwise; filter by state and branches.",
      inputSchema: {
        owner,
        repo,
        state: z.enum(['open', 'closed', 'all']).default('open').describe('Which pull requests.'),
        base: branch.optional().describe('Only pull requests into this branch, e.g. "main".'),
        head: branch
          .optional()
          .describe('Only pull requests from this branch, as "user:branch" (or "org:branch").'),
        sort: z
          .enum(['created', 'updated', 'popularity', 'long-running'])
          .default('created')
          .describe('Sort by; popularity is by comment count.'),
        direction,
        per_page: perPage(100, 20),
        cursor,
      },
      outputSchema: ListPullRequestsOutput,
      annotations: READ_ONLY,
    },
    ({ owner, repo, state, base, head, sort, direction, per_page, cursor }) =>
      runTool(async () => {
        const { data, nextCursor } = await api.listPullRequests(
          owner,
          repo,
          { state, sort, direction, ...(base ? { base } : {}), ...(head ? { head } : {}) },
          cursor,
          per_page,
        );
        const pullRequests = data.map(pullRequestSummary);
        return toolResult({ pullRequests, nextCursor }, pullRequestList(pullRequests, nextCursor));
      }),
  );

  server.registerTool(
    'get_pull_request',
    {
      title: 'Get pull request',
      description:
        'One pull request: description, branches, state, size, and its changed files with trimmed diffs. ' +
        'Files come a page at a time; pass nextCursor as cursor for more. For its conversation use get_issue ' +
        'with the same number.',
      inputSchema: {
        owner,
        repo,
        pull_number: issueNumber,
        include_patch: z.boolean().default(true).describe("Include each file's diff (trimmed)."),
        per_page: perPage(100, 30).describe('Changed files per page (1-100).'),
        cursor,
      },
      outputSchema: PullRequestOutput,
      annotations: READ_ONLY,
    },
    ({ owner, repo, pull_number, include_patch, per_page, cursor }) =>
      runTool(async () => {
        const pull = await api.getPullRequest(owner, repo, pull_number);
        const { data, nextCursor } = await api.listPullRequestFiles(
          owner,
          repo,
          pull_number,
          cursor,
          per_page,
        );
        const budget = Math.max(
          MIN_PATCH,
          Math.min(MAX_PATCH, Math.floor(PATCH_BUDGET / Math.max(data.length, 1))),
        );
        const files = data.map((f) => {
          const file = changedFile(f, budget);
          return include_patch ? file : { ...file, patch: null };
        });
        const result = { ...pullRequest(pull), files, nextCursor };
        return toolResult(result, pullRequestText(result));
      }),
  );
}
