import { describe, expect, it } from 'vitest';
import { bodyText, decodeEntities } from '../src/message-parts';
import { buildMessage, decodeEncodedWords, parseAddress, splitAddressList } from '../src/mime';
import { textBody } from './fixtures/gmail';
import { mailHeaders as headersOf } from './gmail-fake';

describe('RFC 2047 encoded words', () => {
  it.each([
    ['plain text stays', 'Q3 report', 'Q3 report'],
    ['UTF-8 B', '=?UTF-8?B?R3LDvMOfZQ==?=', 'Grüße'],
    ['ISO-8859-1 Q with underscores', '=?ISO-8859-1?Q?Caf=E9_M=FCller?= <x@y.z>', 'Café Müller <x@y.z>'],
    ['adjacent words lose the whitespace between them', '=?UTF-8?Q?a?= =?UTF-8?Q?b?=', 'ab'],
    ['text between words is kept', '=?UTF-8?Q?a?= and =?UTF-8?Q?b?=', 'a and b'],
    ['a character split across two words', '=?UTF-8?B?4pg=?= =?UTF-8?B?lQ==?=', '☕'],
    ['lower-case q and a language tag', '=?utf-8*en?q?hello_world?=', 'hello world'],
    ['an unknown charset falls back to UTF-8', '=?x-unknown?Q?ok?=', 'ok'],
    ['Windows-1252', '=?windows-1252?Q?=93quoted=94?=', '“quoted”'],
  ])('%s', (_what, encoded, decoded) => {
    expect(decodeEncodedWords(encoded)).toBe(decoded);
  });
});

describe('addresses', () => {
  it.each([
    ['ada@example.com', { name: '', email: 'ada@example.com' }],
    ['Ada Lovelace <ada@example.com>', { name: 'Ada Lovelace', email: 'ada@example.com' }],
    ['"Lovelace, Ada" <ada@example.com>', { name: 'Lovelace, Ada', email: 'ada@example.com' }],
    ['<ada@example.com>', { name: '', email: 'ada@example.com' }],
    ['Ada', null],
    ['ada@example.com>', null],
    ['Ada <ada@example.com>\r\nBcc: x@y.z', null],
  ])('parses %j', (text, address) => {
    expect(parseAddress(text)).toEqual(address);
  });

  it('splits lists outside quotes and formats names safely', () => {
    expect(splitAddressList('"Lovelace, Ada" <ada@example.com>, grace@example.com')).toEqual([
      '"Lovelace, Ada" <ada@example.com>',
      'grace@example.com',
    ]);
  });
});

describe('buildMessage', () => {
  it('encodes non-ASCII subjects and names in lines of at most 78 characters that decode back', async () => {
    const subject = 'Über die Straße zum Café — ein sehr langer Betreff mit Umlauten äöü und Emoji 🎉🎉';
    const mime = await buildMessage({
      to: [
        { name: 'Jürgen', email: 'j@b.cd' },
        { name: 'Say "hi"', email: 'a@b.cd' },
      ],
      cc: [],
      bcc: [{ name: '', email: 'hidden@b.cd' }],
      subject,
      body: 'x',
    });
    for (const line of mime.split('\r\n\r\n')[0]!.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const headers = headersOf(mime);
    expect(headers.get('subject')).toBe(subject);
    const to = splitAddressList(headers.get('to')!).map(parseAddress);
    expect(to).toEqual([
      { name: 'Jürgen', email: 'j@b.cd' },
      { name: 'Say "hi"', email: 'a@b.cd' },
    ]);
    expect(headers.get('bcc')).toBe('hidden@b.cd');
  });

  it('keeps header values on their line: no injected headers from a subject', async () => {
    const mime = await buildMessage({
      to: [{ name: '', email: 'ada@example.com' }],
      cc: [],
      bcc: [],
      subject: 'Hi\r\nBcc: everyone@example.com',
      body: 'x',
    });
    expect(headersOf(mime).get('subject')).toBe('Hi Bcc: everyone@example.com');
    expect(mime).not.toMatch(/^Bcc:/m);
  });

  it('folds long References and wraps the base64 body at 76 characters', async () => {
    const mime = await buildMessage({
      to: [{ name: '', email: 'ada@example.com' }],
      cc: [],
      bcc: [],
      subject: 'Re: x',
      body: 'word '.repeat(100),
      inReplyTo: '<c@x>',
      references: ['<a@x>', '<b@x>', '<c@x>'],
    });
    expect(headersOf(mime).get('references')).toBe('<a@x> <b@x> <c@x>');
    expect(headersOf(mime).get('in-reply-to')).toBe('<c@x>');
    const body = mime.split('\r\n\r\n')[1]!.trimEnd().split('\r\n');
    expect(body.every((line) => line.length <= 76)).toBe(true);
    expect(Buffer.from(body.join(''), 'base64').toString()).toBe('word '.repeat(100));
  });
});

describe('bodies', () => {
  it('joins the inline text parts of multipart/mixed and skips attachments', () => {
    const text = bodyText({
      mimeType: 'multipart/mixed',
      parts: [
        { mimeType: 'text/plain', body: textBody('First part') },
        { mimeType: 'text/plain', filename: 'notes.txt', body: { attachmentId: 'a1', size: 10 } },
        { mimeType: 'text/html', body: textBody('<p>Second <i>part</i></p>') },
      ],
    });
    expect(text).toBe('First part\n\nSecond part');
  });

  it('reads a forwarded message (message/rfc822) inline', () => {
    const text = bodyText({
      mimeType: 'multipart/mixed',
      parts: [
        { mimeType: 'text/plain', body: textBody('See below.') },
        {
          mimeType: 'message/rfc822',
          parts: [{ mimeType: 'text/plain', body: textBody('The original.') }],
        },
      ],
    });
    expect(text).toBe('See below.\n\nThe original.');
  });

  it('decodes the entities in snippets', () => {
    expect(decodeEntities('it&#39;s &lt;b&gt; &amp; &quot;x&quot; &#x263A; &unknown;')).toBe(
      'it\'s <b> & "x" ☺ &unknown;',
    );
  });
});
