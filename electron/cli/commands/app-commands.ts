import type { TrayApi } from '../../shared/api';
import { Preferences } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

const KEYS = Object.keys(Preferences.shape) as (keyof Preferences)[];

/** `KEY=VALUE` as the preference's type; the core checks the value itself. */
function preferenceChange(pairs: string[]): Partial<Preferences> {
  const change: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq) as keyof Preferences;
    if (eq <= 0 || !KEYS.includes(key)) {
      throw new UsageError(
        `preferences set takes KEY=VALUE with a key of: ${KEYS.join(', ')}; not "${pair}"`,
      );
    }
    const text = pair.slice(eq + 1);
    const shape = Preferences.shape[key];
    change[key] = shape.safeParse(text).success
      ? text
      : text === 'true'
        ? true
        : text === 'false'
          ? false
          : Number(text);
    if (!shape.safeParse(change[key]).success) {
      throw new UsageError(`${key} cannot be "${text}" (see mcp-tray preferences --help)`);
    }
  }
  return change as Partial<Preferences>;
}

/** `mcp-tray preferences [set KEY=VALUE...]`: the Settings screen's app-wide choices. */
export async function preferencesCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [sub, ...pairs] = args.positionals;
  let preferences: Preferences;
  if (sub === undefined) preferences = await api.getPreferences();
  else if (sub === 'set' && pairs.length > 0) preferences = await api.setPreferences(preferenceChange(pairs));
  else throw new UsageError('usage: mcp-tray preferences [set KEY=VALUE...]');
  if (args.json) out(JSON.stringify(preferences));
  else for (const key of KEYS) out(`${key}: ${String(preferences[key])}`);
  return 0;
}

/** `mcp-tray diagnostics`: Settings' "Export diagnostics" (secrets redacted by the core). */
export async function diagnosticsCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError('diagnostics takes no arguments');
  const result = await api.exportDiagnostics();
  if (args.json) out(JSON.stringify(result));
  else {
    out(`Wrote ${result.path} (${Math.ceil(result.bytes / 1024)} KB, ${result.files.length} files).`);
    out('Secrets are redacted; look it over before you share it.');
  }
  return 0;
}

/**
 * `mcp-tray secrets orphans [--remove [--instance ID]]`: Settings' report of keychain items
 * whose service is gone (listOrphanSecrets), and its "Remove" (removeOrphanSecrets).
 */
export async function secretsCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [sub, extra] = args.positionals;
  if (sub !== 'orphans' || extra !== undefined) {
    throw new UsageError(
      'usage: mcp-tray secrets orphans [--json] | secrets orphans --remove [--instance ID]',
    );
  }
  if (args.instance !== undefined && !args.remove) throw new UsageError('--instance goes with --remove');
  if (args.remove) {
    const { removed } = await api.removeOrphanSecrets({ instanceId: args.instance });
    out(
      args.json
        ? JSON.stringify({ removed })
        : `Removed ${removed} keychain item${removed === 1 ? '' : 's'} of services that no longer exist.`,
    );
    return 0;
  }
  const orphans = await api.listOrphanSecrets();
  if (args.json) out(JSON.stringify(orphans));
  else if (orphans.length === 0) out('No keychain items are left from removed services.');
  else {
    out('Keychain items of services that no longer exist (names only):');
    for (const orphan of orphans) out(`  ${orphan.instanceId}: ${orphan.fields.join(', ')}`);
    out('Remove them with: mcp-tray secrets orphans --remove [--instance ID]');
  }
  return 0;
}
