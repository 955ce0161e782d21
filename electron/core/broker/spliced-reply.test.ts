import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import {
  CLI,
  cliJson,
  loggedCalls,
  seedSettings,
  serveCore,
  until,
} from '../../../test/core/support/served-core';

const SERVER = path.join(import.meta.dirname, 'fixtures/raw-reply-server.mjs');
const RESULT =
  '{"content":[{"type":"text","text":"caf\\u00e9"}],"structuredContent":{"n":1.0,"big":12345678901234567890}}';

/** A client that speaks raw lines through `mcp-tray connect`, to see the bytes it gets back. */
function rawClient(dataDir: string) {
  const child = spawn(process.execPath, [CLI, 'connect', 'raw', '--data-dir', dataDir], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    waiters.splice(0).forEach((wake) => wake());
  });
  /** Sends `text` (one request) and resolves with the line that answers `id`. */
  const send = async (text: string, id: unknown): Promise<string> => {
    child.stdin.write(text + '\n');
    const mine = () => lines.find((l) => (JSON.parse(l) as { id?: unknown }).id === id);
    while (!mine()) await new Promise<void>((wake) => waiters.push(wake));
    return mine()!;
  };
  const request = (message: Record<string, unknown>) =>
    send(JSON.stringify({ jsonrpc: '2.0', ...message }), message.id);
  const notify = (method: string) => child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method }) + '\n');
  return { child, request, send, notify };
}

async function connected(dataDir: string) {
  seedSettings(dataDir, [{ id: 'raw', args: [SERVER] }]);
  await serveCore(dataDir);
  await until(
    () => cliJson<{ id: string; state: string }[]>(dataDir, ['status']).find((s) => s.state === 'running'),
    'raw running',
  );
  const client = rawClient(dataDir);
  await client.request({
    id: 0,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  });
  client.notify('notifications/initialized');
  return client;
}

const call = (id: string | number, name: string) => ({
  id,
  method: 'tools/call',
  params: { name, arguments: {} },
});

describe('the fast path forwards the server’s reply as it wrote it, under the client’s id', () => {
  it('keeps every byte of the result, for the SDK’s layout and the Python SDK’s, with string and number ids', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const client = await connected(dataDir);
    try {
      // A re-serialised reply would read `1`, `é` and 12345678901234567000.
      expect(await client.request(call('a "quoted" id', 'id_last'))).toBe(
        `{"result":${RESULT},"jsonrpc":"2.0","id":"a \\"quoted\\" id"}`,
      );
      expect(await client.request(call(7, 'id_first'))).toBe(`{"jsonrpc":"2.0","id":7,"result":${RESULT}}`);
    } finally {
      client.child.kill();
    }
  });

  it('answers a reply in another layout (spaces, id first) under the client’s id, and logs every call', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const client = await connected(dataDir);
    try {
      const line = await client.request(call('s-1', 'spaced'));
      const reply = JSON.parse(line) as { id: unknown; jsonrpc: string; result: { content: unknown[] } };
      expect(reply).toMatchObject({
        id: 's-1',
        jsonrpc: '2.0',
        result: { content: [{ type: 'text', text: 'café' }] },
      });
      await client.request(call(8, 'id_last'));
    } finally {
      client.child.kill();
    }
    const records = await until(() => {
      const out = loggedCalls(dataDir);
      return out.length >= 2 && out;
    }, 'both calls logged');
    expect(records.map((r) => [r.tool, r.outcome]).sort()).toEqual([
      ['id_last', 'ok'],
      ['spaced', 'ok'],
    ]);
    // The size the server sent (`\u00e9`, `1.0`, twenty digits), not that of a re-serialisation.
    expect(records.find((r) => r.tool === 'id_last')?.result?.bytes).toBe(Buffer.byteLength(RESULT));
  });

  it('sends the client’s request on as the client wrote it, under an id of its own', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const client = await connected(dataDir);
    try {
      const sent =
        '{"jsonrpc":"2.0","id":"r1","method":"tools/call","params":{"name":"request_line","arguments":{"n":1.0,"s":"caf\\u00e9"}}}';
      const line = await client.send(sent, 'r1');
      const seen = (JSON.parse(line) as { result: { content: { text: string }[] } }).result.content[0]!.text;
      // Only the id differs (a negative one of the relay's); a re-serialised request would carry `1` and `é`.
      expect(seen).toMatch(/^\{"jsonrpc":"2\.0","id":-\d+,"method"/);
      expect(seen.replace(/"id":-\d+,/, '"id":"r1",')).toBe(sent);
    } finally {
      client.child.kill();
    }
  });
});
