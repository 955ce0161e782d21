import { describe, expect, it } from 'vitest';
import { REPORT_MESSAGE, REPORT_THREAD } from './fixtures/gmail';
import { DOMAIN_POLICY_403, INVALID_CREDENTIALS_401, USER_RATE_LIMIT_403 } from './fixtures/errors';
import { BASE, TOKEN, connectGmail, startGmailFake } from './gmail-fake';

/**
 * The HTTP behaviour every tool shares (it comes from ApiClient; these prove each tool goes
 * through it): one call per tool, and the request whose failures are exercised. Sending is the
 * exception for retries: see the last block.
 */
const TOOLS: Array<{ tool: string; args: Record<string, unknown>; request: string }> = [
  { tool: 'search_messages', args: { query: 'is:unread' }, request: `GET ${BASE}/messages` },
  {
    tool: 'read_message',
    args: { id: REPORT_MESSAGE.id },
    request: `GET ${BASE}/messages/${REPORT_MESSAGE.id}`,
  },
  { tool: 'read_thread', args: { id: REPORT_THREAD.id }, request: `GET ${BASE}/threads/${REPORT_THREAD.id}` },
  { tool: 'create_draft', args: { to: ['ada@example.com'], body: 'Hi' }, request: `POST ${BASE}/drafts` },
  {
    tool: 'send_message',
    args: { to: ['ada@example.com'], subject: 'Hi', body: 'Hi' },
    request: `POST ${BASE}/messages/send`,
  },
  { tool: 'list_labels', args: {}, request: `GET ${BASE}/labels` },
  {
    tool: 'modify_labels',
    args: { messageIds: [REPORT_MESSAGE.id], remove: ['UNREAD'] },
    request: `POST ${BASE}/messages/batchModify`,
  },
];

const SEND = TOOLS.find((t) => t.tool === 'send_message')!;
const RETRIED = TOOLS.filter((t) => t !== SEND);

describe.each(TOOLS)('$tool over HTTP', ({ tool, args, request }) => {
  it('asks MCP Tray for a fresh token on 401 and retries with it', async () => {
    const fake = await startGmailFake();
    let asked = 0;
    const { call } = await connectGmail(fake, { token: 'expired', refreshToken: () => (asked++, TOKEN) });
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    expect(asked).toBe(1);
    expect(fake.received[0]!.headers.authorization).toBe('Bearer expired');
    expect(fake.requests(request).at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('says to sign in again when no fresh token helps', async () => {
    const fake = await startGmailFake();
    fake.failNext(request, { status: 401, body: INVALID_CREDENTIALS_401 }, 2);
    const { call, text } = await connectGmail(fake, { refreshToken: () => 'also-rejected' });
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(text(result)).toBe('Gmail rejected the sign-in. Open MCP Tray and sign in to Gmail again.');
  });

  it("reports any other 403 in Google's words, without retrying", async () => {
    const fake = await startGmailFake();
    fake.failNext(request, { status: 403, body: DOMAIN_POLICY_403 });
    const { call, text, waits } = await connectGmail(fake);
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('(The domain administrators have disabled Gmail apps.)');
    expect(waits).toEqual([]);
  });
});

describe.each(RETRIED)('$tool retries', ({ tool, args, request }) => {
  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    const fake = await startGmailFake();
    fake.failNext(request, { status: 429, headers: { 'retry-after': '3' }, body: USER_RATE_LIMIT_403 });
    const { call, waits } = await connectGmail(fake);
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    expect(waits).toEqual([3000]);
    expect(fake.requests(request)).toHaveLength(2);
  });

  it('treats a 403 with a rate-limit reason as a rate limit and retries', async () => {
    const fake = await startGmailFake();
    fake.failNext(request, { status: 403, body: USER_RATE_LIMIT_403 });
    const { call, waits } = await connectGmail(fake);
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    // Google gives no Retry-After here: 1 s plus up to 50 % jitter (servers/shared/google.ts).
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[0]).toBeLessThanOrEqual(1500);
    expect(fake.requests(request)).toHaveLength(2);
  });

  it('retries a 5xx with backoff', async () => {
    const fake = await startGmailFake();
    fake.failNext(request, { status: 503, body: { error: { code: 503, message: 'Backend Error' } } });
    fake.failNext(request, { status: 500, body: { error: { code: 500, message: 'Backend Error' } } });
    const { call, waits } = await connectGmail(fake);
    const result = await call(tool, args);
    expect(result.isError).toBeFalsy();
    expect(waits).toHaveLength(2);
    expect(fake.requests(request)).toHaveLength(3);
  });
});

describe('send_message never retries what may have gone out', () => {
  const { args, request } = SEND;

  it('reports a 5xx without retrying, saying the mail may have been sent', async () => {
    const fake = await startGmailFake();
    fake.failNext(request, { status: 500, body: { error: { code: 500, message: 'Backend Error' } } });
    const { call, text, waits } = await connectGmail(fake);
    const result = await call('send_message', args);
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'Gmail had a server error (500); try again later. (Backend Error) The message may have been sent ' +
        'anyway: check Sent in Gmail before trying again.',
    );
    expect(waits).toEqual([]);
    expect(fake.requests(request)).toHaveLength(1);
  });

  it.each([
    [
      '429 with Retry-After',
      { status: 429, headers: { 'retry-after': '3' }, body: USER_RATE_LIMIT_403 },
      '3',
    ],
    ['403 rate-limit reason', { status: 403, body: USER_RATE_LIMIT_403 }, '[12]'],
  ])('reports a rate limit (%s) with the wait, sending nothing', async (_what, reply, seconds) => {
    const fake = await startGmailFake();
    fake.failNext(request, reply);
    const { call, text, waits } = await connectGmail(fake);
    const result = await call('send_message', args);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(
      new RegExp(`^Gmail is rate limiting requests; try again in ${seconds} s\\.$`),
    );
    expect(waits).toEqual([]);
    expect(fake.requests(request)).toHaveLength(1);
  });
});

describe('bad input', () => {
  it.each([
    ['search_messages', { maxResults: 500 }, 'maxResults'],
    ['search_messages', { labels: 'INBOX' }, 'labels'],
    ['read_message', {}, 'id'],
    ['read_message', { id: '../labels' }, 'must be a Gmail message id'],
    ['read_thread', { id: REPORT_THREAD.id, maxMessages: 0 }, 'maxMessages'],
    ['create_draft', { to: ['ada@example.com'] }, 'body'],
    ['create_draft', { to: ['not an address'], body: 'Hi' }, 'must be an email address'],
    ['send_message', { bcc: ['a@b.c\r\nX-Evil: 1'], body: 'Hi' }, 'must be an email address'],
    ['list_labels', { type: 'hidden' }, 'type'],
    ['modify_labels', { messageIds: [], add: ['STARRED'] }, 'messageIds'],
  ])('%s rejects %j naming the problem (%s)', async (tool, args, words) => {
    const fake = await startGmailFake();
    const { call, text } = await connectGmail(fake);
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('Input validation error');
    expect(text(result)).toContain(words);
    expect(fake.received).toHaveLength(0);
  });
});
