import type { BlockObjectRequest } from '@notionhq/client';
import { LIMITS } from '../notion-api';

/** One rich-text item of a request (the package does not export this type by name). */
export type RichTextItemRequest = Extract<
  BlockObjectRequest,
  { paragraph: unknown }
>['paragraph']['rich_text'][number];

/** A run of text with one style: what a Notion rich-text segment carries. */
export interface Segment {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  href?: string;
}

type Style = Omit<Segment, 'text'>;

const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Inline Markdown → styled segments: `**bold**`, `*italic*`/`_italic_`, `***both***`,
 * `~~strike~~`, `` `code` ``, `[text](url)`, `<https://autolinks>`, bare `https://…` and
 * `www.…` addresses (GFM), `&amp;`-style references, `\` escapes and hard breaks. A small
 * subset of CommonMark, lenient where AI clients write loosely: an unclosed marker stays
 * literal, underscores inside words (`snake_case`) are not emphasis, and a single `~` (often
 * "about": `~5 min`) is not strikethrough.
 */
export function parseInline(source: string): Segment[] {
  const out: Segment[] = [];
  parseInto(source, {}, out);
  return mergeSegments(out);
}

function parseInto(src: string, style: Style, out: Segment[]): void {
  let buf = '';
  const flush = () => {
    if (buf) out.push({ ...style, text: buf });
    buf = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length && (ESCAPABLE.test(src[i + 1]!) || src[i + 1] === '\n')) {
      // `\` before a line end is a hard break: the line end is kept, the backslash goes.
      buf += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '&') {
      const ref = characterReference(src, i);
      if (ref) {
        buf += ref.text;
        i += ref.length;
        continue;
      }
    }
    if (!style.href && (c === 'h' || c === 'w') && (i === 0 || AUTOLINK_BEFORE.test(src[i - 1]!))) {
      const bare = bareLink(src.slice(i));
      if (bare) {
        flush();
        out.push({ ...style, text: bare.text, href: bare.href });
        i += bare.text.length;
        continue;
      }
    }
    if (c === '`') {
      const run = runLength(src, i, '`');
      const close = closingBackticks(src, i + run, run);
      if (close >= 0) {
        flush();
        let code = src.slice(i + run, close);
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim())
          code = code.slice(1, -1);
        out.push({ ...style, code: true, text: code });
        i = close + run;
      } else {
        buf += src.slice(i, i + run);
        i += run;
      }
      continue;
    }
    if (c === '[' || (c === '!' && src[i + 1] === '[')) {
      const link = matchLink(src, c === '!' ? i + 1 : i);
      if (link) {
        flush();
        // An inline image cannot sit inside text in Notion: keep it as a link to the image.
        const text = link.text || (c === '!' ? link.url : '');
        parseInto(text, { ...style, href: link.url }, out);
        i = link.end;
        continue;
      }
    }
    if (c === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/.exec(src.slice(i));
      if (auto) {
        flush();
        out.push({ ...style, text: auto[1]!.replace(/^mailto:/, ''), href: auto[1]! });
        i += auto[0].length;
        continue;
      }
    }
    if (c === '*' || c === '_' || c === '~') {
      const run = runLength(src, i, c);
      const delim = c === '~' ? (run === 2 ? '~~' : null) : run <= 3 ? c.repeat(run) : null;
      if (delim && canOpen(src, i, delim)) {
        const close = closingDelimiter(src, i + delim.length, delim);
        if (close >= 0) {
          flush();
          parseInto(src.slice(i + delim.length, close), applyDelimiter(style, delim), out);
          i = close + delim.length;
          continue;
        }
      }
      buf += src.slice(i, i + run);
      i += run;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
}

/** What may come just before a bare address (GFM): a line start, a space, or an opening mark. */
const AUTOLINK_BEFORE = /[\s*_~(]/;
const BARE_LINK = /^(?:https?:\/\/|www\.)[^\s<]+/;

/**
 * A bare `https://…` or `www.…` address at the start of `text`, without what GFM leaves out of
 * it: trailing `?!.,:*_~'"`, and a closing `)` that has no opening one inside the address.
 */
function bareLink(text: string): { text: string; href: string } | null {
  const found = BARE_LINK.exec(text);
  if (!found) return null;
  let link = found[0];
  for (;;) {
    const trimmed = link.replace(/[?!.,:*_~'"]+$/, '');
    const opens = (trimmed.match(/\(/g) ?? []).length;
    const closes = (trimmed.match(/\)/g) ?? []).length;
    const next = trimmed.endsWith(')') && closes > opens ? trimmed.slice(0, -1) : trimmed;
    if (next === link) break;
    link = next;
  }
  // A domain needs a dot after `www.` or the scheme: `www.` alone or `https://x` is left as text.
  const host = link.replace(/^https?:\/\//, '').replace(/^www\./, '');
  if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*/u.test(host) || (link.startsWith('www.') && !host.includes('.')))
    return null;
  return { text: link, href: link.startsWith('www.') ? `http://${link}` : link };
}

/** The usual named references; others stay as written. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  euro: '€',
  deg: '°',
  times: '×',
};

/** `&amp;`, `&#65;` or `&#x41;` at `at`, as the character it names (a valid code point only). */
function characterReference(src: string, at: number): { text: string; length: number } | null {
  const found = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(
    src.slice(at, at + 40),
  );
  if (!found) return null;
  if (found[3] !== undefined) {
    const named = NAMED[found[3]];
    return named === undefined ? null : { text: named, length: found[0].length };
  }
  const code = found[1] !== undefined ? Number(found[1]) : parseInt(found[2]!, 16);
  // NUL and surrogates become U+FFFD, as CommonMark says; past U+10FFFF is no character.
  if (code > 0x10ffff) return null;
  const text = code === 0 || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  return { text, length: found[0].length };
}

function runLength(src: string, at: number, char: string): number {
  let n = 0;
  while (src[at + n] === char) n++;
  return n;
}

function closingBackticks(src: string, from: number, run: number): number {
  for (let j = src.indexOf('`', from); j >= 0; j = src.indexOf('`', j)) {
    const n = runLength(src, j, '`');
    if (n === run) return j;
    j += n;
  }
  return -1;
}

function canOpen(src: string, at: number, delim: string): boolean {
  const next = src[at + delim.length];
  if (next === undefined || /\s/.test(next)) return false;
  // `snake_case_name` is a word, not emphasis.
  return !(delim[0] === '_' && at > 0 && WORD.test(src[at - 1]!));
}

function closingDelimiter(src: string, from: number, delim: string): number {
  const char = delim[0]!;
  for (let j = from; j < src.length;) {
    const c = src[j]!;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '`') {
      const run = runLength(src, j, '`');
      const close = closingBackticks(src, j + run, run);
      j = close >= 0 ? close + run : j + run;
      continue;
    }
    if (c !== char) {
      j++;
      continue;
    }
    const run = runLength(src, j, char);
    const before = src[j - 1];
    const after = src[j + run];
    const closes =
      run === delim.length &&
      j > from &&
      before !== undefined &&
      !/\s/.test(before) &&
      !(char === '_' && after !== undefined && WORD.test(after));
    if (closes) return j;
    j += run;
  }
  return -1;
}

function applyDelimiter(style: Style, delim: string): Style {
  if (delim === '~~') return { ...style, strikethrough: true };
  if (delim.length === 3) return { ...style, bold: true, italic: true };
  if (delim.length === 2) return { ...style, bold: true };
  return { ...style, italic: true };
}

interface LinkMatch {
  text: string;
  url: string;
  end: number;
}

/** `[text](url "title")` starting at `at` (the `[`), brackets and parentheses balanced. */
function matchLink(src: string, at: number): LinkMatch | null {
  let depth = 0;
  let j = at;
  for (; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (j >= src.length || src[j + 1] !== '(') return null;
  const text = src.slice(at + 1, j);
  let k = j + 2;
  let url: string;
  if (src[k] === '<') {
    const close = src.indexOf('>', k);
    if (close < 0) return null;
    url = src.slice(k + 1, close);
    k = close + 1;
  } else {
    let parens = 0;
    const startUrl = k;
    for (; k < src.length; k++) {
      const c = src[k]!;
      if (c === '\\') k++;
      else if (c === '(') parens++;
      else if (c === ')' && parens-- === 0) break;
      else if (/\s/.test(c)) break;
    }
    url = src.slice(startUrl, k);
  }
  const rest = /^\s*(?:"[^"]*"|'[^']*')?\s*\)/.exec(src.slice(k));
  if (!rest || !url) return null;
  return { text, url, end: k + rest[0].length };
}

const sameStyle = (a: Segment, b: Segment) =>
  !!a.bold === !!b.bold &&
  !!a.italic === !!b.italic &&
  !!a.strikethrough === !!b.strikethrough &&
  !!a.code === !!b.code &&
  a.href === b.href;

/** Joins neighbours with the same style (escapes and unclosed markers split runs). */
function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out.at(-1);
    if (last && sameStyle(last, segment)) last.text += segment.text;
    else if (segment.text) out.push({ ...segment });
  }
  return out;
}

/** Notion accepts absolute web and mail links only; anything else stays plain text. */
function linkUrl(href: string | undefined): string | undefined {
  if (!href || href.length > LIMITS.richText) return undefined;
  const url = URL.parse(href);
  return url && /^(https?|mailto):$/.test(url.protocol) ? href : undefined;
}

/** Cuts `text` into pieces of at most `max` UTF-16 units without splitting a surrogate pair. */
export function splitText(text: string, max: number = LIMITS.richText): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = max;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** Segments → Notion rich text, each piece within Notion's 2000-character limit. */
export function toRichText(segments: Segment[]): RichTextItemRequest[] {
  const items: RichTextItemRequest[] = [];
  // A dropped link leaves text that joins its neighbours.
  const sendable = mergeSegments(segments.map(({ href, ...rest }) => ({ ...rest, href: linkUrl(href) })));
  for (const segment of sendable) {
    const url = segment.href;
    const annotations = {
      ...(segment.bold ? { bold: true } : {}),
      ...(segment.italic ? { italic: true } : {}),
      ...(segment.strikethrough ? { strikethrough: true } : {}),
      ...(segment.code ? { code: true } : {}),
    };
    for (const piece of splitText(segment.text)) {
      items.push({
        type: 'text',
        text: { content: piece, ...(url ? { link: { url } } : {}) },
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      });
    }
  }
  return items;
}

/** Inline Markdown straight to Notion rich text. */
export const markdownToRichText = (source: string): RichTextItemRequest[] => toRichText(parseInline(source));

/** Plain text (no Markdown) as Notion rich text, split at the limit. */
export const plainRichText = (text: string): RichTextItemRequest[] => toRichText([{ text }]);
