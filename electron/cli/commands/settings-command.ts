import type { TrayApi } from '../../shared/api';
import type { CatalogField, InstanceDetail } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { parseDuration } from '../durations';
import { readSecrets } from '../secret-input';

type Out = (line: string) => void;
type Value = string | number | boolean | string[];

/**
 * `--config K=V` pairs as the values the fields declare (numbers, booleans, lists split on
 * commas), refusing unknown and secret keys in words. Without `fields`, values stay text and
 * the core checks them.
 */
export function configValues(
  given: string[],
  fields: CatalogField[] | null,
  what: string,
): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const pair of given) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--config takes NAME=value, not "${pair}"`);
    const key = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    const field = fields?.find((f) => f.key === key);
    if (fields && !field) {
      const known = fields.filter((f) => !f.sensitive).map((f) => f.key);
      throw new UsageError(`${what} has no setting "${key}" (settings: ${known.join(', ') || 'none'})`);
    }
    if (field?.sensitive) throw new UsageError(`"${key}" is secret: use --secret ${key} (asked for, hidden)`);
    values[key] =
      field?.type === 'number'
        ? Number(text)
        : field?.type === 'boolean'
          ? text === 'true'
          : field?.multiple
            ? text.split(',').filter(Boolean)
            : text;
  }
  return values;
}

/** The range the core takes for each timeout (the contract's), said in words when refused. */
const TIMEOUT_RANGES = {
  '--request-timeout': { maxMs: 3_600_000, words: '1 s to 1 h' },
  '--start-timeout': { maxMs: 600_000, words: '1 s to 10 min' },
} as const;

/** "--request-timeout 45s" or "default" (null); out of range refused here, not as the core's schema error. */
function timeoutOf(text: string | undefined, flag: keyof typeof TIMEOUT_RANGES): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === 'default') return null;
  const ms = parseDuration(text, flag);
  const range = TIMEOUT_RANGES[flag];
  if (ms < 1000 || ms > range.maxMs) {
    throw new UsageError(`${flag} takes ${range.words}, or "default"; not "${text}"`);
  }
  return ms;
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

function printSettings(detail: InstanceDetail, fields: CatalogField[] | null, out: Out): void {
  out(`${detail.name} (${detail.id})`);
  const config = detail.userConfig ?? {};
  const secret = new Set(detail.secretFields ?? []);
  const keys = fields ? fields.map((f) => f.key) : [...Object.keys(config), ...(detail.secretFields ?? [])];
  if (keys.length === 0) out('  No settings (a custom command: its variables are fixed when added).');
  for (const key of keys) {
    const field = fields?.find((f) => f.key === key);
    const label = field ? `${field.title} (${key})` : key;
    if (field?.sensitive || secret.has(key)) {
      out(`  ${label}: ${secret.has(key) ? 'set, in the keychain' : 'not set'}`);
    } else {
      const value = config[key] ?? field?.default ?? null;
      out(`  ${label}: ${value === null ? 'not set' : JSON.stringify(value)}`);
    }
  }
  const note = (isDefault: boolean) => (isDefault ? ' (default)' : '');
  out(`  Request timeout: ${seconds(detail.requestTimeoutMs)}${note(detail.requestTimeoutIsDefault)}`);
  out(`  Start timeout: ${seconds(detail.startTimeoutMs)}${note(detail.startTimeoutIsDefault)}`);
  out(`  Tools turned off: ${detail.disabledTools.join(', ') || 'none'}`);
}

/** The `settings --json` record: what the Settings tab of a service shows. */
const settingsRecord = (detail: InstanceDetail) => ({
  id: detail.id,
  userConfig: detail.userConfig ?? {},
  secretFields: detail.secretFields ?? [],
  requestTimeoutMs: detail.requestTimeoutMs,
  requestTimeoutIsDefault: detail.requestTimeoutIsDefault,
  startTimeoutMs: detail.startTimeoutMs,
  startTimeoutIsDefault: detail.startTimeoutIsDefault,
  disabledTools: detail.disabledTools,
});

/**
 * `mcp-tray settings <id>`: shows a service's settings, or changes them through the same
 * requests as its Settings tab (updateInstanceSettings, setRequestTimeout, setStartTimeout).
 */
export async function settingsCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [id, extra] = args.positionals;
  if (!id || extra !== undefined) throw new UsageError('settings takes exactly one service id');
  const before = await api.getInstance({ id });
  // Its own integration, a bundle's manifest included (the catalog lists no bundle).
  const entry = await api.getInstanceIntegration({ id });
  const fields = entry?.fields ?? null;
  const requestTimeout = timeoutOf(args.requestTimeout, '--request-timeout');
  const startTimeout = timeoutOf(args.startTimeout, '--start-timeout');
  if (args.config.length > 0 || args.secrets.length > 0) {
    const userConfig = configValues(args.config, fields, before.name);
    for (const name of args.secrets) {
      const field = fields?.find((f) => f.key === name);
      if (fields && !field?.sensitive) {
        const known = fields.filter((f) => f.sensitive).map((f) => f.key);
        throw new UsageError(
          `${before.name} has no secret setting "${name}" (secret settings: ${known.join(', ') || 'none'})`,
        );
      }
    }
    const values = await readSecrets(
      args.secrets.map((name) => fields?.find((f) => f.key === name)?.title ?? name),
    );
    const secrets = Object.fromEntries(args.secrets.map((name, i) => [name, values[i]!]));
    await api.updateInstanceSettings({ id, userConfig, secrets });
  }
  if (requestTimeout !== undefined) await api.setRequestTimeout({ id, timeoutMs: requestTimeout });
  if (startTimeout !== undefined) await api.setStartTimeout({ id, timeoutMs: startTimeout });
  const detail = await api.getInstance({ id });
  if (args.json) out(JSON.stringify(settingsRecord(detail)));
  else printSettings(detail, fields, out);
  return 0;
}
