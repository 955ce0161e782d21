// WebSocket abuse against a real `mcp-tray serve` process: the core stays up and every other
// session keeps working.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { createApi } from '../../shared/api';
import type { WebSocketLike } from '../../shared/ws-transport';
import { WsTransport } from '../../shared/ws-transport';
import { UNEXPECTED_ERROR } from '../platform/process-guard';
import { CLI } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';

async function serve() {
  const dataDir = tempDir();
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, MCP_TRAY_CRASH_ON_UNEXPECTED: '0' },
    },
  );
  onTestFinished(() => void (child.exitCode === null && child.kill('SIGKILL')));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; port: number };
  const token = new URL(info.url).searchParams.get('token')!;
  return { child, dataDir, port: info.port, token };
}

describe('WebSocket abuse', () => {
  it('a frame over the limit closes that session only; the core and other sessions carry on', async () => {
    const { child, dataDir, port, token } = await serve();
    const url = `ws://127.0.0.1:${port}/api?token=${token}`;
    const origin = `http://127.0.0.1:${port}`;
    const transport = new WsTransport({
      url,
      createSocket: (u) => new WebSocket(u, { headers: { origin } }) as unknown as WebSocketLike,
    });
    await transport.whenOpen();
    const api = createApi(transport);
    expect((await api.getAppInfo()).host).toBe('headless');

    const big = new WebSocket(url, { headers: { origin } });
    big.on('error', () => undefined);
    await new Promise((resolve) => big.once('open', resolve));
    const closed = new Promise<number>((resolve) => big.once('close', resolve));
    big.send('x'.repeat(29 * 1024 * 1024));
    // 1009: message too big.
    expect(await closed).toBe(1009);

    // Garbage, a binary frame and a wrong Origin on top.
    const junk = new WebSocket(url, { headers: { origin } });
    junk.on('error', () => undefined);
    await new Promise((resolve) => junk.once('open', resolve));
    junk.send(Buffer.from([0, 1, 2]));
    junk.send('{"__proto__": {"polluted": true}, "id": 1}');
    const wrongOrigin = new WebSocket(url, { headers: { origin: 'http://evil.example' } });
    const refused = await new Promise<number>((resolve) => {
      wrongOrigin.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      wrongOrigin.on('error', () => undefined);
    });
    expect(refused).toBe(403);

    expect(child.exitCode).toBeNull();
    expect((await api.getAppInfo()).host).toBe('headless');
    transport.close();
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'core.log'), 'utf8');
    expect(log).not.toContain(UNEXPECTED_ERROR);
  });
});
