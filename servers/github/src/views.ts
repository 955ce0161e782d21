import { trimText } from '../../shared/tool-result';
import type { Schemas } from './github-api';
import type {
  ChangedFile,
  CodeMatch,
  Comment,
  IssueSummary,
  Notification,
  PullRequestSummary,
  RepositorySummary,
} from './outputs';

/** GitHub objects → the few fields the tools return (see `outputs.ts`). */

/** Longest issue or pull request body returned; the rest is on GitHub. */
const MAX_BODY = 8_000;
/** Longest comment body returned. */
const MAX_COMMENT = 2_000;

const login = (user: { login: string } | null | undefined): string | null => user?.login ?? null;

const labelNames = (labels: Array<string | { name?: string }>): string[] =>
  labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);

type AnyRepository = Schemas['repo-search-result-item'] | Schemas['full-repository'];

export function repositorySummary(r: AnyRepository): RepositorySummary {
  return {
    fullName: r.full_name,
    description: r.description,
    private: r.private,
    stars: r.stargazers_count,
    forks: r.forks_count,
    language: r.language,
    topics: r.topics ?? [],
    archived: r.archived,
    updatedAt: r.updated_at,
    url: r.html_url,
  };
}

export function repository(r: Schemas['full-repository']) {
  return {
    ...repositorySummary(r),
    visibility: r.visibility ?? (r.private ? 'private' : 'public'),
    defaultBranch: r.default_branch,
    openIssues: r.open_issues_count,
    watchers: r.subscribers_count,
    homepage: r.homepage || null,
    license: r.license?.spdx_id ?? r.license?.name ?? null,
    fork: r.fork,
    parent: r.parent?.full_name ?? null,
    createdAt: r.created_at,
    pushedAt: r.pushed_at,
    canPush: r.permissions ? r.permissions.push : null,
  };
}

export function issueSummary(i: Schemas['issue']): IssueSummary {
  return {
    number: i.number,
    title: i.title,
    state: i.state,
    author: login(i.user),
    labels: labelNames(i.labels),
    assignees: (i.assignees ?? (i.assignee ? [i.assignee] : [])).map((a) => a.login),
    comments: i.comments,
    createdAt: i.created_at,
    updatedAt: i.updated_at,
    url: i.html_url,
  };
}

export function issue(i: Schemas['issue'], comments: Comment[]) {
  return {
    ...issueSummary(i),
    stateReason: i.state_reason ?? null,
    body: trimText(i.body ?? '', MAX_BODY),
    isPullRequest: i.pull_request !== undefined,
    milestone: i.milestone?.title ?? null,
    closedAt: i.closed_at,
    recentComments: comments,
  };
}

export function comment(c: Schemas['issue-comment']): Comment {
  return {
    id: Number(c.id),
    author: login(c.user),
    createdAt: c.created_at,
    body: trimText(c.body ?? '', MAX_COMMENT),
    url: c.html_url,
  };
}

type AnyPull = Schemas['pull-request-simple'] | Schemas['pull-request'];

export function pullRequestSummary(p: AnyPull): PullRequestSummary {
  return {
    number: p.number,
    title: p.title,
    state: p.state,
    draft: p.draft ?? false,
    author: login(p.user),
    head: p.head.label,
    base: p.base.ref,
    labels: labelNames(p.labels),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    mergedAt: p.merged_at,
    url: p.html_url,
  };
}

export function pullRequest(p: Schemas['pull-request']) {
  return {
    ...pullRequestSummary(p),
    body: trimText(p.body ?? '', MAX_BODY),
    merged: p.merged,
    mergeable: p.mergeable,
    commits: p.commits,
    additions: p.additions,
    deletions: p.deletions,
    changedFiles: p.changed_files,
    comments: p.comments,
    reviewComments: p.review_comments,
    requestedReviewers: (p.requested_reviewers ?? []).map((r) => r.login),
  };
}

/** A changed file with its patch cut to `patchBudget` characters. */
export function changedFile(f: Schemas['diff-entry'], patchBudget: number): ChangedFile {
  return {
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    previousFilename: f.previous_filename ?? null,
    patch: f.patch === undefined ? null : trimText(f.patch, patchBudget),
  };
}

export function codeMatch(item: Schemas['code-search-result-item']): CodeMatch {
  return {
    repository: item.repository.full_name,
    path: item.path,
    sha: item.sha,
    url: item.html_url,
    fragments: (item.text_matches ?? [])
      .filter((m) => m.property === 'content' && m.fragment)
      .slice(0, 3)
      .map((m) => trimText(m.fragment!, 600)),
  };
}

/** `…/repos/o/r/issues/12` or `…/pulls/12` → 12: the number get_issue/get_pull_request take. */
function subjectNumber(url: string | null): number | null {
  const match = url ? /\/(?:issues|pulls)\/(\d+)$/.exec(url) : null;
  return match ? Number(match[1]) : null;
}

export function notification(t: Schemas['thread']): Notification {
  return {
    id: t.id,
    repository: t.repository.full_name,
    title: t.subject.title,
    type: t.subject.type,
    number: subjectNumber(t.subject.url),
    reason: t.reason,
    unread: t.unread,
    updatedAt: t.updated_at,
  };
}
