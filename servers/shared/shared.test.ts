import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { confirmAction } from './confirm';
import { decodeCursor, encodeCursor } from './cursor';
import { ApiClient, retryAfterMs } from './http-client';
import { connectTestClient, recordingSleep } from './test/connect';
import { FakeApi } from './test/fake-api';
import { ChannelTokenSource, staticToken } from './token-source';
import { runTool } from './tool-result';

async function api(token = 'good') {
  const fake = await new FakeApi().start();
  fake.tokens.add(token);
  fake.on('GET /thing', () => ({ body: { ok: true } }));
  return fake;
}

describe('ApiClient', () => {
  it('retries 5xx and network errors with backoff, then succeeds', async () => {
    const fake = await api();
    fake.failNext('GET /thing', { status: 502 }, 2);
    const { waits, sleep } = recordingSleep();
    const client = new ApiClient({ provider: 'Fake', baseUrl: fake.url, token: staticToken('good'), sleep });
    expect((await client.get('/thing')).data).toEqual({ ok: true });
    expect(fake.requests('GET /thing')).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThanOrEqual(500);
  });

  it('honours Retry-After on 429 and gives up in words when the wait is too long', async () => {
    const fake = await api();
    fake.failNext('GET /thing', { status: 429, headers: { 'retry-after': '7' } });
    const { waits, sleep } = recordingSleep();
    const client = new ApiClient({ provider: 'Fake', baseUrl: fake.url, token: staticToken('good'), sleep });
    await client.get('/thing');
    expect(waits).toEqual([7000]);
    fake.failNext('GET /thing', { status: 429, headers: { 'retry-after': '3600' } });
    await expect(client.get('/thing')).rejects.toThrow(
      'Fake is rate limiting requests; try again in 3600 s.',
    );
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(
      60_000,
    );
  });

  it('turns errors into words with the provider detail', async () => {
    const fake = await api();
    fake.on('GET /missing', () => ({ status: 404, body: { message: 'Not Found' } }));
    const client = new ApiClient({
      provider: 'Fake',
      baseUrl: fake.url,
      token: staticToken('good'),
      errorDetail: (b) => (b as { message?: string }).message ?? null,
    });
    await expect(client.get('/missing')).rejects.toThrow(
      'Fake found nothing there (it does not exist, or this account cannot see it). (Not Found)',
    );
  });

  it('times out a silent server', async () => {
    const fake = await api();
    fake.on('GET /slow', () => new Promise(() => undefined));
    const client = new ApiClient({
      provider: 'Fake',
      baseUrl: fake.url,
      token: staticToken('good'),
      timeoutMs: 100,
      retries: 0,
    });
    await expect(client.get('/slow')).rejects.toThrow('Fake did not answer within 1 s.');
  });
});

function serverWithThing(fakeUrl: string, initial: string) {
  const server = new McpServer({ name: 't', version: '1' });
  const token = new ChannelTokenSource(server.server, `Bearer ${initial}`, 'Bearer ');
  const client = new ApiClient({ provider: 'Fake', baseUrl: fakeUrl, token });
  server.registerTool('thing', { inputSchema: {} }, () =>
    runTool(async () => ({
      content: [{ type: 'text', text: JSON.stringify((await client.get('/thing')).data) }],
    })),
  );
  return server;
}

describe('the 401 channel', () => {
  it('asks MCP Tray for a fresh token once and retries the call', async () => {
    const fake = await api('fresh');
    let asked = 0;
    const { call, text } = await connectTestClient(serverWithThing(fake.url, 'stale'), {
      refreshToken: () => (asked++, 'Bearer fresh'),
    });
    expect(text(await call('thing'))).toBe('{"ok":true}');
    expect(asked).toBe(1);
    expect(fake.received.map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('says "sign in again" without looping when the fresh token is rejected too, or no one can refresh', async () => {
    const fake = await api('other');
    let asked = 0;
    const tray = await connectTestClient(serverWithThing(fake.url, 'stale'), {
      refreshToken: () => (asked++, 'Bearer also-bad'),
    });
    const result = await tray.call('thing');
    expect(result.isError).toBe(true);
    expect(tray.text(result)).toBe('Fake rejected the sign-in. Open MCP Tray and sign in to Fake again.');
    expect(asked).toBe(1);
    expect(fake.received).toHaveLength(2);

    const plain = await connectTestClient(serverWithThing(fake.url, 'stale'));
    expect(plain.text(await plain.call('thing'))).toContain('sign in to Fake again');
  });
});

describe('helpers', () => {
  it('confirms through elicitation, or reports that the client cannot ask', async () => {
    const server = () => {
      const s = new McpServer({ name: 't', version: '1' });
      s.registerTool('ask', { inputSchema: { what: z.string() } }, async ({ what }) => ({
        content: [{ type: 'text', text: await confirmAction(s.server, what) }],
      }));
      return s;
    };
    const yes = await connectTestClient(server(), {
      elicit: () => ({ action: 'accept', content: { confirm: true } }),
    });
    expect(yes.text(await yes.call('ask', { what: 'Send?' }))).toBe('confirmed');
    const no = await connectTestClient(server(), { elicit: () => ({ action: 'decline' }) });
    expect(no.text(await no.call('ask', { what: 'Send?' }))).toBe('declined');
    const none = await connectTestClient(server());
    expect(none.text(await none.call('ask', { what: 'Send?' }))).toBe('unsupported');
  });

  it('round-trips cursors and rejects foreign ones in words', () => {
    expect(decodeCursor(encodeCursor({ page: 2 }))).toEqual({ page: 2 });
    expect(decodeCursor(undefined)).toBeNull();
    expect(() => decodeCursor('not-a-cursor')).toThrow('start again without a cursor');
  });
});
