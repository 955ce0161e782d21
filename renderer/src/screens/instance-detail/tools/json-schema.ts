/**
 * Reading a tool's input JSON Schema for people: one field per top-level property, with its type
 * in words, whether it is required, its allowed values, default and limits, and which form
 * control fits it. Only what MCP servers commonly declare is interpreted; anything richer
 * (nested objects, unions) is edited as JSON, which the server validates anyway.
 */

type Schema = Record<string, unknown>;

/** The form control that fits an argument. */
type FieldInput = 'text' | 'number' | 'integer' | 'boolean' | 'select' | 'json';

/** A value a schema's `enum` may list. */
export type EnumValue = string | number | boolean | null;

/** One top-level argument of a tool, read for people and for the form. */
export interface SchemaField {
  name: string;
  /** The type in words: `string`, `integer`, `list of string`, `string or null`. */
  type: string;
  required: boolean;
  title: string | null;
  description: string | null;
  enumValues: EnumValue[] | null;
  /** Whether the schema gives a default (which may itself be null or false). */
  hasDefault: boolean;
  defaultValue: unknown;
  /** Limits in words: `1 to 100`, `at most 200 characters`, `format: uri`. */
  constraints: string[];
  input: FieldInput;
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/** The schema's non-null alternatives, for `anyOf`/`oneOf`/`type: [x, "null"]`. */
function variants(schema: Schema): { options: Schema[]; nullable: boolean } {
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) {
    const all = union.filter(isSchema);
    const options = all.filter((s) => s.type !== 'null');
    return { options, nullable: options.length < all.length };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t): t is string => typeof t === 'string');
    return {
      options: types.filter((t) => t !== 'null').map((type) => ({ ...schema, type })),
      nullable: types.includes('null'),
    };
  }
  return { options: [schema], nullable: false };
}

function single(schema: Schema): string {
  if (Array.isArray(schema.enum)) return 'one of the values';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = str(schema.type);
  if (type === 'array') return isSchema(schema.items) ? `list of ${typeLabel(schema.items)}` : 'list';
  if (type) return type;
  if (isSchema(schema.properties)) return 'object';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? 'object';
  return 'any value';
}

/** A schema's type in words. */
export function typeLabel(schema: unknown): string {
  if (!isSchema(schema)) return 'any value';
  const { options, nullable } = variants(schema);
  const label = options.length ? options.map(single).join(' or ') : 'any value';
  return nullable ? `${label} or null` : label;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function constraintsOf(schema: Schema): string[] {
  const out: string[] = [];
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : null);
  const [min, max] = [num('minimum'), num('maximum')];
  if (min !== null && max !== null) out.push(`${min} to ${max}`);
  else if (min !== null) out.push(`at least ${min}`);
  else if (max !== null) out.push(`at most ${max}`);
  if (num('exclusiveMinimum') !== null) out.push(`more than ${num('exclusiveMinimum')}`);
  if (num('exclusiveMaximum') !== null) out.push(`less than ${num('exclusiveMaximum')}`);
  const [minLength, maxLength] = [num('minLength'), num('maxLength')];
  if (minLength !== null && minLength > 0) out.push(`at least ${count(minLength, 'character')}`);
  if (maxLength !== null) out.push(`at most ${count(maxLength, 'character')}`);
  const [minItems, maxItems] = [num('minItems'), num('maxItems')];
  if (minItems !== null && minItems > 0) out.push(`at least ${count(minItems, 'item')}`);
  if (maxItems !== null) out.push(`at most ${count(maxItems, 'item')}`);
  if (str(schema.format)) out.push(`format: ${schema.format as string}`);
  if (str(schema.pattern)) out.push(`pattern: ${schema.pattern as string}`);
  return out;
}

function inputFor(schema: Schema, enumValues: EnumValue[] | null): FieldInput {
  if (enumValues) return 'select';
  const { options } = variants(schema);
  if (options.length !== 1) return 'json';
  switch (options[0]!.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

function enumOf(schema: Schema): EnumValue[] | null {
  const { options } = variants(schema);
  const values = options.length === 1 ? options[0]!.enum : schema.enum;
  if (!Array.isArray(values) || values.length === 0) return null;
  return values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    ? (values as EnumValue[])
    : null;
}

/** The top-level fields of an object schema, required ones first, each in declared order. */
export function schemaFields(inputSchema: unknown): SchemaField[] {
  if (!isSchema(inputSchema) || !isSchema(inputSchema.properties)) return [];
  const required = new Set(
    Array.isArray(inputSchema.required) ? inputSchema.required.filter((r) => typeof r === 'string') : [],
  );
  const fields = Object.entries(inputSchema.properties).map(([name, raw]): SchemaField => {
    const schema = isSchema(raw) ? raw : {};
    const enumValues = enumOf(schema);
    return {
      name,
      type: typeLabel(schema),
      required: required.has(name),
      title: str(schema.title),
      description: str(schema.description),
      enumValues,
      hasDefault: 'default' in schema,
      defaultValue: schema.default,
      constraints: constraintsOf(variants(schema).options[0] ?? schema),
      input: inputFor(schema, enumValues),
    };
  });
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}
