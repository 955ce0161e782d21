import type { CatalogField } from '../../../../electron/shared/contract';

/** What a form control holds: text (lists as one item per line) or a checkbox. */
export type FieldValue = string | boolean;
export type FieldValues = Record<string, FieldValue>;
export type FieldErrors = Record<string, string>;

type ConfigValue = string | number | boolean | string[];

const isPath = (field: CatalogField): boolean => field.type === 'directory' || field.type === 'file';

/** `${HOME}/Documents` → `~/Documents`: how people write their home folder. */
const homeToTilde = (path: string): string => path.replace(/^\$\{HOME\}(?=[\\/]|$)/, '~');
/** And back, for the core (which substitutes `${HOME}` but does not expand `~`). */
const tildeToHome = (path: string): string => path.replace(/^~(?=[\\/]|$)/, '${HOME}');

/**
 * The form's starting values: each field's saved value (a service's Settings tab) or else its
 * default, shown as the user would type it. Secret fields always start empty.
 */
export function initialValues(
  fields: readonly CatalogField[],
  saved: Readonly<Record<string, ConfigValue>> = {},
): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    const value = saved[field.key] ?? field.default;
    const show = (text: string) => (isPath(field) ? homeToTilde(text) : text);
    if (field.type === 'boolean') values[field.key] = value === true;
    else if (Array.isArray(value)) values[field.key] = value.map(show).join('\n');
    else values[field.key] = value === null || field.sensitive ? '' : show(String(value));
  }
  return values;
}

/** Non-empty lines, trimmed: a list field holds one item per line. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const range = (field: CatalogField): string => {
  if (field.min !== null && field.max !== null) return `between ${field.min} and ${field.max}`;
  if (field.min !== null) return `${field.min} or more`;
  return `${field.max} or less`;
};

/** What is wrong with one value, in words that say how to fix it; null when it is fine. */
export function fieldError(field: CatalogField, value: FieldValue | undefined): string | null {
  if (field.type === 'boolean') return null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    if (!field.required) return null;
    if (field.sensitive) return `Enter ${field.title}. It is needed to connect and goes to your keychain.`;
    if (field.multiple)
      return `Enter at least one ${field.type === 'directory' ? 'folder' : 'value'} for ${field.title}.`;
    return `Enter ${field.title}; it is required.`;
  }
  if (field.type === 'number') {
    const number = Number(text);
    if (!Number.isFinite(number)) return `${field.title} must be a number, like 10.`;
    if ((field.min !== null && number < field.min) || (field.max !== null && number > field.max)) {
      return `${field.title} must be ${range(field)}.`;
    }
  }
  if (text.length > 32_768) return `${field.title} is too long (at most 32,768 characters).`;
  return null;
}

/** Every field's problem, by key; an empty object means the form can be sent. */
export function validateFields(fields: readonly CatalogField[], values: FieldValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const error = fieldError(field, values[field.key]);
    if (error) errors[field.key] = error;
  }
  return errors;
}

/**
 * The request's `userConfig` and `secrets`: sensitive values only ever go to `secrets` (the
 * keychain); empty optional values are left out so the integration's defaults apply.
 */
export function toRequest(
  fields: readonly CatalogField[],
  values: FieldValues,
): { userConfig: Record<string, ConfigValue>; secrets: Record<string, string> } {
  const userConfig: Record<string, ConfigValue> = {};
  const secrets: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.type === 'boolean') {
      userConfig[field.key] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    const path = (value: string) => (isPath(field) ? tildeToHome(value) : value);
    if (field.sensitive) secrets[field.key] = text;
    else if (field.type === 'number') userConfig[field.key] = Number(text);
    else if (field.multiple) userConfig[field.key] = lines(text).map(path);
    else userConfig[field.key] = path(text);
  }
  return { userConfig, secrets };
}

const WHOLE = /^\$\{user_config\.([^}]+)\}$/;
const PART = /\$\{user_config\.([^}]+)\}/g;

/**
 * The arguments with the user's values put in, as the core will (a list field standing alone
 * becomes several arguments). Secrets never appear in arguments; the core refuses that.
 */
export function previewArgs(
  args: readonly string[],
  fields: readonly CatalogField[],
  values: FieldValues,
): string[] {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const valueOf = (key: string): string[] => {
    const field = byKey.get(key);
    if (!field || field.sensitive) return [`\${user_config.${key}}`];
    const value = values[key];
    if (typeof value === 'boolean') return [String(value)];
    const text = (value ?? '').trim();
    const chosen =
      text === '' && field.default !== null ? field.default : field.multiple ? lines(text) : text;
    return Array.isArray(chosen) ? chosen : [String(chosen)];
  };
  return args.flatMap((arg) => {
    const whole = WHOLE.exec(arg);
    if (whole) return valueOf(whole[1]!);
    return [arg.replace(PART, (_all, key: string) => valueOf(key).join(','))];
  });
}
