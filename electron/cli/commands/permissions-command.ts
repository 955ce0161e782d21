import type { TrayApi } from '../../shared/api';
import type { PermissionsView } from '../../shared/permissions-contract';
import { PermissionLevel } from '../../shared/permissions-contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

const STATUS_WORDS: Record<PermissionsView['sandbox'], string> = {
  standard: 'Sandboxed (standard)',
  strict: 'Sandboxed (strict)',
  none: 'Not sandboxed',
  unavailable: 'Not sandboxed: this computer cannot sandbox it',
};

function print(out: Out, view: PermissionsView): void {
  out(`${view.instanceId}: ${STATUS_WORDS[view.sandbox]}`);
  if (view.unavailable) out(`  Why: ${view.unavailable.reason}. Fix: ${view.unavailable.fix}`);
  for (const line of view.summary) out(`  ${line}`);
  if (view.blockedCount > 0) {
    out(`  ${view.blockedCount} blocked attempt${view.blockedCount === 1 ? '' : 's'}; latest:`);
    for (const line of view.recentBlocked.slice(-5)) out(`    ${line}`);
  }
}

/**
 * `mcp-tray permissions <id> [--json]` shows a service's sandbox profile; with --level,
 * --allow-read, --allow-write, --allow-net, --deny-net or --revoke it changes it (all or nothing;
 * the core refuses relative, `..` and missing paths in words) and the service restarts.
 */
export async function permissionsCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [id, extra] = args.positionals;
  if (!id || extra !== undefined) throw new UsageError('permissions takes exactly one service id');
  let level: PermissionLevel | undefined;
  if (args.level !== undefined) {
    const parsed = PermissionLevel.safeParse(args.level);
    if (!parsed.success) throw new UsageError(`--level takes standard, strict or none, not "${args.level}"`);
    level = parsed.data;
  }
  const changing =
    level !== undefined ||
    [args.allowRead, args.allowWrite, args.allowNet, args.denyNet, args.revoke].some(
      (list) => list.length > 0,
    );
  const view = changing
    ? await api.editPermissions({
        id,
        level,
        allowRead: args.allowRead,
        allowWrite: args.allowWrite,
        allowNet: args.allowNet,
        denyNet: args.denyNet,
        revokePath: args.revoke,
      })
    : await api.getPermissions({ id });
  if (args.json) out(JSON.stringify(view));
  else print(out, view);
  return 0;
}
