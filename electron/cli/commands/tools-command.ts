import type { TrayApi } from '../../shared/api';
import type { ToolDiffPart, ToolReview, ToolReviewItem } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { toolSwitchCommand } from './tool-switch-command';

type Out = (line: string) => void;

const USAGE =
  'usage: mcp-tray tools list <id> [--json] | tools review <id> [--json] | ' +
  'tools approve|reject <id> (--all | --tool NAME...) | tools enable|disable <id> --tool NAME...';

/** Longer descriptions are cut in the list (`--json` has them whole). */
const DESCRIPTION = 100;

/**
 * `mcp-tray tools list <id>`: the names `call` and `--tool` take, each with what it does; without
 * it the CLI had no way to learn them.
 */
async function listCommand(api: TrayApi, id: string, args: ParsedArgs, out: Out): Promise<number> {
  const { tools, state } = await api.getInstance({ id });
  if (args.json) {
    out(
      JSON.stringify(
        tools.map(({ name, title, description, enabled }) => ({ name, title, description, enabled })),
      ),
    );
    return 0;
  }
  if (tools.length === 0) {
    out(`${id} has no tools${state === 'running' ? '' : ` (it is ${state}; they show once it runs)`}.`);
    return 0;
  }
  const names = tools.map((t) => (t.enabled ? t.name : `${t.name} (off)`));
  const width = Math.max(...names.map((n) => n.length));
  out(`${id}: ${tools.length} tool${tools.length === 1 ? '' : 's'}`);
  tools.forEach((tool, i) => {
    const text = (tool.description ?? tool.title ?? '').replace(/\s+/g, ' ').trim();
    const cut = text.length > DESCRIPTION ? `${text.slice(0, DESCRIPTION - 1)}…` : text;
    out(`  ${names[i]!.padEnd(width)}  ${cut}`.trimEnd());
  });
  out('');
  out(`Call one with: mcp-tray call ${id} <tool> [--arg K=V]...`);
  return 0;
}

/** Unchanged text longer than this is shortened in the terminal (the UI shows it whole). */
const CONTEXT = 80;

/** A word diff the way `git diff --word-diff` prints one: `[-removed-]{+added+}`. */
export function renderDiff(parts: ToolDiffPart[]): string {
  return parts
    .map((part) => {
      if (part.op === 'added') return `{+${part.text}+}`;
      if (part.op === 'removed') return `[-${part.text}-]`;
      return part.text.length > CONTEXT * 2
        ? `${part.text.slice(0, CONTEXT)} … ${part.text.slice(-CONTEXT)}`
        : part.text;
    })
    .join('');
}

function printItem(item: ToolReviewItem, out: Out): void {
  const what = item.change === 'new' ? 'new' : `changed since you approved it (${item.approvedAt ?? '?'})`;
  const rejected = item.status === 'rejected' ? '; you rejected this version' : '';
  out(`  ${item.name}: ${what}${rejected}`);
  for (const field of item.diff) {
    const text = renderDiff(field.parts).replace(/\n/g, '\n      ');
    out(`    ${field.field}: ${text}`);
  }
  for (const warning of item.warnings) {
    out(`    ! warning (${warning.field}): ${warning.message}: "${warning.excerpt}"`);
  }
}

function printReview(review: ToolReview, out: Out): void {
  if (!review.listed) {
    out(`${review.name} (${review.id}) has not listed its tools yet (it is not running).`);
    return;
  }
  if (review.items.length === 0) {
    out(`${review.name} (${review.id}): all ${review.approved} tools are approved; nothing to review.`);
    return;
  }
  const pending = review.items.filter((i) => i.status === 'pending');
  const rejected = review.items.filter((i) => i.status === 'rejected');
  if (pending.length > 0) {
    out(
      `${review.name} (${review.id}): ${pending.length} ${pending.length === 1 ? 'tool is' : 'tools are'} ` +
        'new or changed and held back from AI clients until you review them.',
    );
    pending.forEach((item) => printItem(item, out));
  }
  if (rejected.length > 0) {
    out(`Rejected (hidden from AI clients until they change again):`);
    rejected.forEach((item) => printItem(item, out));
  }
  const names = pending.map((i) => `--tool ${i.name}`).join(' ') || '--tool NAME';
  out('');
  out(`Approve: mcp-tray tools approve ${review.id} ${pending.length > 0 ? '--all' : names}`);
  out(`Reject:  mcp-tray tools reject ${review.id} ${names}`);
}

/**
 * `mcp-tray tools review <id> [--json]` and `tools approve|reject <id> (--all | --tool NAME…)`.
 * `--json` prints the review (the contract's `ToolReview`) as one JSON object, also after a
 * decision; its `pending` says how many tools wait.
 */
export async function toolsCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [sub, id, extra] = args.positionals;
  if (sub === 'enable' || sub === 'disable') return toolSwitchCommand(api, args, out);
  if (sub === 'list') {
    if (!id || extra !== undefined) throw new UsageError('usage: mcp-tray tools list <id> [--json]');
    return listCommand(api, id, args, out);
  }
  if (!sub || !id || extra !== undefined || !['review', 'approve', 'reject'].includes(sub)) {
    throw new UsageError(USAGE);
  }
  let review: ToolReview;
  if (sub === 'review') {
    if (args.all || args.toolNames.length > 0) throw new UsageError(USAGE);
    review = await api.getToolReview({ id });
  } else {
    if (args.all === args.toolNames.length > 0) {
      throw new UsageError(`tools ${sub} takes either --all or one or more --tool NAME`);
    }
    const decision = { id, all: args.all, tools: args.toolNames.map((name) => ({ name })) };
    review = sub === 'approve' ? await api.approveTools(decision) : await api.rejectTools(decision);
    if (!args.json) {
      const count = args.all ? 'All waiting tools' : args.toolNames.join(', ');
      out(
        sub === 'approve'
          ? `${count}: approved; AI clients see ${args.all || args.toolNames.length > 1 ? 'them' : 'it'} now.`
          : `${count}: rejected; hidden from AI clients until ${args.toolNames.length === 1 ? 'it changes' : 'they change'} again.`,
      );
    }
  }
  if (args.json) out(JSON.stringify(review));
  else if (sub === 'review' || review.pending > 0) printReview(review, out);
  return 0;
}
