import type {
  ChangedFile,
  CodeMatch,
  Comment,
  DirectoryEntry,
  Issue,
  IssueSummary,
  Notification,
  PullRequest,
  PullRequestSummary,
  Repository,
  RepositorySummary,
} from './outputs';

/** Plain-text renderings of the tools' results, for clients that read `content` only. */

const date = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');
const more = (nextCursor: string | null): string =>
  nextCursor ? `\nMore results: call again with cursor "${nextCursor}".` : '';
const tags = (labels: string[]): string => (labels.length ? ` [${labels.join(', ')}]` : '');

function repositoryLine(r: RepositorySummary): string {
  const bits = [
    r.private ? 'private' : null,
    r.archived ? 'archived' : null,
    r.language,
    `★ ${r.stars}`,
    `updated ${date(r.updatedAt)}`,
  ].filter(Boolean);
  const description = r.description ? `\n  ${r.description}` : '';
  return `- ${r.fullName} (${bits.join(', ')})${description}\n  ${r.url}`;
}

export function repositoryList(total: number, items: RepositorySummary[], nextCursor: string | null): string {
  if (items.length === 0) return 'No repositories matched.';
  return `${total} repositories matched; showing ${items.length}:\n${items.map(repositoryLine).join('\n')}${more(nextCursor)}`;
}

export function repositoryText(r: Repository): string {
  const lines = [
    `${r.fullName} (${r.visibility}${r.archived ? ', archived' : ''})`,
    r.description ?? '',
    `Default branch: ${r.defaultBranch} · ★ ${r.stars} · forks ${r.forks} · open issues and PRs ${r.openIssues}`,
    `Language: ${r.language ?? 'none'} · license: ${r.license ?? 'none'}`,
    r.topics.length ? `Topics: ${r.topics.join(', ')}` : '',
    r.parent ? `Fork of ${r.parent}` : '',
    r.homepage ? `Homepage: ${r.homepage}` : '',
    `Created ${date(r.createdAt)} · last push ${date(r.pushedAt)}`,
    r.url,
  ];
  return lines.filter(Boolean).join('\n');
}

function issueLine(i: IssueSummary): string {
  const who = i.assignees.length ? ` → ${i.assignees.join(', ')}` : '';
  return `- #${i.number} ${i.title}${tags(i.labels)} (${i.state}, by ${i.author ?? 'ghost'}${who}, ${i.comments} comments, updated ${date(i.updatedAt)})`;
}

export function issueList(items: IssueSummary[], skipped: number, nextCursor: string | null): string {
  const prs = skipped === 1 ? '1 pull request' : `${skipped} pull requests`;
  const note = skipped ? `\n(${prs} on this page left out; use list_pull_requests.)` : '';
  if (items.length === 0) return `No issues on this page.${note}${more(nextCursor)}`;
  return `${items.map(issueLine).join('\n')}${note}${more(nextCursor)}`;
}

function commentText(c: Comment): string {
  return `--- ${c.author ?? 'ghost'} on ${date(c.createdAt)}:\n${c.body}`;
}

export function issueText(i: Issue): string {
  const comments = i.recentComments;
  const kind = i.isPullRequest ? 'Pull request' : 'Issue';
  const state = i.stateReason ? `${i.state} (${i.stateReason})` : i.state;
  const header = [
    `${kind} #${i.number}: ${i.title}`,
    `State: ${state} · by ${i.author ?? 'ghost'} · opened ${date(i.createdAt)} · ${i.comments} comments${tags(i.labels)}`,
    i.assignees.length ? `Assigned to ${i.assignees.join(', ')}` : '',
    i.isPullRequest ? 'This is a pull request: get_pull_request shows its branches and changed files.' : '',
    i.url,
  ].filter(Boolean);
  const shown =
    comments.length < i.comments ? `\n\nThe last ${comments.length} of ${i.comments} comments:` : '';
  return `${header.join('\n')}\n\n${i.body || '(no description)'}${shown}${comments.length ? '\n\n' : ''}${comments.map(commentText).join('\n\n')}`;
}

function pullRequestLine(p: PullRequestSummary): string {
  const state = p.mergedAt ? 'merged' : p.draft ? `${p.state}, draft` : p.state;
  return `- #${p.number} ${p.title}${tags(p.labels)} (${state}, ${p.head} → ${p.base}, by ${p.author ?? 'ghost'}, updated ${date(p.updatedAt)})`;
}

export function pullRequestList(items: PullRequestSummary[], nextCursor: string | null): string {
  if (items.length === 0) return 'No pull requests matched.';
  return `${items.map(pullRequestLine).join('\n')}${more(nextCursor)}`;
}

function changedFileText(f: ChangedFile): string {
  const renamed = f.previousFilename ? ` (from ${f.previousFilename})` : '';
  const head = `${f.status} ${f.filename}${renamed} +${f.additions} -${f.deletions}`;
  return f.patch ? `${head}\n${f.patch}` : head;
}

export function pullRequestText(p: PullRequest): string {
  const { files, nextCursor } = p;
  const state = p.merged ? `merged ${date(p.mergedAt)}` : p.draft ? `${p.state} (draft)` : p.state;
  const header = [
    `Pull request #${p.number}: ${p.title}`,
    `${p.head} → ${p.base} · ${state} · by ${p.author ?? 'ghost'}${tags(p.labels)}`,
    `${p.commits} commits, ${p.changedFiles} files changed, +${p.additions} -${p.deletions}`,
    p.requestedReviewers.length ? `Review requested from ${p.requestedReviewers.join(', ')}` : '',
    p.url,
  ].filter(Boolean);
  const list = files.length ? `\n\nChanged files:\n${files.map(changedFileText).join('\n\n')}` : '';
  const rest = nextCursor ? `\n\nMore changed files: call again with cursor "${nextCursor}".` : '';
  return `${header.join('\n')}\n\n${p.body || '(no description)'}${list}${rest}`;
}

function codeMatchText(m: CodeMatch): string {
  const fragments = m.fragments.map((f) => f.replace(/^/gm, '    ')).join('\n    …\n');
  return `- ${m.repository}: ${m.path}\n  ${m.url}${fragments ? `\n${fragments}` : ''}`;
}

export function codeSearchText(total: number, matches: CodeMatch[], nextCursor: string | null): string {
  if (matches.length === 0) return 'No code matched.';
  return `${total} files matched; showing ${matches.length}:\n${matches.map(codeMatchText).join('\n')}${more(nextCursor)}`;
}

export function directoryText(path: string, entries: DirectoryEntry[]): string {
  const lines = entries.map((e) => (e.type === 'dir' ? `${e.name}/` : `${e.name} (${e.size} bytes)`));
  return `Folder ${path || '/'} (${entries.length} entries):\n${lines.join('\n')}`;
}

function notificationLine(n: Notification): string {
  const ref = n.number ? ` #${n.number}` : '';
  return `- ${n.unread ? '● ' : ''}${n.repository}${ref} ${n.type}: ${n.title} (${n.reason}, ${date(n.updatedAt)})`;
}

export function notificationList(items: Notification[], nextCursor: string | null): string {
  if (items.length === 0) return 'No notifications.';
  return `${items.map(notificationLine).join('\n')}${more(nextCursor)}`;
}
