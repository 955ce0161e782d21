import type { TrayApi } from '../../shared/api';
import type { CatalogEntry, RegistryField, RegistryPackageType, UpdatePlan } from '../../shared/contract';
import { RegistryPackageType as PackageTypeSchema } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { readSecrets } from '../secret-input';
import { statusRecord } from './instance-commands';
import { confirm } from '../confirm';

type Out = (line: string) => void;
const warn = (line: string) => process.stderr.write(`mcp-tray: ${line}\n`);

/** One `search --json` record (the issue's machine-readable form). */
interface SearchRecord {
  name: string;
  version: string | null;
  description: string;
  kind: 'local' | 'remote';
  packages: string[];
  source: 'built-in' | 'curated' | 'registry';
}

function catalogRecord(entry: CatalogEntry): SearchRecord {
  return {
    name: entry.id,
    version: entry.version ?? null,
    description: entry.description,
    kind: entry.category === 'remote' ? 'remote' : 'local',
    packages: [],
    source: entry.category === 'built-in' ? 'built-in' : 'curated',
  };
}

/** `search <words>`: the built-in and curated catalog first, then every registry match. */
export async function searchCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const query = args.positionals.join(' ').trim();
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const catalog = (await api.listCatalog())
    .filter((e) => e.category !== 'custom')
    .filter((e) => words.every((w) => `${e.id} ${e.name} ${e.description}`.toLowerCase().includes(w)))
    .map(catalogRecord);
  const records: SearchRecord[] = [...catalog];
  let cursor: string | undefined;
  let notice: string | null = null;
  do {
    const page = await api.searchRegistry({ query, limit: 500, cursor, refresh: args.refresh && !cursor });
    notice ??= page.notice;
    for (const e of page.entries) {
      records.push({
        name: e.name,
        version: e.version,
        description: e.description,
        kind: e.kind,
        packages: e.packageTypes,
        source: 'registry',
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (notice) warn(notice);
  if (args.json) {
    out(JSON.stringify(records));
    return 0;
  }
  if (records.length === 0) {
    out(`Nothing found${query ? ` for "${query}"` : ''}.`);
    return 0;
  }
  for (const r of records) {
    const what = r.packages.length > 0 ? r.packages.join(',') : r.kind;
    out(`${r.name}${r.version ? `@${r.version}` : ''}  [${r.source}, ${what}]  ${r.description}`);
  }
  out('Install one with: mcp-tray add --registry <name>[@version]   (built-in ones: mcp-tray add <name>)');
  return 0;
}

/** `--config K=V` pairs; a key given again adds a line (a repeated argument's next value). */
export function pairs(list: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of list) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--config takes KEY=value, not "${pair}"`);
    const key = pair.slice(0, eq);
    // A repeated argument takes `--config K=a --config K=b`: one value per line, as the UI sends.
    result[key] = key in result ? `${result[key]}\n${pair.slice(eq + 1)}` : pair.slice(eq + 1);
  }
  return result;
}

/** Checks `--config` against the option's fields; refuses secrets there (they are asked for, hidden). */
export function settings(fields: RegistryField[], given: Record<string, string>): Record<string, string> {
  for (const key of Object.keys(given)) {
    const field = fields.find((f) => f.key === key);
    if (!field) {
      const known = fields.filter((f) => !f.secret).map((f) => f.key);
      throw new UsageError(`there is no setting "${key}" (settings: ${known.join(', ') || 'none'})`);
    }
    if (field.secret) throw new UsageError(`"${key}" is secret: you will be asked for it, hidden`);
    if (!field.repeated && given[key]!.includes('\n'))
      throw new UsageError(`"${key}" takes one value: give --config ${key}=… once`);
  }
  return given;
}

async function askSecrets(fields: RegistryField[]): Promise<Record<string, string>> {
  const asked = fields.filter((f) => f.secret && f.required);
  const values = await readSecrets(asked.map((f) => f.key));
  return Object.fromEntries(asked.map((f, i) => [f.key, values[i]!]));
}

/** `add --registry <name>[@version]`: pinned install of a registry entry. */
export async function addFromRegistry(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  if (
    args.rest.length > 0 ||
    args.url ||
    args.env.length > 0 ||
    args.secretEnv.length > 0 ||
    args.positionals.length > 0
  ) {
    throw new UsageError('add --registry takes only --as, --name, --package and --config');
  }
  const spec = args.registry!;
  const at = spec.indexOf('@');
  const name = at === -1 ? spec : spec.slice(0, at);
  const version = at === -1 ? undefined : spec.slice(at + 1);
  let packageType: RegistryPackageType | undefined;
  if (args.package !== undefined) {
    const parsed = PackageTypeSchema.safeParse(args.package);
    if (!parsed.success) throw new UsageError(`--package is one of npm, pypi, oci, nuget, mcpb, remote`);
    packageType = parsed.data;
  }
  const detail = await api.getRegistryEntry({ name, version });
  if (detail.status !== 'active') {
    throw new Error(
      `${detail.name} ${detail.version} is ${detail.status}${detail.statusMessage ? `: ${detail.statusMessage}` : ''}`,
    );
  }
  const chosen = packageType ?? detail.recommended;
  const option =
    detail.options.find((o) => o.type === chosen && o.problem === null) ??
    detail.options.find((o) => o.type === chosen);
  if (!option) {
    const why = detail.options.map(
      (o) => `${o.type}: ${o.problem ?? (o.runtimeFound ? 'ok' : o.runtimeHint)}`,
    );
    throw new Error(`${detail.name} cannot be installed here (${why.join('; ') || 'it has no packages'})`);
  }
  if (option.problem) throw new Error(option.problem);
  const values = settings(option.fields, pairs(args.config));
  const secrets = await askSecrets(option.fields);
  const summary = await api.installFromRegistry({
    name,
    version: detail.version,
    id: args.as,
    displayName: args.name,
    packageType: option.type,
    values,
    secrets,
  });
  if (args.json) {
    out(JSON.stringify(statusRecord(summary)));
    return 0;
  }
  out(`${summary.id}: ${detail.name}@${detail.version} (${option.type}), ${summary.state}`);
  if (option.preview && option.type !== 'remote' && option.type !== 'mcpb') {
    out(`Runs: ${[option.preview.command, ...option.preview.args].join(' ')} (with your values)`);
  }
  return 0;
}

/** `outdated`: registry installs with a newer active version. */
export async function outdatedCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const list = await api.checkUpdates();
  if (args.json) out(JSON.stringify(list));
  else if (list.length === 0) out('Every registry install is at its latest version.');
  else for (const o of list) out(`${o.id}: ${o.name} ${o.current} → ${o.latest}   (mcp-tray update ${o.id})`);
  return 0;
}

function printPlan(plan: UpdatePlan, out: Out): void {
  out(`${plan.id}: ${plan.name} ${plan.from} → ${plan.to}`);
  out(`  before: ${[plan.before.command, ...plan.before.args].join(' ')}`);
  out(`  after:  ${[plan.after.command, ...plan.after.args].join(' ')}`);
  if (plan.envAdded.length > 0) out(`  new variables: ${plan.envAdded.join(', ')}`);
  if (plan.envRemoved.length > 0) out(`  variables no longer used: ${plan.envRemoved.join(', ')}`);
  if (plan.tools) {
    const { added, removed, changed } = plan.tools;
    out(
      `  tools: ${added.length} new${added.length ? ` (${added.join(', ')})` : ''}, ${removed.length} removed` +
        `${removed.length ? ` (${removed.join(', ')})` : ''}, ${changed.length} changed${changed.length ? ` (${changed.join(', ')})` : ''}`,
    );
  } else if (plan.toolsNote) out(`  tools: ${plan.toolsNote}`);
  for (const field of plan.missing)
    out(`  needs: ${field.key}${field.secret ? ' (secret, asked for)' : ` (--config ${field.key}=…)`}`);
}

/** `update <id> [--to V] [--yes]`: the difference first; applied only when confirmed. */
export async function updateCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [id, extra] = args.positionals;
  if (!id || extra !== undefined) throw new UsageError('update takes exactly one service id');
  const plan = await api.planUpdate({ id, to: args.to, trial: args.trial });
  if (!args.json) printPlan(plan, out);
  const values = pairs(args.config);
  const missingPlain = plan.missing.filter((f) => !f.secret && !(f.key in values));
  if (missingPlain.length > 0) {
    throw new UsageError(`the new version needs ${missingPlain.map((f) => `--config ${f.key}=…`).join(' ')}`);
  }
  if (!args.yes && !(await confirm(`Update ${id} to ${plan.to}? [y/N] `))) {
    if (args.json) out(JSON.stringify({ plan, applied: false }));
    else out('Not updated. Run again with --yes to apply.');
    return 1;
  }
  const secrets = await askSecrets(plan.missing);
  const summary = await api.applyUpdate({ id, to: plan.to, values, secrets });
  if (args.json) out(JSON.stringify({ plan, applied: true, instance: statusRecord(summary) }));
  else
    out(
      `${id}: now ${plan.name}@${summary.version ?? plan.to}, ${summary.state} (undo: mcp-tray rollback ${id})`,
    );
  return 0;
}

/** `rollback <id>`: the version before the last update. */
export async function rollbackCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [id, extra] = args.positionals;
  if (!id || extra !== undefined) throw new UsageError('rollback takes exactly one service id');
  const summary = await api.rollbackUpdate({ id });
  if (args.json) out(JSON.stringify(statusRecord(summary)));
  else out(`${id}: back at ${summary.version ?? 'the previous version'}, ${summary.state}`);
  return 0;
}
