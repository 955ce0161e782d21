import { decodeEncodedWords } from '../src/mime';
import type { ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { connectTestClient, recordingSleep } from '../../shared/test/connect';
import { FakeApi } from '../../shared/test/fake-api';
import { ChannelTokenSource } from '../../shared/token-source';
import { createServer } from '../src/create-server';
import {
  CREATED_DRAFT,
  LABELS,
  LIST_PAGE_1,
  LIST_PAGE_2,
  MESSAGES,
  REPORT_THREAD,
  SAVED_DRAFT,
  SENT_MESSAGE,
  metadataOf,
} from './fixtures/gmail';
import { NOT_FOUND_404 } from './fixtures/errors';

export const BASE = '/gmail/v1/users/me';
export const TOKEN = 'ya29.test-access-token';

/** The Gmail endpoints the tools use, answering from the fixtures; only `TOKEN` is accepted. */
export async function startGmailFake(): Promise<FakeApi> {
  const fake = await new FakeApi().start();
  fake.tokens.add(TOKEN);
  fake.on(`GET ${BASE}/messages`, (r) => ({
    body: r.query.get('pageToken') === LIST_PAGE_1.nextPageToken ? LIST_PAGE_2 : LIST_PAGE_1,
  }));
  fake.on(`GET ${BASE}/messages/:id`, (r) => {
    const message = MESSAGES[r.path.split('/').pop()!];
    if (!message) return { status: 404, body: NOT_FOUND_404 };
    const metadata = r.query.get('format') === 'metadata';
    return { body: metadata ? metadataOf(message, r.query.getAll('metadataHeaders')) : message };
  });
  fake.on(`GET ${BASE}/threads/:id`, (r) =>
    r.path.endsWith(`/${REPORT_THREAD.id}`) ? { body: REPORT_THREAD } : { status: 404, body: NOT_FOUND_404 },
  );
  fake.on(`GET ${BASE}/labels`, () => ({ body: LABELS }));
  fake.on(`POST ${BASE}/drafts`, () => ({ body: CREATED_DRAFT }));
  fake.on(`GET ${BASE}/drafts/:id`, (r) =>
    r.path.endsWith(`/${SAVED_DRAFT.id}`) ? { body: SAVED_DRAFT } : { status: 404, body: NOT_FOUND_404 },
  );
  fake.on(`POST ${BASE}/messages/send`, () => ({ body: SENT_MESSAGE }));
  fake.on(`POST ${BASE}/drafts/send`, () => ({ body: SENT_MESSAGE }));
  // users.messages.batchModify answers with an empty body.
  fake.on(`POST ${BASE}/messages/batchModify`, () => ({ status: 204 }));
  return fake;
}

export interface ConnectOptions {
  /** The token the server starts with (default: the accepted one). */
  token?: string;
  refreshToken?: () => string;
  elicit?: (message: string) => ElicitResult;
}

/** The Gmail server against `fake`, with an in-memory MCP client and instant, recorded waits. */
export async function connectGmail(fake: FakeApi, options: ConnectOptions = {}) {
  const { waits, sleep } = recordingSleep();
  const server = createServer({
    apiUrl: `${fake.url}/gmail/v1`,
    token: (s) => new ChannelTokenSource(s, options.token ?? TOKEN),
    sleep,
  });
  const client = await connectTestClient(server, {
    ...(options.refreshToken ? { refreshToken: options.refreshToken } : {}),
    ...(options.elicit ? { elicit: options.elicit } : {}),
  });
  return { ...client, waits };
}

/** The RFC 5322 text inside a `raw` the fake received. */
/**
 * A message's headers, unfolded and with encoded words decoded, by lower-case name: what a mail
 * program would show, whatever way the writer chose to fold or quote them.
 */
export function mailHeaders(mime: string): Map<string, string> {
  const block = mime.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  return new Map(
    block.split('\r\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), decodeEncodedWords(line.slice(colon + 1).trim())];
    }),
  );
}

export function decodeRaw(raw: unknown): string {
  return Buffer.from(String(raw), 'base64url').toString('utf8');
}
