import iconv from 'iconv-lite';
import libmime from 'libmime';
import MailComposer from 'nodemailer/lib/mail-composer';

/**
 * MIME for mail an AI client writes and reads, on the libraries made for it: libmime decodes
 * RFC 2047 encoded words, iconv-lite decodes body charsets, nodemailer's MailComposer writes the
 * RFC 5322 message. What stays here is our policy: which charset labels mean Windows-1252, how
 * recipients are parsed and shown, and one-line header values.
 */

/** Labels mail calls ISO-8859-1 or ASCII but uses as Windows-1252 (0x80–0x9F are “quotes”, €…). */
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

/** Bytes → text in a MIME charset, UTF-8 when the charset is unknown. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().replace(/^"|"$/g, '').split('*')[0]!.toLowerCase();
  const name = WINDOWS_1252.has(label) ? 'windows-1252' : label;
  return iconv.encodingExists(name)
    ? iconv.decode(Buffer.from(bytes), name)
    : Buffer.from(bytes).toString('utf8');
}

/** Gmail's body `data` is base64url; some producers pad it, some do not. */
export function base64urlBytes(data: string): Buffer {
  return Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?iso-8859-1?Q?…?=`), joining adjacent
 * words first (senders split a multi-byte character across two).
 */
export function decodeEncodedWords(value: string): string {
  // A language tag (`utf-8*en`) is not part of the charset's name.
  return libmime.decodeWords(value.replace(/=\?([^?*\s]+)\*[^?\s]*\?/g, '=?$1?'));
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
export async function buildMessage(message: OutgoingMessage): Promise<string> {
  const list = (addresses: Address[]) => addresses.map((a) => ({ name: a.name, address: a.email }));
  const mail = new MailComposer({
    to: list(message.to),
    cc: list(message.cc),
    bcc: list(message.bcc),
    subject: oneLine(message.subject),
    text: message.body.replace(/\r?\n/g, '\r\n'),
    textEncoding: 'base64',
    ...(message.inReplyTo ? { inReplyTo: oneLine(message.inReplyTo) } : {}),
    ...(message.references?.length ? { references: message.references.map(oneLine) } : {}),
  }).compile();
  // Gmail reads Bcc from the message and removes it before sending.
  mail.keepBcc = true;
  const built = await mail.build();
  return built.toString('utf8');
}

/** Gmail's `raw`: the whole message, base64url. */
export function toRaw(message: string): string {
  return Buffer.from(message, 'utf8').toString('base64url');
}
