import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { runTool, toolResult } from '../../../shared/tool-result';
import { issueList, issueText } from '../format';
import type { GitHubApi } from '../github-api';
import { cursor, direction, issueNumber, owner, perPage, repo } from '../inputs';
import type { Comment } from '../outputs';
import { CreatedCommentOutput, CreatedIssueOutput, IssueOutput, ListIssuesOutput } from '../outputs';
import { comment, issue, issueSummary } from '../views';
import { ADDS, READ_ONLY } from './annotations';

/** GitHub's limit on issue and comment bodies. */
const MAX_BODY_INPUT = 65_536;

const login = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub user name, like "octocat"');

/**
 * The last `limit` comments. The endpoint lists oldest first with no sort order, so the newest
 * are on the last page of `limit`-sized pages, topped up from the page before it.
 */
async function recentComments(
  api: GitHubApi,
  where: { owner: string; repo: string; number: number },
  total: number,
  limit: number,
): Promise<Comment[]> {
  if (limit === 0 || total === 0) return [];
  const { owner, repo, number } = where;
  const last = Math.ceil(total / limit);
  let items = await api.listIssueComments(owner, repo, number, last, limit);
  if (items.length < limit && last > 1) {
    items = [...(await api.listIssueComments(owner, repo, number, last - 1, limit)), ...items];
  }
  return items.slice(-limit).map(comment);
}

/** list_issues, get_issue, create_issue, add_issue_comment. */
export function registerIssueTools(server: McpServer, api: GitHubApi): void {
  server.registerTool(
    'list_issues',
    {
      title: 'List issues',
      description:
        "A repository's issues, newest first unless sorted otherwise; filter by state, labels and " +
        'assignee. Pull requests are left out (use list_pull_requests).',
      inputSchema: {
        owner,
        repo,
        state: z.enum(['open', 'closed', 'all']).default('open').describe('Which issues.'),
        labels: z
          .array(z.string().min(1).max(50))
          .max(10)
          .optional()
          .describe('Only issues with all of these labels.'),
        assignee: z
          .string()
          .regex(
            /^(?:\*|none|[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/,
            'assignee must be a user name, "none" or "*"',
          )
          .optional()
          .describe('Only issues assigned to this user; "none" for unassigned, "*" for assigned to anyone.'),
        sort: z.enum(['created', 'updated', 'comments']).default('created').describe('Sort by.'),
        direction,
        per_page: perPage(100, 20),
        cursor,
      },
      outputSchema: ListIssuesOutput,
      annotations: READ_ONLY,
    },
    ({ owner, repo, state, labels, assignee, sort, direction, per_page, cursor }) =>
      runTool(async () => {
        const { data, nextCursor } = await api.listIssues(
          owner,
          repo,
          {
            state,
            sort,
            direction,
            ...(labels?.length ? { labels: labels.join(',') } : {}),
            ...(assignee ? { assignee } : {}),
          },
          cursor,
          per_page,
        );
        // GitHub's issues endpoint returns pull requests too, marked by `pull_request`.
        const issues = data.filter((i) => i.pull_request === undefined).map(issueSummary);
        const skippedPullRequests = data.length - issues.length;
        return toolResult(
          { issues, skippedPullRequests, nextCursor },
          issueList(issues, skippedPullRequests, nextCursor),
        );
      }),
  );

  server.registerTool(
    'get_issue',
    {
      title: 'Get issue',
      description:
        'One issue with its description and most recent comments (long texts are trimmed). Also works ' +
        'for a pull request number, without the changed files (use get_pull_request for those).',
      inputSchema: {
        owner,
        repo,
        issue_number: issueNumber,
        comments: z
          .number()
          .int()
          .min(0)
          .max(50)
          .default(10)
          .describe('How many of the most recent comments to include.'),
      },
      outputSchema: IssueOutput,
      annotations: READ_ONLY,
    },
    ({ owner, repo, issue_number, comments }) =>
      runTool(async () => {
        const found = await api.getIssue(owner, repo, issue_number);
        const recent = await recentComments(
          api,
          { owner, repo, number: issue_number },
          found.comments,
          comments,
        );
        const result = issue(found, recent);
        return toolResult(result, issueText(result));
      }),
  );

  server.registerTool(
    'create_issue',
    {
      title: 'Create issue',
      description:
        'Open a new issue in a repository, visible to everyone who can see the repository. Labels and ' +
        'assignees are applied only if the account has push access (GitHub drops them silently otherwise). ' +
        'Calling it twice opens two issues.',
      inputSchema: {
        owner,
        repo,
        title: z.string().trim().min(1, 'title must not be empty').max(256).describe('Issue title.'),
        body: z.string().max(MAX_BODY_INPUT).optional().describe('Description, in GitHub Markdown.'),
        labels: z.array(z.string().min(1).max(50)).max(20).optional().describe('Label names to add.'),
        assignees: z.array(login).max(10).optional().describe('User names to assign.'),
      },
      outputSchema: CreatedIssueOutput,
      annotations: ADDS,
    },
    ({ owner, repo, title, body, labels, assignees }) =>
      runTool(async () => {
        const created = await api.createIssue(owner, repo, {
          title,
          ...(body ? { body } : {}),
          ...(labels?.length ? { labels } : {}),
          ...(assignees?.length ? { assignees } : {}),
        });
        const result = {
          number: created.number,
          title: created.title,
          state: created.state,
          url: created.html_url,
        };
        return toolResult(
          result,
          `Opened issue #${result.number} in ${owner}/${repo}: ${result.title}\n${result.url}`,
        );
      }),
  );

  server.registerTool(
    'add_issue_comment',
    {
      title: 'Comment on issue',
      description:
        'Add a comment to an issue or pull request conversation, visible to everyone who can see it. ' +
        'Calling it twice posts two comments.',
      inputSchema: {
        owner,
        repo,
        issue_number: issueNumber,
        body: z
          .string()
          .trim()
          .min(1, 'body must not be empty')
          .max(MAX_BODY_INPUT)
          .describe('The comment, in GitHub Markdown.'),
      },
      outputSchema: CreatedCommentOutput,
      annotations: ADDS,
    },
    ({ owner, repo, issue_number, body }) =>
      runTool(async () => {
        const created = await api.addIssueComment(owner, repo, issue_number, body);
        const result = { id: Number(created.id), url: created.html_url, createdAt: created.created_at };
        return toolResult(result, `Commented on ${owner}/${repo}#${issue_number}.\n${result.url}`);
      }),
  );
}
