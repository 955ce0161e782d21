import { describe, expect, it } from 'vitest';
import { CREATED_DRAFT, REPORT_MESSAGE, SAVED_DRAFT, SENT_MESSAGE } from './fixtures/gmail';
import { parseAddress, splitAddressList } from '../src/mime';
import { BASE, TOKEN, connectGmail, decodeRaw, mailHeaders, startGmailFake } from './gmail-fake';

const addresses = (header: string | undefined) => splitAddressList(header ?? '').map(parseAddress);

const accept = () => ({ action: 'accept' as const, content: { confirm: true } });

describe('create_draft', () => {
  it('saves an RFC 5322 message with an encoded UTF-8 subject as base64url raw', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('create_draft', {
      to: ['Ada Lovelace <ada@example.com>', 'grace@example.com'],
      cc: ['Jürgen Groß <juergen@example.com>'],
      bcc: ['boss@example.com'],
      subject: 'Grüße aus Köln ☕',
      body: 'Hallo,\nbis morgen!\n',
    });
    expect(result.isError).toBeFalsy();

    const post = fake.requests(`POST ${BASE}/drafts`)[0]!;
    expect(post.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post.headers['content-type']).toBe('application/json');
    const body = post.body as { message: { raw: string; threadId?: string } };
    expect(Object.keys(body.message)).toEqual(['raw']);
    expect(body.message.raw).toMatch(/^[A-Za-z0-9_-]+$/);
    const mime = decodeRaw(body.message.raw);
    const [head, content] = mime.split('\r\n\r\n') as [string, string];
    const headers = mailHeaders(head);
    expect(addresses(headers.get('to'))).toEqual([
      { name: 'Ada Lovelace', email: 'ada@example.com' },
      { name: '', email: 'grace@example.com' },
    ]);
    expect(addresses(headers.get('cc'))).toEqual([{ name: 'Jürgen Groß', email: 'juergen@example.com' }]);
    expect(headers.get('bcc')).toBe('boss@example.com');
    expect(headers.get('subject')).toBe('Grüße aus Köln ☕');
    expect(head).toMatch(/^Subject: =\?UTF-8\?/im);
    expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8$/i);
    // ASCII text may go as 7bit; anything else as base64 (never 8bit, which mail may mangle).
    const encoding = headers.get('content-transfer-encoding');
    expect(['7bit', 'base64']).toContain(encoding);
    const sent = encoding === 'base64' ? Buffer.from(content, 'base64').toString('utf8') : content;
    expect(sent).toBe('Hallo,\r\nbis morgen!\r\n');

    expect(result.structuredContent).toEqual({
      draftId: CREATED_DRAFT.id,
      messageId: CREATED_DRAFT.message.id,
      threadId: CREATED_DRAFT.message.threadId,
      to: ['Ada Lovelace <ada@example.com>', 'grace@example.com'],
      cc: ['Jürgen Groß <juergen@example.com>'],
      bcc: ['boss@example.com'],
      subject: 'Grüße aus Köln ☕',
    });
    expect(text(result)).toContain('Nothing was sent');
  });

  it('drafts a reply in the thread, to the sender, with In-Reply-To and References', async () => {
    const fake = await startGmailFake();
    const { call } = await connectGmail(fake);
    const result = await call('create_draft', { replyToMessageId: REPORT_MESSAGE.id, body: 'Thanks!' });
    expect(result.isError).toBeFalsy();

    const original = fake.requests(`GET ${BASE}/messages/${REPORT_MESSAGE.id}`)[0]!;
    expect(original.query.get('format')).toBe('metadata');
    expect(original.query.getAll('metadataHeaders')).toEqual([
      'Message-ID',
      'References',
      'Subject',
      'From',
      'Reply-To',
    ]);
    const body = fake.requests(`POST ${BASE}/drafts`)[0]!.body as {
      message: { raw: string; threadId: string };
    };
    expect(body.message.threadId).toBe(REPORT_MESSAGE.threadId);
    const mime = decodeRaw(body.message.raw);
    const headers = mailHeaders(mime);
    expect(addresses(headers.get('to'))).toEqual([{ name: 'Grace Hopper', email: 'grace@example.com' }]);
    expect(headers.get('subject')).toBe('Re: Q3 report');
    expect(headers.get('in-reply-to')).toBe('<CAB1234report@mail.gmail.com>');
    expect(headers.get('references')).toBe('<CAB1234report@mail.gmail.com>');
    expect(result.structuredContent).toMatchObject({
      to: ['Grace Hopper <grace@example.com>'],
      subject: 'Re: Q3 report',
    });
  });

  it('rejects recipients that are not addresses, in words, before calling Gmail', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('create_draft', { to: ['Ada'], body: 'Hi' });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('must be an email address like ada@example.com');
    expect(fake.received).toHaveLength(0);
  });
});

describe('send_message', () => {
  it('asks the person, naming recipients and subject, then sends', async () => {
    const fake = await startGmailFake();
    const asked: string[] = [];
    const { call, text } = await connectGmail(fake, { elicit: (message) => (asked.push(message), accept()) });
    const result = await call('send_message', {
      to: ['ada@example.com'],
      cc: ['Grace <grace@example.com>'],
      subject: 'Lunch',
      body: 'Friday at noon?',
    });
    expect(asked).toEqual([
      'Send this email? to ada@example.com; cc Grace <grace@example.com>, subject "Lunch".',
    ]);
    const post = fake.requests(`POST ${BASE}/messages/send`)[0]!;
    expect(post.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const mime = decodeRaw((post.body as { raw: string }).raw);
    const headers = mailHeaders(mime);
    expect(headers.get('to')).toBe('ada@example.com');
    expect(addresses(headers.get('cc'))).toEqual([{ name: 'Grace', email: 'grace@example.com' }]);
    expect(headers.get('subject')).toBe('Lunch');
    expect(result.structuredContent).toEqual({
      messageId: SENT_MESSAGE.id,
      threadId: SENT_MESSAGE.threadId,
      to: ['ada@example.com'],
      cc: ['Grace <grace@example.com>'],
      bcc: [],
      subject: 'Lunch',
    });
    expect(text(result)).toBe(
      `Sent (message id ${SENT_MESSAGE.id}): to ada@example.com; cc Grace <grace@example.com>, subject "Lunch".`,
    );
  });

  it('sends nothing when the person declines', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake, { elicit: () => ({ action: 'decline' }) });
    const result = await call('send_message', { to: ['ada@example.com'], subject: 'Hi', body: 'Hello' });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe('Sending cancelled by the user; nothing was sent.');
    expect(fake.received.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('sends without asking when the client cannot ask (its own approval of destructive tools)', async () => {
    const fake = await startGmailFake();
    const { call } = await connectGmail(fake);
    const result = await call('send_message', { to: ['ada@example.com'], subject: 'Hi', body: 'Hello' });
    expect(result.isError).toBeFalsy();
    expect(fake.requests(`POST ${BASE}/messages/send`)).toHaveLength(1);
  });

  it('sends a saved draft after confirming what it says', async () => {
    const fake = await startGmailFake();
    const asked: string[] = [];
    const { call } = await connectGmail(fake, { elicit: (message) => (asked.push(message), accept()) });
    const result = await call('send_message', { draftId: SAVED_DRAFT.id });
    const get = fake.requests(`GET ${BASE}/drafts/${SAVED_DRAFT.id}`)[0]!;
    expect(get.query.get('format')).toBe('metadata');
    expect(asked).toEqual([
      'Send this email? to "Lovelace, Ada" <ada@example.com>, grace@example.com; cc Jürgen <juergen@example.com>, subject "Lunch".',
    ]);
    expect(fake.requests(`POST ${BASE}/drafts/send`)[0]!.body).toEqual({ id: SAVED_DRAFT.id });
    expect(result.structuredContent).toMatchObject({ messageId: SENT_MESSAGE.id, draftId: SAVED_DRAFT.id });
  });

  it('refuses a draft id together with message fields, and a message without recipients or body', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const both = await call('send_message', { draftId: SAVED_DRAFT.id, to: ['ada@example.com'] });
    expect(text(both)).toBe('Give either draftId or the message fields (to, subject, body…), not both.');
    const nobody = await call('send_message', { subject: 'Hi', body: 'Hello' });
    expect(text(nobody)).toContain('Give at least one recipient');
    const empty = await call('send_message', { to: ['ada@example.com'] });
    expect(text(empty)).toBe('Give the message body (or a draftId to send a saved draft).');
    expect(fake.received).toHaveLength(0);
  });
});
