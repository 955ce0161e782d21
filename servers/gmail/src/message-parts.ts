import { convert } from 'html-to-text';
import type { MessagePart } from './gmail-api';
import { base64urlBytes, decodeCharset, decodeEncodedWords } from './mime';

/** A header's value, RFC 2047 words decoded; names compare case-insensitively (RFC 5322). */
export function header(part: MessagePart | undefined, name: string): string {
  return decodeEncodedWords(rawHeader(part, name));
}

/** A header's value as sent (for reusing it in a new message). */
export function rawHeader(part: MessagePart | undefined, name: string): string {
  const wanted = name.toLowerCase();
  const found = part?.headers?.find((h) => h.name?.toLowerCase() === wanted);
  return found?.value?.trim() ?? '';
}

/** A file attached to a message; listed, never downloaded. */
export interface Attachment {
  filename: string;
  mimeType: string;
  size: number;
}

const mimeOf = (part: MessagePart): string => (part.mimeType ?? '').toLowerCase();

function isAttachment(part: MessagePart): boolean {
  if (part.filename) return true;
  return /^\s*attachment/i.test(rawHeader(part, 'Content-Disposition'));
}

/** Every attachment in the MIME tree, inline images with a file name included. */
export function attachments(part: MessagePart | undefined): Attachment[] {
  if (!part) return [];
  if (isAttachment(part) && !mimeOf(part).startsWith('multipart/')) {
    return [
      {
        filename: decodeEncodedWords(part.filename ?? '') || '(no name)',
        mimeType: mimeOf(part) || 'application/octet-stream',
        size: part.body?.size ?? 0,
      },
    ];
  }
  return (part.parts ?? []).flatMap(attachments);
}

function charsetOf(part: MessagePart): string | undefined {
  return /charset\s*=\s*"?([^";\s]+)"?/i.exec(rawHeader(part, 'Content-Type'))?.[1];
}

function partText(part: MessagePart): string | null {
  const data = part.body?.data;
  if (!data) return null;
  return decodeCharset(base64urlBytes(data), charsetOf(part));
}

/** HTML mail as plain text: links kept once, images and layout dropped, no hard wrapping. */
function htmlToPlain(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
      { selector: 'table', format: 'block' },
      { selector: 'tr', format: 'block' },
      // Layout tables: cells side by side with a space, not column-aligned grids.
      { selector: 'td', format: 'inlineSurround', options: { suffix: ' ' } },
      { selector: 'th', format: 'inlineSurround', options: { suffix: ' ' } },
    ],
  });
}

interface Rendered {
  text: string;
  kind: 'plain' | 'html';
}

function render(part: MessagePart): Rendered | null {
  const mime = mimeOf(part);
  if (isAttachment(part) && !mime.startsWith('multipart/')) return null;
  if (mime === 'multipart/alternative') {
    const options = (part.parts ?? []).map(render).filter((r): r is Rendered => r !== null);
    return options.find((r) => r.kind === 'plain') ?? options[0] ?? null;
  }
  // A forwarded message (message/rfc822) arrives with its own MIME tree under `parts`.
  if (mime.startsWith('multipart/') || mime === 'message/rfc822') {
    const pieces = (part.parts ?? []).map(render).filter((r): r is Rendered => r !== null);
    if (!pieces.length) return null;
    return {
      text: pieces.map((p) => p.text).join('\n\n'),
      kind: pieces.some((p) => p.kind === 'plain') ? 'plain' : 'html',
    };
  }
  if (mime === 'text/plain' || (mime === '' && part.body?.data)) {
    const text = partText(part);
    return text === null ? null : { text, kind: 'plain' };
  }
  if (mime === 'text/html') {
    const html = partText(part);
    return html === null ? null : { text: htmlToPlain(html), kind: 'html' };
  }
  return null;
}

/**
 * The readable body: text/plain where the sender gave one (in multipart/alternative), else the
 * HTML converted to text; the inline text parts of a multipart/mixed message joined in order.
 */
export function bodyText(payload: MessagePart | undefined): string {
  const rendered = payload ? render(payload) : null;
  if (!rendered) return '';
  return rendered.text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Gmail's `snippet` is HTML-escaped (`&#39;`); people and models want the characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
