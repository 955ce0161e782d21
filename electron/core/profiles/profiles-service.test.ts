import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { startHttpCore } from '../../../test/core/support/http-core';
import { FIXTURES } from '../../../test/core/support/served-core';

const fixture = path.join(FIXTURES, 'fixture-server.mjs');
const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, args: [fixture], enabled: false }));

/** An SDK client connected the way a client reads an HTTP entry of ours: its URL and headers. */
async function connectEntry(entry: { url: string; headers: Record<string, string> }): Promise<Client> {
  const client = new Client({ name: 'http-client', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(entry.url), { requestInit: { headers: entry.headers } }),
  );
  return client;
}

const mcpServers = (file: string) =>
  JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers as Record<string, { args: string[] }>;

describe('profiles and entry modes (core services, real files)', () => {
  it('Cursor and Claude Desktop get one combined entry once their profile has more than five services; others one per service', async () => {
    const env = await startHttpCore(six, false);
    try {
      const { clients } = env.core.services;
      const list = await clients.list();
      expect(list.find((c) => c.id === 'cursor')).toMatchObject({
        entryMode: 'combined',
        entryModeChosen: false,
      });
      expect(list.find((c) => c.id === 'claude-desktop')).toMatchObject({ entryMode: 'combined' });
      expect(list.find((c) => c.id === 'claude-code')).toMatchObject({ entryMode: 'per-service' });

      await clients.apply('cursor');
      const cursorFile = path.join(env.dataDir, '.cursor/mcp.json');
      expect(Object.keys(mcpServers(cursorFile))).toEqual(['mcp-tray']);
      expect(mcpServers(cursorFile)['mcp-tray']!.args).toEqual(
        expect.arrayContaining(['connect', '--client', 'cursor']),
      );
      const after = (await clients.list()).find((c) => c.id === 'cursor')!;
      expect(after.configured).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      expect(after.drift).toEqual([]);

      // Back to one entry per service: the combined entry goes, an entry per selected service comes.
      await clients.setSelection('cursor', ['a', 'b']);
      await clients.setEntryMode('cursor', 'per-service');
      await clients.apply('cursor');
      expect(Object.keys(mcpServers(cursorFile)).sort()).toEqual(['a', 'b']);
    } finally {
      await env.close();
    }
  });

  it('a client on a profile gets its services with its id in each entry; a profile keeps working without a removed service and says so; rename and delete carry the clients along', async () => {
    const env = await startHttpCore(six, false);
    try {
      const { clients, instances } = env.core.services;
      const dispatch = <T>(name: string, input: unknown) =>
        env.core.dispatcher.dispatch(name, input) as Promise<{
          ok: boolean;
          value: T;
          error?: { message: string };
        }>;
      expect((await dispatch('createProfile', { name: 'Work' })).ok).toBe(true);
      const edited = await dispatch('editProfile', {
        name: 'Work',
        add: [{ instance: 'a', tools: ['echo'] }, { instance: 'b' }],
      });
      expect(edited.value).toMatchObject({
        services: [
          { instance: 'a', tools: ['echo'] },
          { instance: 'b', tools: null },
        ],
      });
      await dispatch('setClientProfile', { client: 'claude-code', profile: 'Work' });
      await clients.apply('claude-code');
      const file = path.join(env.dataDir, '.claude.json');
      expect(Object.keys(mcpServers(file)).sort()).toEqual(['a', 'b']);
      expect(mcpServers(file).a!.args).toEqual(
        expect.arrayContaining(['connect', 'a', '--client', 'claude-code']),
      );

      await instances.remove('b');
      const listed = (await dispatch<{ name: string; missing: string[] }[]>('listProfiles', {})).value;
      expect(listed.find((p) => p.name === 'Work')!.missing).toEqual(['b']);

      expect((await dispatch('renameProfile', { name: 'Work', to: 'Job' })).ok).toBe(true);
      expect((await clients.list()).find((c) => c.id === 'claude-code')!.profile).toBe('Job');
      const refused = await dispatch('editProfile', { name: 'Everything', add: [{ instance: 'a' }] });
      expect(refused.ok).toBe(false);
      expect(refused.error!.message).toMatch(/always has every service/);
      await dispatch('deleteProfile', { name: 'Job' });
      expect((await clients.list()).find((c) => c.id === 'claude-code')!.profile).toBe('Everything');
    } finally {
      await env.close();
    }
  });

  it('a client set to HTTP on a profile gets HTTP entries that serve only its profile, per service or combined', async () => {
    const env = await startHttpCore([
      { id: 'a', args: [fixture] },
      { id: 'b', args: [fixture] },
    ]);
    try {
      const { clients } = env.core.services;
      await clients.setSelection('claude-code', ['a', 'b']);
      await clients.setTransport('claude-code', 'http');
      const dispatch = (name: string, input: unknown) => env.core.dispatcher.dispatch(name, input);
      await dispatch('createProfile', { name: 'Work' });
      await dispatch('editProfile', { name: 'Work', add: [{ instance: 'a', tools: ['echo'] }] });
      await dispatch('setClientProfile', { client: 'claude-code', profile: 'Work' });
      await clients.apply('claude-code');
      const file = path.join(env.dataDir, '.claude.json');
      type HttpEntry = { url: string; headers: Record<string, string> };
      const entries = () => mcpServers(file) as unknown as Record<string, HttpEntry>;
      expect(Object.keys(entries())).toEqual(['a']);
      expect(entries().a!.url).toBe(`http://127.0.0.1:${env.port}/mcp/client/claude-code/a`);
      expect((await clients.list()).find((c) => c.id === 'claude-code')!.effectiveTransport).toBe('http');

      // What a client reading that entry gets: the profile's one tool, nothing else of the server.
      const perService = await connectEntry(entries().a!);
      expect((await perService.listTools()).tools.map((t) => t.name)).toEqual(['echo']);
      expect(await perService.callTool({ name: 'echo', arguments: { message: 'hi' } })).toMatchObject({
        content: [{ type: 'text', text: 'hi' }],
      });
      await expect(perService.callTool({ name: 'read_env', arguments: { name: 'HOME' } })).rejects.toThrow(
        'The tool "read_env" of "a" is not available here: the tool "read_env" is not in the profile "Work"',
      );
      await perService.close();

      await clients.setEntryMode('claude-code', 'combined');
      await clients.apply('claude-code');
      expect(Object.keys(entries())).toEqual(['mcp-tray']);
      expect(entries()['mcp-tray']!.url).toBe(`http://127.0.0.1:${env.port}/mcp/client/claude-code`);
      const combined = await connectEntry(entries()['mcp-tray']!);
      const tools = (await combined.listTools()).tools.map((t) => t.name);
      expect(tools).toHaveLength(1);
      const [echo] = tools;
      expect(echo).toMatch(/echo$/);
      expect(await combined.callTool({ name: echo!, arguments: { message: 'both' } })).toMatchObject({
        content: [{ type: 'text', text: 'both' }],
      });
      await combined.close();

      const unknown = await fetch(`http://127.0.0.1:${env.port}/mcp/profile/Nope`, {
        method: 'POST',
        headers: {
          ...entries()['mcp-tray']!.headers,
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }),
      });
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('MCP Tray has no profile called \\"Nope\\"');
    } finally {
      await env.close();
    }
  });
});
