import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHttpCore } from '../../../test/core/support/http-core';
import { FIXTURES } from '../../../test/core/support/served-core';

const fixture = path.join(FIXTURES, 'fixture-server.mjs');
const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, args: [fixture], enabled: false }));

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

  it('a client set to HTTP still gets connector entries while it is on a profile (the HTTP endpoint knows no profiles)', async () => {
    const env = await startHttpCore(six.slice(0, 2), true);
    try {
      const { clients } = env.core.services;
      await clients.setSelection('claude-code', ['a']);
      await clients.setTransport('claude-code', 'http');
      const dispatch = (name: string, input: unknown) => env.core.dispatcher.dispatch(name, input);
      await dispatch('createProfile', { name: 'Work' });
      await dispatch('editProfile', { name: 'Work', add: [{ instance: 'a', tools: ['echo'] }] });
      await dispatch('setClientProfile', { client: 'claude-code', profile: 'Work' });
      await clients.apply('claude-code');
      const entry = mcpServers(path.join(env.dataDir, '.claude.json')).a as unknown as Record<
        string,
        unknown
      >;
      expect(entry.url).toBeUndefined();
      expect(entry.args).toEqual(expect.arrayContaining(['connect', 'a', '--client', 'claude-code']));
      expect((await clients.list()).find((c) => c.id === 'claude-code')!.effectiveTransport).toBe('stdio');
    } finally {
      await env.close();
    }
  });
});
