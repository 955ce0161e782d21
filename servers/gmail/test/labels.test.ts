import { describe, expect, it } from 'vitest';
import { NEWSLETTER_MESSAGE, REPORT_MESSAGE } from './fixtures/gmail';
import { BASE, TOKEN, connectGmail, startGmailFake } from './gmail-fake';

type Labels = { labels: Array<{ id: string; name: string; type: string }>; nextCursor?: string };

describe('list_labels', () => {
  it('lists system labels first, then the user labels by name', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('list_labels');
    const get = fake.requests(`GET ${BASE}/labels`)[0]!;
    expect(get.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const { labels, nextCursor } = result.structuredContent as Labels;
    expect(labels).toHaveLength(12);
    expect(labels.slice(0, 3).map((l) => l.name)).toEqual(['CATEGORY_UPDATES', 'CHAT', 'DRAFT']);
    expect(labels.slice(-2)).toEqual([
      { id: 'Label_2', name: 'Projects/Apollo', type: 'user' },
      { id: 'Label_1', name: 'Receipts', type: 'user' },
    ]);
    expect(nextCursor).toBeUndefined();
    expect(text(result)).toContain('- Receipts (id: Label_1, user)');
  });

  it('filters by type and pages with the cursor', async () => {
    const fake = await startGmailFake();
    const { call } = await connectGmail(fake);
    const user = (await call('list_labels', { type: 'user' })).structuredContent as Labels;
    expect(user.labels.map((l) => l.id)).toEqual(['Label_2', 'Label_1']);

    const first = (await call('list_labels', { limit: 5 })).structuredContent as Labels;
    const second = (await call('list_labels', { limit: 5, cursor: first.nextCursor }))
      .structuredContent as Labels;
    const third = (await call('list_labels', { limit: 5, cursor: second.nextCursor }))
      .structuredContent as Labels;
    expect([first, second, third].map((p) => p.labels.length)).toEqual([5, 5, 2]);
    expect(third.nextCursor).toBeUndefined();
    expect(new Set([...first.labels, ...second.labels, ...third.labels].map((l) => l.id)).size).toBe(12);
  });
});

describe('modify_labels', () => {
  it('resolves names to ids and changes the labels in one batchModify', async () => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('modify_labels', {
      messageIds: [REPORT_MESSAGE.id, NEWSLETTER_MESSAGE.id],
      add: ['receipts', 'STARRED'],
      remove: ['Unread', 'INBOX'],
    });
    expect(result.isError).toBeFalsy();
    const post = fake.requests(`POST ${BASE}/messages/batchModify`)[0]!;
    expect(post.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post.body).toEqual({
      ids: [REPORT_MESSAGE.id, NEWSLETTER_MESSAGE.id],
      addLabelIds: ['Label_1', 'STARRED'],
      removeLabelIds: ['UNREAD', 'INBOX'],
    });
    expect(result.structuredContent).toEqual({
      messageIds: [REPORT_MESSAGE.id, NEWSLETTER_MESSAGE.id],
      added: [
        { id: 'Label_1', name: 'Receipts' },
        { id: 'STARRED', name: 'STARRED' },
      ],
      removed: [
        { id: 'UNREAD', name: 'UNREAD' },
        { id: 'INBOX', name: 'INBOX' },
      ],
    });
    expect(text(result)).toBe('Updated 2 messages: added Receipts, STARRED; removed UNREAD, INBOX.');
    // One labels request serves both lists.
    expect(fake.requests(`GET ${BASE}/labels`)).toHaveLength(1);
  });

  it('accepts label ids as they are', async () => {
    const fake = await startGmailFake();
    const { call } = await connectGmail(fake);
    await call('modify_labels', { messageIds: [REPORT_MESSAGE.id], add: ['Label_2'] });
    expect(fake.requests(`POST ${BASE}/messages/batchModify`)[0]!.body).toEqual({
      ids: [REPORT_MESSAGE.id],
      addLabelIds: ['Label_2'],
      removeLabelIds: [],
    });
  });

  it.each([
    [{ add: ['Holidays'] }, 'No label called "Holidays" in this account; list_labels shows the names.'],
    [{ add: ['TRASH'] }, 'Moving mail to Trash is not offered; do it in Gmail.'],
    [{ add: ['STARRED'], remove: ['starred'] }, '"STARRED" is both added and removed.'],
    [{}, 'Give labels to add or to remove.'],
  ])('refuses %j without changing anything', async (change, message) => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call('modify_labels', { messageIds: [REPORT_MESSAGE.id], ...change });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(message);
    expect(fake.requests(`POST ${BASE}/messages/batchModify`)).toHaveLength(0);
  });
});
