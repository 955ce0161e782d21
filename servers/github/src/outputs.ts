import * as z from 'zod';

/**
 * Output schemas: what each tool returns as `structuredContent`. They pick the fields an AI
 * client needs from GitHub's much larger objects; `format.ts` renders the same data as text.
 */

const nextCursor = z
  .string()
  .nullable()
  .describe('Pass as cursor to get the next page; null when this is the last page.');

export const RepositorySummary = z.object({
  fullName: z.string(),
  description: z.string().nullable(),
  private: z.boolean(),
  stars: z.number(),
  forks: z.number(),
  language: z.string().nullable(),
  topics: z.array(z.string()),
  archived: z.boolean(),
  updatedAt: z.string(),
  url: z.string(),
});
export type RepositorySummary = z.infer<typeof RepositorySummary>;

export const SearchRepositoriesOutput = z.object({
  totalCount: z.number(),
  incompleteResults: z.boolean(),
  repositories: z.array(RepositorySummary),
  nextCursor,
});

export const RepositoryOutput = z.object({
  ...RepositorySummary.shape,
  visibility: z.string(),
  defaultBranch: z.string(),
  openIssues: z.number().describe('Open issues and pull requests together.'),
  watchers: z.number(),
  homepage: z.string().nullable(),
  license: z.string().nullable(),
  fork: z.boolean(),
  parent: z.string().nullable().describe('The repository this one was forked from.'),
  createdAt: z.string(),
  pushedAt: z.string(),
  canPush: z
    .boolean()
    .nullable()
    .describe('Whether the signed-in account may push (and so label and assign).'),
});
export type Repository = z.infer<typeof RepositoryOutput>;

export const IssueSummary = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string(),
  author: z.string().nullable(),
  labels: z.array(z.string()),
  assignees: z.array(z.string()),
  comments: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  url: z.string(),
});
export type IssueSummary = z.infer<typeof IssueSummary>;

export const ListIssuesOutput = z.object({
  issues: z.array(IssueSummary),
  skippedPullRequests: z
    .number()
    .describe('Pull requests GitHub returned on this page and left out here (see list_pull_requests).'),
  nextCursor,
});

export const Comment = z.object({
  id: z.number(),
  author: z.string().nullable(),
  createdAt: z.string(),
  body: z.string(),
  url: z.string(),
});
export type Comment = z.infer<typeof Comment>;

export const IssueOutput = z.object({
  ...IssueSummary.shape,
  stateReason: z.string().nullable(),
  body: z.string(),
  isPullRequest: z.boolean(),
  milestone: z.string().nullable(),
  closedAt: z.string().nullable(),
  recentComments: z.array(Comment).describe('The most recent comments, oldest first.'),
});
export type Issue = z.infer<typeof IssueOutput>;

export const CreatedIssueOutput = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string(),
  url: z.string(),
});

export const CreatedCommentOutput = z.object({ id: z.number(), url: z.string(), createdAt: z.string() });

export const PullRequestSummary = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string(),
  draft: z.boolean(),
  author: z.string().nullable(),
  head: z.string().describe('Branch with the changes (owner:branch).'),
  base: z.string().describe('Branch the changes go into.'),
  labels: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  mergedAt: z.string().nullable(),
  url: z.string(),
});
export type PullRequestSummary = z.infer<typeof PullRequestSummary>;

export const ListPullRequestsOutput = z.object({ pullRequests: z.array(PullRequestSummary), nextCursor });

export const ChangedFile = z.object({
  filename: z.string(),
  status: z.string(),
  additions: z.number(),
  deletions: z.number(),
  previousFilename: z.string().nullable(),
  patch: z.string().nullable().describe('The diff, trimmed; null for binary or very large changes.'),
});
export type ChangedFile = z.infer<typeof ChangedFile>;

export const PullRequestOutput = z.object({
  ...PullRequestSummary.shape,
  body: z.string(),
  merged: z.boolean(),
  mergeable: z.boolean().nullable(),
  commits: z.number(),
  additions: z.number(),
  deletions: z.number(),
  changedFiles: z.number(),
  comments: z.number(),
  reviewComments: z.number(),
  requestedReviewers: z.array(z.string()),
  files: z.array(ChangedFile).describe('Changed files on this page.'),
  nextCursor: nextCursor.describe('Pass as cursor to get the next page of changed files.'),
});
export type PullRequest = z.infer<typeof PullRequestOutput>;

export const CodeMatch = z.object({
  repository: z.string(),
  path: z.string(),
  sha: z.string(),
  url: z.string(),
  fragments: z.array(z.string()).describe('Matching snippets, trimmed.'),
});
export type CodeMatch = z.infer<typeof CodeMatch>;

export const SearchCodeOutput = z.object({
  totalCount: z.number(),
  incompleteResults: z.boolean(),
  matches: z.array(CodeMatch),
  nextCursor,
});

export const DirectoryEntry = z.object({
  name: z.string(),
  path: z.string(),
  type: z.string(),
  size: z.number(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const FileContentsOutput = z.object({
  type: z.enum(['file', 'dir', 'symlink', 'submodule']),
  path: z.string(),
  sha: z.string().nullable(),
  size: z.number().nullable(),
  url: z.string().nullable(),
  content: z
    .enum(['text', 'binary', 'too-large', 'none'])
    .describe('What `text` holds: the file text, or nothing for binary and too-large files.'),
  text: z.string().nullable(),
  firstLine: z.number().nullable(),
  lastLine: z.number().nullable(),
  totalLines: z.number().nullable(),
  nextStartLine: z
    .number()
    .nullable()
    .describe('Pass as start_line to read on; null at the end of the file.'),
  entries: z.array(DirectoryEntry).nullable().describe('The folder listing, for type "dir".'),
  target: z.string().nullable().describe('Symlink target, or the submodule repository URL.'),
});
export type FileContents = z.infer<typeof FileContentsOutput>;

export const Notification = z.object({
  id: z.string(),
  repository: z.string(),
  title: z.string(),
  type: z.string().describe('Issue, PullRequest, Release, Commit, Discussion…'),
  number: z.number().nullable().describe('Issue or pull request number, for get_issue/get_pull_request.'),
  reason: z.string().describe('Why you were notified: mention, review_requested, assign, subscribed…'),
  unread: z.boolean(),
  updatedAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const ListNotificationsOutput = z.object({ notifications: z.array(Notification), nextCursor });
