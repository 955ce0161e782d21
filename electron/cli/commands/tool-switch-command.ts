import type { TrayApi } from '../../shared/api';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

/**
 * `mcp-tray tools enable|disable <id> --tool NAME...`: the tool switches of a service's Tools
 * tab (setToolEnabled): a tool that is off is hidden from every AI client and refused.
 */
export async function toolSwitchCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [sub, id, extra] = args.positionals;
  if (!id || extra !== undefined || args.toolNames.length === 0 || args.all) {
    throw new UsageError(`usage: mcp-tray tools ${sub} <id> --tool NAME...`);
  }
  const enabled = sub === 'enable';
  let disabledTools: string[] = [];
  for (const tool of args.toolNames) {
    ({ disabledTools } = await api.setToolEnabled({ id, tool, enabled }));
  }
  if (args.json) out(JSON.stringify({ id, disabledTools }));
  else {
    out(`${args.toolNames.join(', ')}: ${enabled ? 'on' : 'off'} for every AI client.`);
    out(`Tools turned off for ${id}: ${disabledTools.join(', ') || 'none'}`);
  }
  return 0;
}
