import type { SchemaField } from './json-schema';

/**
 * What the "try it" form holds per field, as typed: text for inputs, `'true'`/`'false'`/`''` for
 * booleans, the index of the chosen value for a list of allowed values, JSON text otherwise.
 * An empty value means "leave it out" (the server then uses its default).
 */
export type FormValues = Record<string, string>;

/** The arguments to send, or the field to fix and why (`''` for the JSON editor). */
export type BuildResult =
  { ok: true; args: Record<string, unknown> } | { ok: false; field: string; message: string };

/** The form as it starts: each field's default where the schema gives one. */
export function initialValues(fields: readonly SchemaField[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (!field.hasDefault) {
      // A required checkbox has no "not set": it starts unticked, which is `false`.
      values[field.name] = field.input === 'boolean' && field.required ? 'false' : '';
      continue;
    }
    const value = field.defaultValue;
    if (field.input === 'select') {
      const index = field.enumValues?.findIndex((v) => v === value) ?? -1;
      values[field.name] = index >= 0 ? String(index) : '';
    } else if (field.input === 'json') {
      values[field.name] = JSON.stringify(value, null, 2);
    } else {
      values[field.name] = value === null || value === undefined ? '' : String(value);
    }
  }
  return values;
}

function convert(field: SchemaField, raw: string): { value: unknown } | { message: string } {
  const label = field.title ?? field.name;
  switch (field.input) {
    case 'text':
      return { value: raw };
    case 'number':
    case 'integer': {
      const value = Number(raw.trim());
      if (!Number.isFinite(value)) return { message: `${label} must be a number.` };
      if (field.input === 'integer' && !Number.isInteger(value)) {
        return { message: `${label} must be a whole number.` };
      }
      return { value };
    }
    case 'boolean':
      return { value: raw === 'true' };
    case 'select': {
      const value = field.enumValues?.[Number(raw)];
      return value === undefined ? { message: `Choose a value for ${label}.` } : { value };
    }
    case 'json':
      try {
        return { value: JSON.parse(raw) as unknown };
      } catch (error) {
        return { message: `${label} is not valid JSON: ${(error as Error).message}` };
      }
  }
}

/** The arguments object for the call, or the first field that needs fixing and why. */
export function buildArguments(fields: readonly SchemaField[], values: FormValues): BuildResult {
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name] ?? '';
    if (raw === '' || (field.input !== 'text' && raw.trim() === '')) {
      if (field.required) {
        return { ok: false, field: field.name, message: `${field.title ?? field.name} is required.` };
      }
      continue;
    }
    const converted = convert(field, raw);
    if ('message' in converted) return { ok: false, field: field.name, message: converted.message };
    args[field.name] = converted.value;
  }
  return { ok: true, args };
}

/** The JSON editor's text: an object, or why it is not one. */
export function parseArgumentsJson(text: string): BuildResult {
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return { ok: false, field: '', message: `This is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, field: '', message: 'The arguments must be a JSON object, like {"name": "value"}.' };
  }
  return { ok: true, args: value as Record<string, unknown> };
}
