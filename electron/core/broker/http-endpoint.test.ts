import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_TOKEN_ACCOUNT } from '../services/http-broker-service';
import type { HttpCore } from '../../../test/core/support/http-core';
import { freePort, startHttpCore } from '../../../test/core/support/http-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';
import { FIXTURES, until } from '../../../test/core/support/served-core';

const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so Host and Origin can be anything (fetch would not let us set Host). */
function raw(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<RawReply>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

const mcpHeaders = (extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  ...extra,
});

async function httpClient(env: HttpCore, id: string, name: string, token = env.token) {
  const client = new Client({ name, version: '4.5.6' });
  const transport = new StreamableHTTPClientTransport(new URL(env.url(id)), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return { client, transport };
}

describe('the broker over Streamable HTTP (real sockets, real servers)', () => {
  let env: HttpCore;

  beforeAll(async () => {
    env = await startHttpCore([
      { id: 'everything', args: [EVERYTHING, 'stdio'] },
      { id: 'off', args: [path.join(FIXTURES, 'fixture-server.mjs')], enabled: false },
    ]);
  }, 60_000);
  afterAll(() => env?.close());

  it('keeps a 256-bit token in the keychain and serves 127.0.0.1 only', async () => {
    const status = await env.core.services.http.status();
    expect(status).toMatchObject({ enabled: true, running: true, port: env.port, error: null });
    expect(status.baseUrl).toBe(`http://127.0.0.1:${env.port}/mcp/`);
    expect(status.token).toBeUndefined();
    expect(Buffer.from(env.token, 'base64url')).toHaveLength(32);
    expect(await env.secrets.get(HTTP_TOKEN_ACCOUNT)).toBe(env.token);
  });

  it('an SDK client calls echo of server-everything, and the call is logged with its name', async () => {
    const { client, transport } = await httpClient(env, 'everything', 'Cursor');
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.core.broker.clients('everything')).toContainEqual({ name: 'Cursor', version: '4.5.6' });
    const result = await client.callTool({ name: 'echo', arguments: { message: 'hello over http' } });
    expect(JSON.stringify(result.content)).toContain('hello over http');
    const page = await until(() => {
      const found = env.core.calls.query({ tool: 'echo', client: 'Cursor' });
      return found.records.length > 0 && found;
    }, 'the echo call in the call log');
    expect(page.records[0]).toMatchObject({
      instanceId: 'everything',
      client: { name: 'Cursor', version: '4.5.6' },
      tool: 'echo',
      outcome: 'ok',
      arguments: { message: 'hello over http' },
    });
    // DELETE ends the session: the broker forgets the client.
    await transport.terminateSession();
    await until(
      () => !env.core.broker.clients('everything').some((c) => c.name === 'Cursor'),
      'the session to end',
    );
    await client.close();
  });

  it('refuses a missing or wrong token with 401 and WWW-Authenticate: Bearer', async () => {
    const host = `127.0.0.1:${env.port}`;
    const missing = await raw(env.port, {
      path: '/mcp/everything',
      headers: mcpHeaders({ Host: host }),
      body: initialize,
    });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(JSON.parse(missing.body).error.message).toMatch(/access token is required/);
    const wrong = await raw(env.port, {
      path: '/mcp/everything',
      headers: mcpHeaders({ Host: host, Authorization: `Bearer ${'A'.repeat(43)}` }),
      body: initialize,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('error="invalid_token"');
    await expect(httpClient(env, 'everything', 'intruder', 'nope')).rejects.toThrow();
  });

  it('refuses a foreign Origin or Host with 403, even with the right token (DNS rebinding)', async () => {
    const auth = { Authorization: `Bearer ${env.token}` };
    const origin = await raw(env.port, {
      path: '/mcp/everything',
      headers: mcpHeaders({ ...auth, Host: `127.0.0.1:${env.port}`, Origin: 'http://evil.example.com' }),
      body: initialize,
    });
    expect(origin.status).toBe(403);
    expect(JSON.parse(origin.body).error.message).toMatch(/web pages/);
    const host = await raw(env.port, {
      path: '/mcp/everything',
      headers: mcpHeaders({ ...auth, Host: `evil.example.com:${env.port}` }),
      body: initialize,
    });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.body).error.message).toMatch(/DNS rebinding/);
    const otherPort = await raw(env.port, {
      path: '/mcp/everything',
      headers: mcpHeaders({ ...auth, Host: `localhost:${env.port + 1}` }),
      body: initialize,
    });
    expect(otherPort.status).toBe(403);
    // A local page (another localhost port) may talk to it: Origin is loopback.
    const local = await raw(env.port, {
      path: '/mcp/everything',
      headers: mcpHeaders({ ...auth, Host: `localhost:${env.port}`, Origin: 'http://localhost:6274' }),
      body: initialize,
    });
    expect(local.status).toBe(200);
  });

  it('answers an unknown instance with 404 and a turned-off one with 503, in words', async () => {
    const headers = mcpHeaders({ Host: `127.0.0.1:${env.port}`, Authorization: `Bearer ${env.token}` });
    const unknown = await raw(env.port, { path: '/mcp/nope', headers, body: initialize });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.message).toBe(
      'MCP Tray has no service called "nope". Add it in MCP Tray first.',
    );
    const off = await raw(env.port, { path: '/mcp/off', headers, body: initialize });
    expect(off.status).toBe(503);
    expect(JSON.parse(off.body).error.message).toMatch(/"off" is turned off in MCP Tray/);
    const elsewhere = await raw(env.port, { path: '/other', headers, body: initialize });
    expect(elsewhere.status).toBe(404);
    const stale = await raw(env.port, {
      path: '/mcp/everything',
      headers: { ...headers, 'Mcp-Session-Id': 'gone' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(stale.status).toBe(404);
  });

  it('sends list_changed on the GET stream after a restart', async () => {
    const { client } = await httpClient(env, 'everything', 'VS Code');
    let changed = 0;
    const { ToolListChangedNotificationSchema } = await import('@modelcontextprotocol/sdk/types.js');
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void changed++);
    // Give the client's GET stream a moment to open.
    await new Promise((r) => setTimeout(r, 300));
    await env.core.services.instances.restart('everything');
    await until(() => changed > 0, 'tools/list_changed over the GET stream', 30_000);
    await client.close();
  });
});

describe('the HTTP endpoint is off by default', () => {
  it('does not listen until the user turns it on', async () => {
    const env = await startHttpCore([], false);
    try {
      await expect(env.core.services.http.status()).resolves.toMatchObject({
        enabled: false,
        running: false,
      });
      await expect(raw(env.port, { path: '/mcp/x' })).rejects.toThrow(/ECONNREFUSED/);
      expect(await env.secrets.get(HTTP_TOKEN_ACCOUNT)).toBeNull();
    } finally {
      await env.close();
    }
  });
});

describe('a busy port at start-up', () => {
  it('becomes a notice in words; nothing falls back to another port', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    fs.writeFileSync(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ httpBroker: { enabled: true, port } }),
    );
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    const core = createTestCore(dataDir);
    try {
      await core.start();
      const { notices } = await core.services.appInfo.info();
      expect(notices).toContainEqual({
        id: 'http-endpoint',
        level: 'error',
        message: expect.stringContaining(`port ${port} on 127.0.0.1 is already used by another program`),
      });
      expect(await core.services.http.status()).toMatchObject({ enabled: true, running: false, port });
      expect((await core.services.http.status()).error).toMatch(/already used/);
    } finally {
      await core.stop();
      squatter.close();
    }
  });
});
