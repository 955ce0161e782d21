import { importCommand } from './client-import-command';
import type { TrayApi } from '../../shared/api';
import type { ClientId, ClientInfo } from '../../shared/contract';
import { ClientId as ClientIdSchema, ClientTransport } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

function table(out: Out, clients: ClientInfo[]): void {
  const rows = clients.map((c) => [
    c.id,
    c.installed ? 'yes' : 'no',
    c.configured.join(',') || '-',
    c.error ? `unreadable: ${c.error}` : (c.configPath ?? 'not on this system'),
  ]);
  const header = ['CLIENT', 'INSTALLED', 'SERVICES', 'CONFIG FILE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    out(row.map((cell, i) => (i === 3 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

/**
 * Why nothing was written for a client with one entry per service and none chosen: "already up to
 * date" would read as done while its config file gets no MCP Tray entry at all.
 */
function nothingChosen(current: ClientInfo, instances: string[], args: ParsedArgs): string | null {
  const mode = args.combined ? 'combined' : args.perService ? 'per-service' : current.entryMode;
  if (mode === 'combined' || instances.length > 0) return null;
  return (
    `${current.id}: no services chosen for it yet, so nothing was written. Choose some with: ` +
    `mcp-tray clients write ${current.id} --instance <id>, or give it one entry for its profile ` +
    `with: mcp-tray clients write ${current.id} --combined`
  );
}

/** `mcp-tray clients` and `mcp-tray clients write`. */
export async function clientsCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [sub, target, extra] = args.positionals;
  if (sub === undefined) {
    const clients = await api.listClients();
    if (args.json) out(JSON.stringify(clients));
    else table(out, clients);
    return 0;
  }
  if (sub === 'restart') {
    const parsed = ClientIdSchema.safeParse(target);
    if (!parsed.success || extra !== undefined)
      throw new UsageError('usage: mcp-tray clients restart <client>');
    const result = await api.restartClient({ client: parsed.data });
    out(args.json ? JSON.stringify(result) : result.message);
    return result.restarted ? 0 : 1;
  }
  if (sub === 'transport') return transportCommand(api, args, out);
  if (sub === 'import') return importCommand(api, args, out);
  if (sub === 'profile') {
    const parsed = ClientIdSchema.safeParse(target);
    if (!parsed.success || !extra || args.positionals.length > 3)
      throw new UsageError('usage: mcp-tray clients profile <client> NAME');
    const info = await api.setClientProfile({ client: parsed.data, profile: extra });
    out(args.json ? JSON.stringify(info) : `${parsed.data} now gets the profile "${info.profile}".`);
    return 0;
  }
  if (args.combined && args.perService) throw new UsageError('choose --combined or --per-service, not both');
  if (args.dryRun && (args.combined || args.perService)) {
    // A preview saves nothing, and the entry mode is a saved choice.
    throw new UsageError(
      '--dry-run previews the saved choice; write with --combined or --per-service without it',
    );
  }
  if (sub !== 'write' || extra !== undefined)
    throw new UsageError('usage: mcp-tray clients write <client>|--all');
  if (Boolean(target) === args.all) throw new UsageError('clients write takes one client id, or --all');
  let ids: ClientId[];
  if (args.all) {
    ids = (await api.listClients()).filter((c) => c.installed && !c.error).map((c) => c.id);
  } else {
    const parsed = ClientIdSchema.safeParse(target);
    if (!parsed.success)
      throw new UsageError(`unknown client "${target}"; one of: ${ClientIdSchema.options.join(', ')}`);
    ids = [parsed.data];
  }
  const results = [];
  for (const client of ids) {
    const current = (await api.listClients()).find((c) => c.id === client)!;
    const instances = [...new Set([...current.selected, ...args.instances])];
    if (args.dryRun) {
      // A preview saves nothing, not even the --instance choice.
      const plan = await api.planClientConfig({ client, instances });
      results.push(plan);
      if (!args.json) {
        out(
          plan.changed
            ? plan.diff
            : (nothingChosen(current, instances, args) ?? `${client}: ${plan.file} is already up to date`),
        );
      }
      continue;
    }
    if (args.instances.length > 0) await api.setClientSelection({ client, instances });
    if (args.combined || args.perService) {
      await api.setClientEntryMode({ client, mode: args.combined ? 'combined' : 'per-service' });
    }
    const applied = await api.applyClientConfig({ client });
    results.push(applied);
    if (!args.json) {
      out(
        applied.changed
          ? `${client}: wrote ${applied.file}${applied.backup ? ` (backup: ${applied.backup})` : ''}`
          : (nothingChosen(current, instances, args) ?? `${client}: ${applied.file} already up to date`),
      );
      if (applied.changed) out(`  ${applied.reloadHint}`);
    }
  }
  if (args.json) out(JSON.stringify(results));
  return 0;
}

/**
 * `mcp-tray clients transport <client> http|stdio`: saves the choice, then rewrites the client's
 * entries when it has any (so the switch takes effect in one step).
 */
async function transportCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [, target, choice, extra] = args.positionals;
  const client = ClientIdSchema.safeParse(target);
  const transport = ClientTransport.safeParse(choice);
  if (!client.success || !transport.success || extra !== undefined) {
    throw new UsageError('usage: mcp-tray clients transport <client> http|stdio');
  }
  const info = await api.setClientTransport({ client: client.data, transport: transport.data });
  const applied = info.selected.length > 0 ? await api.applyClientConfig({ client: client.data }) : null;
  if (args.json) {
    out(JSON.stringify({ client: info, applied }));
    return 0;
  }
  out(`${info.name} now uses ${transport.data === 'http' ? 'HTTP' : 'the connector (stdio)'}.`);
  if (transport.data === 'http' && info.effectiveTransport !== 'http') {
    out('The HTTP endpoint is off, so its entries keep using the connector until you run: mcp-tray http on');
  }
  if (applied?.changed) {
    out(`${client.data}: wrote ${applied.file}${applied.backup ? ` (backup: ${applied.backup})` : ''}`);
    out(`  ${applied.reloadHint}`);
  } else if (!applied) {
    out(`It has no services yet; add some with: mcp-tray clients write ${client.data} --instance <id>`);
  }
  return 0;
}
