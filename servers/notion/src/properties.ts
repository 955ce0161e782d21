import type { CreatePageParameters, DataSourceObjectResponse } from '@notionhq/client';
import { UserInputError } from '../../shared/tool-result';
import { markdownToRichText } from './markdown/inline';
import { parseNotionId } from './notion-id';

type PropertyRequest = NonNullable<CreatePageParameters['properties']>[string];
type Schema = DataSourceObjectResponse['properties'][string];

/** What a caller may give for a property: a simple value, or Notion's own property-value JSON. */
export type PropertyInput = string | number | boolean | null | string[] | Record<string, unknown>;

/** Computed by Notion; a page cannot be created with them. */
const READ_ONLY = new Set([
  'formula',
  'rollup',
  'created_time',
  'created_by',
  'last_edited_time',
  'last_edited_by',
  'unique_id',
  'button',
]);

const list = (value: PropertyInput): string[] =>
  Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : [String(value)];

function ids(value: PropertyInput, name: string, what: string): Array<{ id: string }> {
  return list(value).map((item) => {
    const id = parseNotionId(item);
    if (!id) throw new UserInputError(`"${name}" takes ${what} IDs; "${item}" is not one.`);
    return { id };
  });
}

/** A simple value → the property value Notion expects for a property of `schema`'s type. */
function convert(name: string, schema: Schema, value: PropertyInput): PropertyRequest {
  const text = () => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      throw new UserInputError(`"${name}" is a ${schema.type} property; give it a simple value.`);
    }
    return Array.isArray(value) ? value.join(', ') : value === null ? '' : String(value);
  };
  switch (schema.type) {
    case 'title':
      return { title: markdownToRichText(text()) };
    case 'rich_text':
      return { rich_text: markdownToRichText(text()) };
    case 'number': {
      if (value === null || value === '') return { number: null };
      const number = typeof value === 'number' ? value : Number(text());
      if (!Number.isFinite(number))
        throw new UserInputError(`"${name}" is a number property; "${text()}" is not a number.`);
      return { number };
    }
    case 'checkbox':
      if (typeof value === 'boolean') return { checkbox: value };
      if (/^(true|yes|1)$/i.test(text())) return { checkbox: true };
      if (/^(false|no|0|)$/i.test(text())) return { checkbox: false };
      throw new UserInputError(`"${name}" is a checkbox; give true or false.`);
    case 'select':
      return { select: value === null || value === '' ? null : { name: text() } };
    case 'status':
      return { status: value === null || value === '' ? null : { name: text() } };
    case 'multi_select':
      return { multi_select: value === null ? [] : list(value).map((option) => ({ name: option })) };
    case 'date': {
      if (value === null || value === '') return { date: null };
      const [start, end] = text().split(/\s*(?:→|\/)\s*/);
      return { date: { start: start!, ...(end ? { end } : {}) } };
    }
    case 'url':
      return { url: value === null || value === '' ? null : text() };
    case 'email':
      return { email: value === null || value === '' ? null : text() };
    case 'phone_number':
      return { phone_number: value === null || value === '' ? null : text() };
    case 'people':
      return { people: value === null ? [] : ids(value, name, 'user') };
    case 'relation':
      return { relation: value === null ? [] : ids(value, name, 'page') };
    case 'files':
      return {
        files:
          value === null
            ? []
            : list(value).map((url) => ({
                name: url.split('/').pop()?.slice(0, 100) || 'file',
                external: { url },
              })),
      };
    default:
      throw new UserInputError(`"${name}" is a ${schema.type} property, which this tool cannot set yet.`);
  }
}

/**
 * Page property values for a new row of `source`, from names (matched case-insensitively) and
 * simple values. A value that is already Notion's JSON for the property's type
 * (`{ "select": { "name": "Done" } }`) is passed through unchanged.
 */
export function buildProperties(
  source: DataSourceObjectResponse,
  title: string,
  input: Record<string, PropertyInput>,
): Record<string, PropertyRequest> {
  const entries = Object.entries(source.properties);
  const titleName = entries.find(([, schema]) => schema.type === 'title')?.[0] ?? 'title';
  const out: Record<string, PropertyRequest> = { [titleName]: { title: markdownToRichText(title) } };
  for (const [given, value] of Object.entries(input)) {
    const found =
      entries.find(([name]) => name === given) ??
      entries.find(([name]) => name.toLowerCase() === given.toLowerCase());
    if (!found) {
      const names = entries.map(([name]) => `"${name}" (${source.properties[name]!.type})`).join(', ');
      throw new UserInputError(`This database has no property "${given}". Its properties are: ${names}.`);
    }
    const [name, schema] = found;
    if (schema.type === 'title')
      throw new UserInputError(`Give the page's title with "title", not as "${name}".`);
    if (READ_ONLY.has(schema.type)) {
      throw new UserInputError(
        `"${name}" is a ${schema.type} property: Notion computes it, so it cannot be set.`,
      );
    }
    const raw = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
    out[name] = raw && schema.type in raw ? (raw as PropertyRequest) : convert(name, schema, value);
  }
  return out;
}
