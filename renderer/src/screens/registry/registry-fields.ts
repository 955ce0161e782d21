import type { CatalogField, RegistryField, RegistryOption } from '../../../../electron/shared/contract';
import type { FieldValues } from '../add/field-values';
import { toRequest } from '../add/field-values';

const FIELD_TYPES: Record<RegistryField['format'], CatalogField['type']> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  filepath: 'file',
};

const KIND_WORDS: Record<RegistryField['kind'], string> = {
  env: 'Environment variable',
  positional: 'Argument',
  named: 'Option',
  variable: 'Address variable',
  header: 'HTTP header',
};

/**
 * A registry field as the Add flow's settings form knows fields, so registry installs reuse
 * its controls, validation and secret handling (secret → password input → `secrets`).
 */
export function asCatalogField(field: RegistryField): CatalogField {
  const type = FIELD_TYPES[field.format];
  const choices = field.choices.length > 0 ? ` One of: ${field.choices.join(', ')}.` : '';
  const where = `${KIND_WORDS[field.kind]} ${field.kind === 'env' || field.kind === 'header' ? field.key : ''}`;
  return {
    key: field.key,
    type,
    title: field.label,
    description: `${field.description}${choices} (${where.trim()})`.trim(),
    required: field.required,
    sensitive: field.secret,
    // A repeated argument is a list: one value per line, each passed as its own argument.
    multiple: field.repeated,
    default: type === 'boolean' ? field.default === 'true' : field.default,
    min: null,
    max: null,
  };
}

/** The request's `values` (strings, as the registry's fields take them) and keychain-only `secrets`. */
export function toInstallValues(
  fields: readonly CatalogField[],
  values: FieldValues,
): { values: Record<string, string>; secrets: Record<string, string> } {
  const { userConfig, secrets } = toRequest(fields, values);
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(userConfig)) {
    strings[key] = Array.isArray(value) ? value.join('\n') : String(value);
  }
  return { values: strings, secrets };
}

/** Environment variables whose value will come from the keychain, for the launch preview. */
export const secretEnvNames = (option: RegistryOption): string[] =>
  option.fields.filter((f) => f.secret && f.kind === 'env').map((f) => f.key);

/** An option can be chosen when the core can build it and its program is here (or it needs none). */
export const installable = (option: RegistryOption): boolean =>
  option.problem === null && (option.runtime === null || option.runtimeFound);

/** The option to start with: the core's recommendation, else the first installable, else the first. */
export function initialOption(options: readonly RegistryOption[], recommended: string | null): number {
  const byType = options.findIndex((o) => o.type === recommended && installable(o));
  if (byType >= 0) return byType;
  const first = options.findIndex(installable);
  return first >= 0 ? first : 0;
}

export const OPTION_LABELS: Record<RegistryOption['type'], string> = {
  npm: 'npm package',
  pypi: 'Python package (PyPI)',
  oci: 'Container image',
  nuget: 'NuGet package',
  mcpb: 'Bundle (.mcpb)',
  remote: 'Remote server',
};
