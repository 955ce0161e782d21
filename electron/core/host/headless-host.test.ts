import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApi } from '../../shared/api';
import type { WebSocketLike } from '../../shared/ws-transport';
import { WsTransport } from '../../shared/ws-transport';
import { silentLogger } from '../platform/logger';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';
import type { RunningHost } from './headless-host';
import { startHeadlessHost } from './headless-host';
import { PortInUseError } from './listen';

const hosts: RunningHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start(port = 0, strictPort = false) {
  const dataDir = tempDir();
  const rendererDir = path.join(dataDir, 'ui');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>MCP Tray UI</title>');
  fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'do not serve');
  const core = createTestCore(dataDir);
  const host = await startHeadlessHost({ core, rendererDir, port, strictPort, logger: silentLogger });
  hosts.push(host);
  const token = new URL(host.url).searchParams.get('token')!;
  return { host, core, token, dataDir };
}

function get(port: number, pathAndQuery: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: pathAndQuery, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
    },
  );
}

function wsOutcome(url: string, headers: Record<string, string>) {
  return new Promise<'open' | number>((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('headless host', () => {
  it('prints a loopback URL with a 256-bit token', async () => {
    const { host, token } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('refuses requests without the token, and trades a good token for a cookie', async () => {
    const { host, token } = await start();
    const bare = await get(host.port, '/');
    expect(bare.status).toBe(401);
    expect(bare.body).toContain('mcp-tray serve');
    expect((await get(host.port, '/?token=wrong')).status).toBe(401);

    const redirect = await get(host.port, `/?token=${token}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe('/');
    const cookie = redirect.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const page = await get(host.port, '/', { cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.body).toContain('MCP Tray UI');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin even with the token', async () => {
    const { host, token } = await start();
    const rebound = await get(host.port, `/?token=${token}`, { host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(403);
    const foreign = await get(host.port, `/?token=${token}`, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('does not serve files outside the UI folder', async () => {
    const { host, token } = await start();
    const res = await get(host.port, `/..%2Fsecret.txt?x=1`, { cookie: `mcp_tray_${host.port}=${token}` });
    expect(res.status).not.toBe(200);
    expect(res.body).not.toContain('do not serve');
  });

  it('carries the contract over the WebSocket with the token, and refuses it without', async () => {
    const { host, token, core } = await start();
    const wsUrl = `ws://127.0.0.1:${host.port}/api`;
    const origin = `http://127.0.0.1:${host.port}`;
    expect(await wsOutcome(wsUrl, { origin })).toBe(401);
    expect(await wsOutcome(`${wsUrl}?token=${token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await wsOutcome(wsUrl, { origin, cookie: `mcp_tray_${host.port}=${token}` })).toBe('open');

    const transport = new WsTransport({
      url: `${wsUrl}?token=${token}`,
      createSocket: (url) => new WebSocket(url, { headers: { origin } }) as unknown as WebSocketLike,
    });
    await transport.whenOpen();
    const api = createApi(transport);
    expect((await api.getAppInfo()).host).toBe('headless');
    const event = new Promise((resolve) => api.onInstancesChanged(resolve));
    core.services.instances.publish();
    expect(await event).toEqual({ instances: [] });
    transport.close();
  });

  it('closes only the socket that sent a malformed frame', async () => {
    const { host, token } = await start();
    const url = `ws://127.0.0.1:${host.port}/api?token=${token}`;
    const bad = new WebSocket(url);
    await new Promise((resolve) => bad.once('open', resolve));
    const closed = new Promise<number>((resolve) => bad.once('close', resolve));
    bad.send('{ not json');
    expect(await closed).toBe(1007);
    expect(await wsOutcome(url, {})).toBe('open');
  });

  it('falls back from a busy default port, and names a busy chosen port', async () => {
    const { host: first } = await start();
    const { host: second } = await start(first.port, false);
    expect(second.port).not.toBe(first.port);
    expect(second.fellBackFrom).toBe(first.port);
    const chosen = start(first.port, true);
    await expect(chosen).rejects.toBeInstanceOf(PortInUseError);
    await expect(chosen).rejects.toThrow(`Port ${first.port}`);
  });
});
