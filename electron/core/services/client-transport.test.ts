import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientId } from '../../shared/contract';
import { clientAdapter, entrySyncChanges, ourHttpInstanceId } from '../clients';
import { COMBINED_ENTRY } from '../clients/connector-entry';
import { testRuntime } from '../../../test/core/clients/test-helpers';
import { startHttpCore } from '../../../test/core/support/http-core';
import { FIXTURES } from '../../../test/core/support/served-core';

const fixture = { id: 'notes', args: [path.join(FIXTURES, 'fixture-server.mjs')], enabled: false };

/** The servers object of a client's file, as the client would read it. */
function servers(file: string, key: string): Record<string, Record<string, unknown>> {
  return JSON.parse(fs.readFileSync(file, 'utf8'))[key] as Record<string, Record<string, unknown>>;
}

describe('per-client transport: HTTP entries', () => {
  it('switching Cursor, VS Code and Claude Code to http writes each its own entry shape', async () => {
    const env = await startHttpCore([fixture]);
    try {
      const { clients } = env.core.services;
      const url = `http://127.0.0.1:${env.port}/mcp/notes`;
      const headers = { Authorization: `Bearer ${env.token}` };
      const expected: Partial<Record<ClientId, [string, string, Record<string, unknown>]>> = {
        cursor: ['.cursor/mcp.json', 'mcpServers', { url, headers }],
        vscode: ['.config/Code/User/mcp.json', 'servers', { type: 'http', url, headers }],
        'claude-code': ['.claude.json', 'mcpServers', { type: 'http', url, headers }],
      };
      for (const [client, [file, key, entry]] of Object.entries(expected) as [
        ClientId,
        [string, string, unknown],
      ][]) {
        await clients.setSelection(client, ['notes']);
        const info = await clients.setTransport(client, 'http');
        expect(info).toMatchObject({ supportsHttp: true, transport: 'http', effectiveTransport: 'http' });
        await clients.apply(client);
        expect(servers(path.join(env.dataDir, file), key)).toEqual({ notes: entry });
        // Our HTTP entry is recognised as ours: configured, listed with its URL, never drift.
        const after = (await clients.list()).find((c) => c.id === client)!;
        expect(after.configured).toEqual(['notes']);
        expect(after.drift).toEqual([]);
        expect(after.entries).toEqual([
          { name: 'notes', command: '', args: [], envNames: [], instanceId: 'notes', url },
        ]);
      }
    } finally {
      await env.close();
    }
  });

  it('back to stdio replaces the entry under its name; turning the endpoint off rewrites HTTP clients', async () => {
    const env = await startHttpCore([fixture]);
    try {
      const { clients, http } = env.core.services;
      const file = path.join(env.dataDir, '.cursor/mcp.json');
      // The user's own local server on another port is not ours, whatever its path.
      const theirs = {
        url: `http://localhost:${env.port + 1}/mcp/notes`,
        headers: { Authorization: 'Bearer theirs' },
      };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ mcpServers: { mine: theirs } }, null, 2), { mode: 0o644 });
      fs.chmodSync(file, 0o644);
      await clients.setSelection('cursor', ['notes']);
      await clients.setTransport('cursor', 'http');
      await clients.apply('cursor');
      expect(servers(file, 'mcpServers').notes).toMatchObject({ url: env.url('notes') });
      // The token is in the file now: only its owner may read it.
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);

      await clients.setTransport('cursor', 'stdio');
      await clients.apply('cursor');
      expect(servers(file, 'mcpServers')).toEqual({
        mine: theirs,
        notes: { command: expect.any(String), args: expect.arrayContaining(['connect', 'notes']) },
      });

      await clients.setTransport('cursor', 'http');
      await clients.apply('cursor');
      await http.setEnabled(false);
      expect(servers(file, 'mcpServers').notes).toHaveProperty('command');
      expect((await clients.list()).find((c) => c.id === 'cursor')).toMatchObject({
        transport: 'http',
        effectiveTransport: 'stdio',
      });
      await http.setEnabled(true);
      expect(servers(file, 'mcpServers')).toEqual({
        mine: theirs,
        notes: { url: env.url('notes'), headers: { Authorization: `Bearer ${env.token}` } },
      });
    } finally {
      await env.close();
    }
  });

  it('refuses http for a client that cannot describe an HTTP server with headers', async () => {
    const env = await startHttpCore([fixture], false);
    try {
      await expect(env.core.services.clients.setTransport('claude-desktop', 'http')).rejects.toThrow(
        /Claude Desktop cannot reach MCP Tray over HTTP/,
      );
      // Chosen while the endpoint is off: saved, but entries stay stdio until it is turned on.
      const info = await env.core.services.clients.setTransport('vscode', 'http');
      expect(info).toMatchObject({ transport: 'http', effectiveTransport: 'stdio' });
    } finally {
      await env.close();
    }
  });
});

describe('recognising HTTP entries of ours', () => {
  it('needs a loopback http URL on our port at /mcp/<instance-id>', () => {
    expect(ourHttpInstanceId('http://127.0.0.1:7712/mcp/github-work', 7712)).toBe('github-work');
    expect(ourHttpInstanceId('http://localhost:7712/mcp/notes/', 7712)).toBe('notes');
    for (const url of [
      'http://127.0.0.1:7713/mcp/notes',
      'https://127.0.0.1:7712/mcp/notes',
      'http://example.com:7712/mcp/notes',
      'http://127.0.0.1:7712/mcp/notes?x=1',
      'http://127.0.0.1:7712/mcp/Notes',
      'http://127.0.0.1:7712/other/notes',
      'http://127.0.0.1:7712/mcp/client/cursor/Notes',
      'http://127.0.0.1:7712/mcp/client/cursor/notes/more',
      'http://127.0.0.1:7712/mcp/profile/..%2Fx',
      'http://127.0.0.1:7712/mcp/somewhere/else',
      'not a url',
    ]) {
      expect(ourHttpInstanceId(url, 7712), url).toBeNull();
    }
  });

  it('knows the entries of a client on a profile, and combined ones', () => {
    expect(ourHttpInstanceId('http://127.0.0.1:7712/mcp/client/cursor/notes', 7712)).toBe('notes');
    expect(ourHttpInstanceId('http://127.0.0.1:7712/mcp/profile/Work%20week/notes', 7712)).toBe('notes');
    for (const url of ['http://127.0.0.1:7712/mcp/client/cursor', 'http://127.0.0.1:7712/mcp/profile/Work']) {
      expect(ourHttpInstanceId(url, 7712), url).toBe(COMBINED_ENTRY);
    }
  });

  it('replaces our stdio entry with an HTTP one under the same name, and drops stale HTTP ones', () => {
    const adapter = clientAdapter('vscode');
    const changes = entrySyncChanges({
      adapter,
      entries: {
        'notes-renamed': { type: 'stdio', command: 'mcp-tray', args: ['connect', 'notes'] },
        gone: { type: 'http', url: 'http://127.0.0.1:7712/mcp/gone', headers: {} },
        theirs: { type: 'http', url: 'https://api.example.com/mcp' },
      },
      instanceIds: ['notes'],
      runtime: testRuntime,
      dataDir: null,
      http: { port: 7712, token: 't0k3n' },
    });
    expect(changes).toEqual({
      set: {
        'notes-renamed': {
          type: 'http',
          url: 'http://127.0.0.1:7712/mcp/notes',
          headers: { Authorization: 'Bearer t0k3n' },
        },
      },
      remove: ['gone'],
    });
  });
});
