/**
 * Just enough MIME for mail an AI client writes and reads: RFC 2047 encoded words in headers,
 * addresses, and one RFC 5322 text/plain message as Gmail's base64url `raw`.
 */

/** Labels the Encoding Standard maps to windows-1252 (mail calls it ISO-8859-1 but uses 0x80–0x9F). */
const WINDOWS_1252 = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso88591',
  'iso_8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
  'cp819',
  'ibm819',
]);

// Node 20's TextDecoder decodes windows-1252 as plain Latin-1, turning “quotes” and € into C1 controls.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes)
    out += byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

/** Bytes → text in a MIME charset, UTF-8 when Node does not know the charset. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().replace(/^"|"$/g, '').split('*')[0]!.toLowerCase();
  if (WINDOWS_1252.has(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Gmail's body `data` is base64url; some producers pad it, some do not. */
export function base64urlBytes(data: string): Buffer {
  return Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?iso-8859-1?Q?…?=`). Whitespace between
 * adjacent encoded words is dropped (§6.2), and adjacent words in one charset are joined as
 * bytes first, because senders do split a multi-byte character across two words.
 */
export function decodeEncodedWords(value: string): string {
  const segments: Array<{ text: string } | { charset: string; bytes: Buffer }> = [];
  let last = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const [whole, charset, encoding, text] = match as unknown as [string, string, string, string];
    const gap = value.slice(last, match.index);
    const prev = segments.at(-1);
    const adjacent = prev !== undefined && 'bytes' in prev && /^[ \t\r\n]*$/.test(gap);
    if (!adjacent && gap) segments.push({ text: gap });
    const bytes = wordBytes(encoding, text);
    if (adjacent && prev.charset.toLowerCase() === charset.toLowerCase()) {
      prev.bytes = Buffer.concat([prev.bytes, bytes]);
    } else segments.push({ charset, bytes });
    last = match.index + whole.length;
  }
  const decoded = segments.map((s) => ('bytes' in s ? decodeCharset(s.bytes, s.charset) : s.text));
  return decoded.join('') + value.slice(last);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A header value safe to send: unchanged when it is printable ASCII, otherwise UTF-8 encoded
 * words of at most 75 characters (RFC 2047 §2), folded onto continuation lines, never splitting
 * a character.
 */
export function encodeHeaderText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  // 45 bytes → 60 base64 characters; with `=?UTF-8?B?` and `?=` a word stays under 75.
  for (const char of text) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

/** An email address, optionally with a display name. */
export interface Address {
  name: string;
  email: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;
const NAMED = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<>"]*?))\s*<\s*([^<>\s]+)\s*>\s*$/;

/** Pattern for the tools' recipient fields: `ada@example.com` or `Ada Lovelace <ada@example.com>`. */
export const RECIPIENT_PATTERN =
  /^\s*(?:[^\s@<>(),;:"]+@[^\s@<>(),;:"]+|(?:"[^"]*"|[^<>"]*?)\s*<[^<>\s]+@[^<>\s]+>)\s*$/;

/** Parses `ada@example.com`, `Ada <ada@example.com>` or `"Lovelace, Ada" <ada@example.com>`. */
export function parseAddress(text: string): Address | null {
  const trimmed = text.trim();
  if (EMAIL.test(trimmed)) return { name: '', email: trimmed };
  const named = NAMED.exec(trimmed);
  if (!named) return null;
  const email = named[3]!;
  if (!EMAIL.test(email)) return null;
  const name = named[1] !== undefined ? named[1].replace(/\\(.)/g, '$1') : (named[2] ?? '');
  return { name: name.trim(), email };
}

/** Splits an address list header at commas outside quotes and angle brackets. */
export function splitAddressList(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!;
    if (c === '\\' && quoted) {
      current += c + (header[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '<') angle = true;
    else if (!quoted && c === '>') angle = false;
    if (c === ',' && !quoted && !angle) {
      if (current.trim()) parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** An address as a header needs it: quoted ASCII names, encoded words for any other name. */
export function formatAddress(address: Address): string {
  if (!address.name) return address.email;
  const name = PRINTABLE_ASCII.test(address.name)
    ? `"${address.name.replace(/(["\\])/g, '\\$1')}"`
    : encodeHeaderText(address.name);
  return `${name} <${address.email}>`;
}

/** An address for people to read. */
export function showAddress(address: Address): string {
  if (!address.name) return address.email;
  // "Lovelace, Ada" would read as two people in a list.
  const name = /[,;]/.test(address.name) ? `"${address.name}"` : address.name;
  return `${name} <${address.email}>`;
}

/** What a new message says; Gmail adds From, Date and Message-ID itself. */
export interface OutgoingMessage {
  to: Address[];
  cc: Address[];
  bcc: Address[];
  subject: string;
  body: string;
  /** Message-ID of the message replied to. */
  inReplyTo?: string;
  references?: string[];
}

const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

/** RFC 5322 text (CRLF lines) for a UTF-8 text/plain message; Bcc is read and removed by Gmail. */
export function buildMessage(message: OutgoingMessage): string {
  const headers: string[] = [];
  const list = (name: string, addresses: Address[]) => {
    if (addresses.length) headers.push(`${name}: ${addresses.map(formatAddress).join(',\r\n ')}`);
  };
  list('To', message.to);
  list('Cc', message.cc);
  list('Bcc', message.bcc);
  headers.push(`Subject: ${encodeHeaderText(oneLine(message.subject))}`);
  if (message.inReplyTo) headers.push(`In-Reply-To: ${oneLine(message.inReplyTo)}`);
  if (message.references?.length)
    headers.push(`References: ${message.references.map(oneLine).join('\r\n ')}`);
  headers.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset="UTF-8"');
  headers.push('Content-Transfer-Encoding: base64');
  const body = Buffer.from(message.body.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  const lines = body.match(/.{1,76}/g) ?? [];
  return `${headers.join('\r\n')}\r\n\r\n${lines.join('\r\n')}\r\n`;
}

/** Gmail's `raw`: the whole message, base64url. */
export function toRaw(message: string): string {
  return Buffer.from(message, 'utf8').toString('base64url');
}
