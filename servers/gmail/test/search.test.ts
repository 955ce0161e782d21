import { describe, expect, it } from 'vitest';
import { LIST_EMPTY, LIST_PAGE_1, NEWSLETTER_MESSAGE, REPORT_MESSAGE } from './fixtures/gmail';
import { BASE, TOKEN, connectGmail, startGmailFake } from './gmail-fake';

describe('search_messages', () => {
  it('lists with the query and labels, then fetches each message as metadata', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('search_messages', {
      query: 'from:grace@example.com has:attachment',
      labels: ['inbox', 'Receipts'],
      maxResults: 2,
    });
    expect(result.isError).toBeFalsy();

    const [labels, list, ...gets] = fake.received;
    expect(labels).toMatchObject({ method: 'GET', path: `${BASE}/labels` });
    expect(list!.method).toBe('GET');
    expect(list!.path).toBe(`${BASE}/messages`);
    expect(list!.query.get('q')).toBe('from:grace@example.com has:attachment');
    expect(list!.query.getAll('labelIds')).toEqual(['INBOX', 'Label_1']);
    expect(list!.query.get('maxResults')).toBe('2');
    expect(list!.query.has('pageToken')).toBe(false);
    expect(list!.query.has('includeSpamTrash')).toBe(false);
    expect(list!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(gets.map((r) => r.path).sort()).toEqual(
      [`${BASE}/messages/${NEWSLETTER_MESSAGE.id}`, `${BASE}/messages/${REPORT_MESSAGE.id}`].sort(),
    );
    for (const get of gets) {
      expect(get.method).toBe('GET');
      expect(get.query.get('format')).toBe('metadata');
      expect(get.query.getAll('metadataHeaders')).toEqual(['From', 'To', 'Subject', 'Date']);
    }

    const structured = result.structuredContent as { messages: unknown[]; nextCursor?: string };
    expect(structured.messages).toEqual([
      {
        id: NEWSLETTER_MESSAGE.id,
        threadId: NEWSLETTER_MESSAGE.threadId,
        from: 'Café Müller <news@cafe.example>',
        to: 'ada@example.com',
        subject: 'Café news ☕ this week',
        date: '2024-05-02T10:00:00.000Z',
        snippet: "Café news: this week's specials",
        labels: ['INBOX', 'CATEGORY_UPDATES'],
      },
      {
        id: REPORT_MESSAGE.id,
        threadId: REPORT_MESSAGE.threadId,
        from: 'Grace Hopper <grace@example.com>',
        to: 'Ada Lovelace <ada@example.com>',
        subject: 'Q3 report',
        date: '2024-05-01T10:00:00.000Z',
        snippet: "Hi Ada, The Q3 report is attached. Revenue is up 12 % – it's on page 3 & more.",
        labels: ['INBOX', 'UNREAD', 'IMPORTANT', 'Receipts'],
      },
    ]);
    expect(structured.nextCursor).toEqual(expect.any(String));
    expect(text(result)).toContain('1. Café news ☕ this week');
    expect(text(result)).toContain('labels: INBOX, UNREAD, IMPORTANT, Receipts');
    expect(text(result)).toContain(`cursor "${structured.nextCursor}"`);
  });

  it('pages with the opaque cursor until Gmail has no next page', async () => {
    const fake = await startGmailFake();
    const { call } = await connectGmail(fake);
    const first = (await call('search_messages', {})).structuredContent as { nextCursor: string };
    const second = await call('search_messages', { cursor: first.nextCursor, includeSpamTrash: true });
    const lists = fake.requests(`GET ${BASE}/messages`);
    expect(lists[0]!.query.get('maxResults')).toBe('10');
    expect(lists[0]!.query.has('q')).toBe(false);
    expect(lists[1]!.query.get('pageToken')).toBe(LIST_PAGE_1.nextPageToken);
    expect(lists[1]!.query.get('includeSpamTrash')).toBe('true');
    const page = second.structuredContent as { messages: Array<{ subject: string }>; nextCursor?: string };
    expect(page.messages.map((m) => m.subject)).toEqual(['Re: Q3 report']);
    expect(page.nextCursor).toBeUndefined();
    // No user label on this page: no labels request to name them.
    expect(fake.requests(`GET ${BASE}/labels`)).toHaveLength(1);
  });

  it('says so when nothing matches, and rejects labels the account does not have', async () => {
    const fake = await startGmailFake();
    fake.failNext(`GET ${BASE}/messages`, { body: LIST_EMPTY });
    const { call, text } = await connectGmail(fake);
    const none = await call('search_messages', { query: 'from:nobody@example.com' });
    expect(none.structuredContent).toEqual({ messages: [], resultSizeEstimate: 0 });
    expect(text(none)).toBe('No messages match.');

    const unknown = await call('search_messages', { labels: ['Holidays'] });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toBe('No label called "Holidays" in this account; list_labels shows the names.');
  });

  it('leaves out a message deleted between the list and the fetch', async () => {
    const fake = await startGmailFake();
    fake.failNext(`GET ${BASE}/messages/${REPORT_MESSAGE.id}`, {
      status: 404,
      body: { error: { message: 'gone' } },
    });
    const { call } = await connectGmail(fake);
    const result = await call('search_messages', {});
    const ids = (result.structuredContent as { messages: Array<{ id: string }> }).messages.map((m) => m.id);
    expect(ids).toEqual([NEWSLETTER_MESSAGE.id]);
  });

  it('rejects a cursor it did not issue', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('search_messages', { cursor: 'bogus' });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('start again without a cursor');
    expect(fake.received).toHaveLength(0);
  });
});
