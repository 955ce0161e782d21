import type { TrayApi } from '../../shared/api';
import { ClientId as ClientIdSchema } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { statusRecord } from './instance-commands';

type Out = (line: string) => void;

/**
 * `mcp-tray clients import <client> <server>...`: the Clients screen's "Import": the client's
 * own stdio servers become services (secret-looking values go to the keychain) and its entries
 * then run through MCP Tray. Without server names, lists the ones that can be imported.
 */
export async function importCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [, target, ...names] = args.positionals;
  const parsed = ClientIdSchema.safeParse(target);
  if (!parsed.success) {
    throw new UsageError(
      `usage: mcp-tray clients import <client> <server>... (clients: ${ClientIdSchema.options.join(', ')})`,
    );
  }
  const client = parsed.data;
  if (names.length === 0) {
    const info = (await api.listClients()).find((c) => c.id === client)!;
    const own = info.entries.filter((e) => e.instanceId === null && e.command !== '');
    if (args.json) out(JSON.stringify(own));
    else if (own.length === 0) out(`${info.name} has no servers of its own to import.`);
    else {
      out(`${info.name}'s own servers (import with: mcp-tray clients import ${client} NAME...):`);
      for (const entry of own) out(`  ${entry.name}: ${[entry.command, ...entry.args].join(' ')}`);
    }
    return 0;
  }
  const { imported, applied } = await api.importClientServers({ client, names });
  if (args.json) {
    out(JSON.stringify({ imported: imported.map(statusRecord), applied }));
    return 0;
  }
  for (const summary of imported) out(`${summary.id}: imported, ${summary.state}`);
  out(`${client}: wrote ${applied.file}${applied.backup ? ` (backup: ${applied.backup})` : ''}`);
  out(`  ${applied.reloadHint}`);
  return 0;
}
