import * as z from 'zod';

const SEGMENT_ID = /(?:^|-)([0-9a-f]{32})$/i;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function dashed(hex: string): string {
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The Notion ID in `input`, dashed: an ID with or without dashes, or a link copied from Notion
 * (`notion.so/ws/Title-<id>?v=<view>`; a page opened over a database as `?p=<id>`).
 * Null when there is none.
 */
export function parseNotionId(input: string): string | null {
  const value = input.trim();
  if (UUID.test(value)) return dashed(value.replace(/-/g, ''));
  const url = URL.parse(value);
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  // `p` names the page shown as a peek over a database; the path then names the database.
  const peeked = url.searchParams.get('p');
  if (peeked && /^[0-9a-f]{32}$/i.test(peeked)) return dashed(peeked);
  // The last path segment ending in an ID (`Title-<id>`); `?v=` (a database view) is not it.
  for (const segment of url.pathname.split('/').reverse()) {
    if (UUID.test(segment)) return dashed(segment.replace(/-/g, ''));
    const found = SEGMENT_ID.exec(segment);
    if (found) return dashed(found[1]!);
  }
  return null;
}

/** A Notion ID or link as a tool input, validated by the schema and used dashed. */
export const notionIdInput = (what: string) =>
  z
    .string()
    .min(1)
    .max(2000)
    .refine((value) => parseNotionId(value) !== null, {
      message: `expected the ID or the link of a Notion ${what} (32 hexadecimal digits, dashes optional)`,
    })
    .describe(`The ${what}'s ID, or its link copied from Notion.`);

/** The ID of an input `notionIdInput` accepted. */
export function notionId(input: string): string {
  const id = parseNotionId(input);
  if (!id) throw new Error(`not a Notion ID: ${input}`);
  return id;
}

/** The link Notion opens for a page or database ID. */
export const notionUrl = (id: string): string => `https://www.notion.so/${id.replace(/-/g, '')}`;
