import type {
  DataSourceObjectResponse,
  PageObjectResponse,
  PartialUserObjectResponse,
} from '@notionhq/client';
import { plainText } from './markdown/from-blocks';

/** One property value of a page, as the API returns it. */
export type PropertyValue = PageObjectResponse['properties'][string];

const who = (user: PartialUserObjectResponse | { id: string; name?: string | null }): string =>
  ('name' in user && user.name) || user.id;

const dateText = (date: { start: string; end: string | null } | null): string =>
  date ? (date.end ? `${date.start} → ${date.end}` : date.start) : '';

/** A property value as short text, for tables and page headers ("" when empty). */
export function propertyText(value: PropertyValue): string {
  switch (value.type) {
    case 'title':
      return plainText(value.title);
    case 'rich_text':
      return plainText(value.rich_text);
    case 'number':
      return value.number === null ? '' : String(value.number);
    case 'select':
      return value.select?.name ?? '';
    case 'status':
      return value.status?.name ?? '';
    case 'multi_select':
      return value.multi_select.map((option) => option.name).join(', ');
    case 'date':
      return dateText(value.date);
    case 'checkbox':
      return value.checkbox ? 'yes' : 'no';
    case 'url':
      return value.url ?? '';
    case 'email':
      return value.email ?? '';
    case 'phone_number':
      return value.phone_number ?? '';
    case 'people':
      return value.people.map(who).join(', ');
    case 'relation':
      return value.relation.map((r) => r.id).join(', ');
    case 'files':
      return value.files.map((f) => f.name).join(', ');
    case 'created_time':
      return value.created_time;
    case 'last_edited_time':
      return value.last_edited_time;
    case 'created_by':
      return who(value.created_by);
    case 'last_edited_by':
      return who(value.last_edited_by);
    case 'unique_id':
      return value.unique_id.number === null
        ? ''
        : `${value.unique_id.prefix ? `${value.unique_id.prefix}-` : ''}${value.unique_id.number}`;
    case 'formula': {
      const f = value.formula;
      if (f.type === 'string') return f.string ?? '';
      if (f.type === 'number') return f.number === null ? '' : String(f.number);
      if (f.type === 'boolean') return f.boolean === null ? '' : f.boolean ? 'yes' : 'no';
      if (f.type === 'date') return dateText(f.date);
      return '';
    }
    case 'rollup': {
      const r = value.rollup;
      if (r.type === 'number') return r.number === null ? '' : String(r.number);
      if (r.type === 'date') return dateText(r.date);
      if (r.type === 'array')
        return r.array
          .map((item) => propertyText({ ...item, id: '' } as PropertyValue))
          .filter(Boolean)
          .join(', ');
      return '';
    }
    case 'verification':
      return value.verification?.state ?? '';
    case 'place':
      return value.place
        ? (value.place.name ?? value.place.address ?? `${value.place.lat}, ${value.place.lon}`)
        : '';
    default:
      return '';
  }
}

/** A page's title: the value of its one `title` property. */
export function pageTitle(page: PageObjectResponse): string {
  const title = Object.values(page.properties).find((p) => p.type === 'title');
  return (title && propertyText(title)) || 'Untitled';
}

export const dataSourceTitle = (source: DataSourceObjectResponse): string =>
  plainText(source.title) || 'Untitled';

/** Where an object sits, in words with the parent's ID. */
export function parentText(parent: PageObjectResponse['parent']): string {
  switch (parent.type) {
    case 'page_id':
      return `page ${parent.page_id}`;
    case 'data_source_id':
      return `data source ${parent.data_source_id}`;
    case 'database_id':
      return `database ${parent.database_id}`;
    case 'block_id':
      return `block ${parent.block_id}`;
    case 'workspace':
      return 'workspace';
    default:
      return parent.type;
  }
}

/** `2025-01-02T03:04:05.000Z` → `2025-01-02 03:04 UTC`: enough for people, fewer tokens. */
export const shortTime = (iso: string): string =>
  iso.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d).*$/, '$1 $2 UTC');

/** A Markdown table; cells cut to `maxCell` characters and kept on one line. */
export function markdownTable(columns: string[], rows: string[][], maxCell = 80): string {
  const cell = (text: string) => {
    const flat = text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
    return flat.length > maxCell ? `${flat.slice(0, maxCell - 1)}…` : flat;
  };
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(columns), `|${columns.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
