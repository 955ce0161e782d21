import type {
  CatalogField,
  ConfigValue,
  UpdateInstanceSettings,
} from '../../../../../electron/shared/contract';
import type { FieldErrors, FieldValues } from '../../add/field-values';
import { fieldError, toRequest, validateFields } from '../../add/field-values';

type Changes = Required<Pick<UpdateInstanceSettings, 'userConfig' | 'secrets'>>;

/**
 * What an empty control means for a saved setting. The core keeps every setting it is not sent,
 * so "cleared" has to be sent as a value: the field's default, or an empty text or list.
 */
function clearedValue(field: CatalogField): ConfigValue | undefined {
  if (field.default !== null) return field.default;
  if (field.multiple) return [];
  return field.type === 'number' ? undefined : '';
}

/**
 * Problems with a service's settings, in the add flow's words. A secret field may stay empty
 * when the keychain has a value (empty means "keep it").
 */
export function settingsErrors(
  fields: readonly CatalogField[],
  values: FieldValues,
  before: FieldValues,
  stored: readonly string[],
): FieldErrors {
  const errors = validateFields(
    fields.filter((field) => !field.sensitive),
    values,
  );
  for (const field of fields) {
    const text = values[field.key];
    const empty = typeof text !== 'string' || text.trim() === '';
    if (field.sensitive) {
      const error = empty && stored.includes(field.key) ? null : fieldError(field, text);
      if (error) errors[field.key] = error;
    } else if (
      empty &&
      field.type === 'number' &&
      field.default === null &&
      before[field.key] !== values[field.key]
    ) {
      errors[field.key] ??= `Enter a number for ${field.title}; a saved one cannot be left empty.`;
    }
  }
  return errors;
}

/**
 * The `updateInstanceSettings` request for what the user changed: settings whose control
 * differs from `before` (converted as the add flow does), and every secret typed in.
 */
export function settingsChanges(
  fields: readonly CatalogField[],
  before: FieldValues,
  values: FieldValues,
): Changes {
  const changes: Changes = { userConfig: {}, secrets: {} };
  for (const field of fields) {
    const value = values[field.key];
    if (field.sensitive) {
      if (typeof value === 'string' && value.trim() !== '') changes.secrets[field.key] = value.trim();
      continue;
    }
    if (value === before[field.key] || value === undefined) continue;
    const converted = toRequest([field], { [field.key]: value }).userConfig[field.key];
    const next = converted ?? clearedValue(field);
    if (next !== undefined) changes.userConfig[field.key] = next;
  }
  return changes;
}

/** Whether a request would change anything. */
export const hasChanges = (changes: Changes): boolean =>
  Object.keys(changes.userConfig).length + Object.keys(changes.secrets).length > 0;
