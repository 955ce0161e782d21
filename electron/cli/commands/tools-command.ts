import type { TrayApi } from '../../shared/api';
import type { ToolDiffPart, ToolReview, ToolReviewItem } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { toolSwitchCommand } from './tool-switch-command';

type Out = (line: string) => void;

const USAGE =
  'usage: mcp-tray tools review <id> [--json] | tools approve|reject <id> (--all | --tool NAME...) | ' +
  'tools enable|disable <id> --tool NAME...';

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
