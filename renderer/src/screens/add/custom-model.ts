import type { AddCustomInstance } from '../../../../electron/shared/contract';
import { looksSecret } from '../clients/client-model';
import { lines } from './field-values';
import type { LaunchInfo } from './launch-preview';

/** One environment variable row of the form (`key` is the row's identity, for React). */
export interface EnvRow {
  key: number;
  name: string;
  value: string;
  secret: boolean;
  /** The user set Secret themselves: stop guessing it from the name. */
  secretChosen: boolean;
}

export interface CustomDraft {
  name: string;
  id: string;
  /** The user typed an ID: stop deriving it from the name. */
  idChosen: boolean;
  command: string;
  /** One argument per line. */
  args: string;
  env: EnvRow[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Programs people type with their arguments in one go ("npx -y server"). */
const RUNNERS = /^(npx|uvx|uv|node|python3?|pipx|bunx|bun|deno|docker|pnpm|yarn|java|go)$/;

/** "My Notes!" → "my-notes". */
const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');

/** A free ID derived from `text`: its slug, numbered when taken. */
export function suggestId(text: string, taken: ReadonlySet<string>): string {
  const base = slug(text) || 'my-server';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 60)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function idError(id: string, name: string, taken: ReadonlySet<string>): string | null {
  const suggestion = suggestId(id || name, taken);
  if (id === '')
    return `Enter an ID; AI clients’ settings name the service by it. For example “${suggestion}”.`;
  if (!ID_PATTERN.test(id)) {
    return `“${id}” can’t be an ID: use lowercase letters, digits and dashes, starting with a letter or digit. Try “${suggestion}”.`;
  }
  if (taken.has(id)) return `There is already a service with the ID “${id}”. Try “${suggestion}”.`;
  return null;
}

/** When the command holds its own arguments: the program alone, and the rest as arguments. */
export function splitCommand(command: string): { command: string; args: string[] } | null {
  const parts = command.trim().split(/\s+/);
  if (parts.length < 2 || !RUNNERS.test(parts[0]!)) return null;
  return { command: parts[0]!, args: parts.slice(1) };
}

export function commandError(command: string): string | null {
  if (command.trim() === '') return 'Enter the program to run, such as npx, uvx or node.';
  const split = splitCommand(command);
  if (split) {
    return `Put only “${split.command}” here and “${split.args.join(' ')}” under Arguments, one per line.`;
  }
  return null;
}

/** "my-key" → "MY_KEY": a valid name close to what was typed. */
export const suggestEnvName = (name: string): string => {
  const cleaned = name.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || 'API_KEY';
};

export type EnvErrors = Record<number, { name?: string; value?: string }>;

/** Problems per row (by row key); rows left completely empty are ignored. */
export function envErrors(rows: readonly EnvRow[]): EnvErrors {
  const errors: EnvErrors = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '' && row.value === '' && !row.secret) continue;
    const error: { name?: string; value?: string } = {};
    if (name === '') error.name = 'Enter the variable’s name, or remove this row.';
    else if (!ENV_NAME.test(name)) {
      error.name = `“${name}” is not a valid name: use letters, digits and underscores, not starting with a digit (for example ${suggestEnvName(name)}).`;
    } else if (seen.has(name)) error.name = `${name} is set twice; keep one of them.`;
    seen.add(name);
    if (row.secret && row.value === '') {
      error.value = `Enter the value of ${name || 'this secret'}; it goes to your keychain.`;
    }
    if (row.value.length > 32_768) error.value = 'This value is too long (at most 32,768 characters).';
    if (error.name || error.value) errors[row.key] = error;
  }
  return errors;
}

/** Guesses Secret from the name (API_KEY, TOKEN…) until the user decides. */
export const withSecretGuess = (row: EnvRow): EnvRow =>
  row.secretChosen ? row : { ...row, secret: looksSecret(row.name.trim()) };

const filled = (rows: readonly EnvRow[]) => rows.filter((row) => row.name.trim() !== '');

/** The request for `addCustomInstance`: secret values go to `secretEnv` (the keychain). */
export function toCustomRequest(draft: CustomDraft): AddCustomInstance {
  const env: Record<string, string> = {};
  const secretEnv: Record<string, string> = {};
  for (const row of filled(draft.env)) (row.secret ? secretEnv : env)[row.name.trim()] = row.value;
  return {
    id: draft.id,
    name: draft.name.trim(),
    command: draft.command.trim(),
    args: lines(draft.args),
    env,
    secretEnv,
  };
}

/** What the confirmation shows: the command, each argument, and variable names only. */
export function customLaunch(draft: CustomDraft): LaunchInfo {
  const rows = filled(draft.env);
  return {
    command: draft.command.trim(),
    args: lines(draft.args),
    envNames: rows.map((row) => row.name.trim()),
    secretEnvNames: rows.filter((row) => row.secret).map((row) => row.name.trim()),
  };
}
