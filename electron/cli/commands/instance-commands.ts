import type { InstanceSummary } from '../../shared/contract';
import type { PermissionLevel } from '../../shared/permissions-contract';
import type { TrayApi } from '../../shared/api';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { readSecrets } from '../secret-input';

type Out = (line: string) => void;

/** Env names whose values we keep in the keychain even when given with --env. */
const SECRET_LOOKING = /token|secret|passw|api[-_]?key|_key$|auth|credential|cookie|pat$/i;

const oneId = (args: ParsedArgs): string => {
  const [id, extra] = args.positionals;
  if (!id || extra !== undefined) throw new UsageError(`${args.command} takes exactly one service id`);
  return id;
};

function printSummary(out: Out, args: ParsedArgs, summary: InstanceSummary): void {
  if (args.json) out(JSON.stringify(statusRecord(summary)));
  else out(`${summary.id}: ${summary.state}${summary.stateReason ? ` (${summary.stateReason})` : ''}`);
}

/** "restarting in 4 s", from the time of the next attempt. */
const retryIn = (at: string): string =>
  `restarting in ${Math.max(0, Math.ceil((Date.parse(at) - Date.now()) / 1000))} s`;

/** The `status --json` record of one instance. */
export function statusRecord(s: InstanceSummary) {
  return {
    id: s.id,
    name: s.name,
    integration: s.integrationId,
    enabled: s.enabled,
    state: s.state,
    reason: s.stateReason,
    since: s.stateSince,
    pid: s.pid,
    tools: s.toolCount,
    /** Tools new or changed since approval, hidden from AI clients until reviewed. */
    toolsToReview: s.toolsToReview ?? 0,
    nextRetryAt: s.nextRetryAt,
    /** The pinned version of a registry install, else null. */
    version: s.version ?? null,
    source: s.source ?? 'custom',
    sandbox: s.sandbox,
    blocked: s.blockedCount,
  };
}

export async function statusCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const instances = await api.listInstances();
  if (args.json) {
    out(JSON.stringify(instances.map(statusRecord)));
    return 0;
  }
  if (instances.length === 0) {
    out('No services yet. Add one with: mcp-tray add <id> -- <command> [args...]');
    return 0;
  }
  const rows = instances.map((s) => [
    s.id,
    s.state,
    s.pid === null ? '-' : String(s.pid),
    String(s.toolCount),
    SANDBOX_WORDS[s.sandbox],
    [
      s.stateReason,
      s.state === 'backoff' && s.nextRetryAt ? retryIn(s.nextRetryAt) : null,
      s.toolsToReview ? `tools changed: review (mcp-tray tools review ${s.id})` : null,
    ]
      .filter((part): part is string => Boolean(part))
      // One sentence: a reason's own full stop would read ".; restarting in 1 s".
      .map((part) => part.replace(/\.$/, ''))
      .join('; '),
  ]);
  const header = ['ID', 'STATE', 'PID', 'TOOLS', 'SANDBOX', 'REASON'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    out(row.map((cell, i) => (i === 5 ? cell : cell.padEnd(widths[i]!))).join('  '));
  return 0;
}

// Never a word that claims protection that is not there.
const SANDBOX_WORDS: Record<InstanceSummary['sandbox'], string> = {
  standard: 'sandboxed',
  strict: 'sandboxed (strict)',
  none: 'not sandboxed',
  unavailable: 'not sandboxed (unavailable)',
};

/** The contract's levels, listed here so `status` and friends need not load zod. */
const LEVELS: readonly PermissionLevel[] = ['standard', 'strict', 'none'];

/** `--sandbox` as a level, refused in words when it is none of them. */
function sandboxLevel(value: string | undefined): PermissionLevel | undefined {
  if (value === undefined) return undefined;
  if (!LEVELS.includes(value as PermissionLevel)) {
    throw new UsageError(`--sandbox takes standard, strict or none, not "${value}"`);
  }
  return value as PermissionLevel;
}

function pairs(list: string[], flag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of list) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} takes NAME=value, not "${pair}"`);
    result[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return result;
}

/** `add <integration>`: a catalog integration, its sensitive settings asked for hidden. */
async function addFromCatalog(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const integrationId = oneId(args);
  if (args.env.length > 0 || args.secretEnv.length > 0) {
    throw new UsageError('--env and --secret-env are for custom commands (after "--"); use --config');
  }
  const catalog = await api.listCatalog();
  const entry = catalog.find((e) => e.id === integrationId);
  if (!entry) {
    throw new UsageError(
      `there is no integration "${integrationId}" (known: ${catalog.map((e) => e.id).join(', ')}); ` +
        'add needs the command after "--" for your own server (mcp-tray add <id> -- <command> [args...]) ' +
        'or --url for a remote one (mcp-tray add <id> --url https://…/mcp)',
    );
  }
  const given = pairs(args.config, '--config');
  const userConfig: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(given)) {
    const field = entry.fields.find((f) => f.key === key);
    if (!field) {
      const known = entry.fields.filter((f) => !f.sensitive).map((f) => f.key);
      throw new UsageError(`${entry.name} has no setting "${key}" (settings: ${known.join(', ') || 'none'})`);
    }
    if (field.sensitive) throw new UsageError(`"${key}" is secret: you will be asked for it, hidden`);
    userConfig[key] =
      field.type === 'number' ? Number(value) : field.type === 'boolean' ? value === 'true' : value;
  }
  const secretFields = entry.fields.filter((f) => f.sensitive && f.required);
  const values = await readSecrets(secretFields.map((f) => f.title));
  const secrets = Object.fromEntries(secretFields.map((f, i) => [f.key, values[i]!]));
  const summary = await api.addCatalogInstance({
    integrationId,
    id: args.as,
    name: args.name,
    userConfig,
    secrets,
    sandbox: sandboxLevel(args.sandbox),
  });
  printSummary(out, args, summary);
  if (!args.json && (entry.auth === 'oauth' || entry.auth === 'device')) {
    out(`Next: mcp-tray auth ${summary.id}   (signs in to ${entry.name})`);
  }
  return 0;
}

/** How long `add --url` waits to tell whether the server connected or wants a sign-in. */
const REMOTE_SETTLE_MS = 20_000;

/** `add [<id>] --url <address>`: a remote MCP server, reached over HTTP by the core. */
async function addRemote(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  if (args.rest.length > 0) throw new UsageError('--url and a command after "--" do not go together');
  if (args.env.length > 0 || args.secretEnv.length > 0 || args.config.length > 0 || args.as || args.sandbox) {
    throw new UsageError(
      'a remote server takes only an id, --name and --url (it runs elsewhere: nothing to sandbox)',
    );
  }
  const [id, extra] = args.positionals;
  if (extra !== undefined) throw new UsageError('add --url takes at most one service id');
  let summary = await api.addRemoteInstance({ id, name: args.name, url: args.url! });
  // Wait (bounded) for the first connection, so the answer says whether a sign-in is needed.
  const deadline = Date.now() + REMOTE_SETTLE_MS;
  while (summary.state === 'starting' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    summary = (await api.listInstances()).find((s) => s.id === summary.id) ?? summary;
  }
  printSummary(out, args, summary);
  if (!args.json && summary.state === 'needs-auth') {
    out(`Next: mcp-tray auth ${summary.id}   (signs in in your browser)`);
  }
  return 0;
}

/**
 * A service id the core would refuse, refused here in words with one it would take (the core's
 * own answer names its request and field: "Invalid input for addCustomInstance at id").
 */
async function checkId(id: string): Promise<void> {
  // Loaded only here: `status` and friends need not load zod.
  const { INSTANCE_ID_PATTERN } = await import('../../shared/instance-id');
  if (INSTANCE_ID_PATTERN.test(id)) return;
  const suggestion =
    id
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63) || 'my-server';
  throw new UsageError(
    `"${id}" cannot be a service id: use 1–63 lowercase letters, digits and dashes, starting with ` +
      `a letter or digit, such as "${suggestion}" (--name sets the name you see)`,
  );
}

export async function addCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  if (args.url !== undefined) return addRemote(api, args, out);
  if (args.rest.length === 0) return addFromCatalog(api, args, out);
  if (args.config.length > 0 || args.as)
    throw new UsageError('--config and --as are for catalog integrations');
  const id = oneId(args);
  await checkId(id);
  const [command, ...commandArgs] = args.rest;
  if (!command)
    throw new UsageError('add needs the command after "--", e.g. mcp-tray add notes -- npx -y my-server');
  const env = pairs(args.env, '--env');
  const values = await readSecrets(args.secretEnv);
  const secretEnv = Object.fromEntries(args.secretEnv.map((name, i) => [name, values[i]!]));
  // A token passed as plain --env would land in settings.json: keep it in the keychain instead.
  for (const name of Object.keys(env).filter((key) => SECRET_LOOKING.test(key))) {
    secretEnv[name] = env[name]!;
    delete env[name];
    process.stderr.write(
      `mcp-tray: ${name} looks like a secret; it is stored in the keychain, not in settings ` +
        '(use --secret-env to type it without it showing in your shell history).\n',
    );
  }
  const summary = await api.addCustomInstance({
    id,
    name: args.name,
    command,
    args: commandArgs,
    env,
    secretEnv,
    sandbox: sandboxLevel(args.sandbox),
  });
  printSummary(out, args, summary);
  return 0;
}

export async function simpleInstanceCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const id = oneId(args);
  switch (args.command) {
    case 'remove':
      await api.removeInstance({ id });
      out(args.json ? JSON.stringify({ id, removed: true }) : `${id}: removed`);
      return 0;
    case 'restart':
      printSummary(out, args, await api.restartInstance({ id }));
      return 0;
    case 'enable':
    case 'disable':
      printSummary(out, args, await api.setInstanceEnabled({ id, enabled: args.command === 'enable' }));
      return 0;
    default:
      throw new UsageError(`unexpected command ${args.command}`);
  }
}
