import { describe, expect, it } from 'vitest';
import { NEWSLETTER_MESSAGE, REPLY_MESSAGE, REPORT_MESSAGE, REPORT_THREAD, textBody } from './fixtures/gmail';
import { BASE, TOKEN, connectGmail, startGmailFake } from './gmail-fake';

interface Detail {
  subject: string;
  from: string;
  body: string;
  bodyTruncated: boolean;
  labels: string[];
  attachments: unknown[];
}

describe('read_message', () => {
  it('reads the text part of a multipart message and lists its attachment', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('read_message', { id: REPORT_MESSAGE.id });

    const get = fake.requests(`GET ${BASE}/messages/${REPORT_MESSAGE.id}`)[0]!;
    expect(get.query.get('format')).toBe('full');
    expect(get.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result.structuredContent).toEqual({
      id: REPORT_MESSAGE.id,
      threadId: REPORT_MESSAGE.threadId,
      from: 'Grace Hopper <grace@example.com>',
      to: 'Ada Lovelace <ada@example.com>',
      cc: 'team@example.com',
      subject: 'Q3 report',
      date: '2024-05-01T10:00:00.000Z',
      labels: ['INBOX', 'UNREAD', 'IMPORTANT', 'Receipts'],
      body:
        'Hi Ada,\n\nThe Q3 report is attached. Revenue is up 12 % – details on page 3.\n\n' +
        '> Can you send the report?\n\n--\nGrace',
      bodyTruncated: false,
      attachments: [{ filename: 'Q3-report.pdf', mimeType: 'application/pdf', size: 48213 }],
    });
    expect(text(result)).toContain('Attachments (not downloaded):\n- Q3-report.pdf (application/pdf, 47 KB)');
    expect(text(result)).toContain('Labels: INBOX, UNREAD, IMPORTANT, Receipts');
  });

  it('converts an HTML-only body in its charset and decodes encoded-word headers', async () => {
    const fake = await startGmailFake();
    const { call } = await connectGmail(fake);
    const result = await call('read_message', { id: NEWSLETTER_MESSAGE.id });
    const message = result.structuredContent as unknown as Detail;
    expect(message.subject).toBe('Café news ☕ this week');
    expect(message.from).toBe('Café Müller <news@cafe.example>');
    expect(message.body).toContain('Café news');
    expect(message.body).toContain('Our specials: the menu [https://cafe.example/menu]');
    expect(message.body).toContain('Espresso 2,50 EUR');
    expect(message.body).not.toMatch(/<|color:red/);
    // System labels only: no labels request.
    expect(fake.requests(`GET ${BASE}/labels`)).toHaveLength(0);
  });

  it('cuts a long body at maxChars and says so', async () => {
    const fake = await startGmailFake();
    const long = {
      ...REPLY_MESSAGE,
      payload: { ...REPLY_MESSAGE.payload, body: textBody('line\n'.repeat(400)) },
    };
    fake.failNext(`GET ${BASE}/messages/${REPLY_MESSAGE.id}`, { body: long });
    const { call } = await connectGmail(fake);
    const message = (await call('read_message', { id: REPLY_MESSAGE.id, maxChars: 500 }))
      .structuredContent as unknown as Detail;
    expect(message.bodyTruncated).toBe(true);
    expect(message.body.length).toBeLessThan(600);
    expect(message.body).toMatch(/more characters not shown\)$/);
  });

  it("reports Google's words for a message that does not exist", async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('read_message', { id: 'ffffffffffffffff' });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'Gmail found nothing there (it does not exist, or this account cannot see it). (Requested entity was not found.)',
    );
  });
});

describe('read_thread', () => {
  it('reads every message of the thread, oldest first', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('read_thread', { id: REPORT_THREAD.id });
    const get = fake.requests(`GET ${BASE}/threads/${REPORT_THREAD.id}`)[0]!;
    expect(get.query.get('format')).toBe('full');
    const thread = result.structuredContent as {
      messageCount: number;
      messages: Detail[];
      nextCursor?: string;
    };
    expect(thread.messageCount).toBe(2);
    expect(thread.messages.map((m) => m.subject)).toEqual(['Q3 report', 'Re: Q3 report']);
    expect(thread.messages[1]!.body).toBe('Thanks Grace, got it.');
    expect(thread.messages[0]!.attachments).toHaveLength(1);
    expect(thread.nextCursor).toBeUndefined();
    expect(text(result)).toMatch(
      /^Thread 18f0a1b2c3d4e5f6: 2 messages\n\n--- Message 1 ---\nSubject: Q3 report/,
    );
    // One labels request for the whole thread, for the user label.
    expect(fake.requests(`GET ${BASE}/labels`)).toHaveLength(1);
  });

  it('pages through a long thread with the cursor, trimming each body', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const first = await call('read_thread', {
      id: REPORT_THREAD.id,
      maxMessages: 1,
      maxCharsPerMessage: 200,
    });
    const page1 = first.structuredContent as { offset: number; messages: Detail[]; nextCursor: string };
    expect(page1.offset).toBe(0);
    expect(page1.messages.map((m) => m.subject)).toEqual(['Q3 report']);
    expect(page1.messages[0]!.bodyTruncated).toBe(false);
    expect(text(first)).toContain('2 messages, showing 1–1');
    expect(text(first)).toContain(`cursor "${page1.nextCursor}"`);

    const second = await call('read_thread', {
      id: REPORT_THREAD.id,
      maxMessages: 1,
      cursor: page1.nextCursor,
    });
    const page2 = second.structuredContent as { offset: number; messages: Detail[]; nextCursor?: string };
    expect(page2.offset).toBe(1);
    expect(page2.messages.map((m) => m.subject)).toEqual(['Re: Q3 report']);
    expect(page2.nextCursor).toBeUndefined();
  });
});
