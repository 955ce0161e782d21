import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { BACKUP_MARK } from '../core/clients/backup-store';
import { tempDir } from '../../test/core/support/temp-dirs';
import { CLI, FIXTURES, seedSettings, serveCore, until } from '../../test/core/support/served-core';

const FIXTURE = path.join(FIXTURES, 'fixture-server.mjs');

interface Entry {
  command: string;
  args: string[];
}

/** Entries an MCP Tray wrote from a folder that has since moved (or been deleted). */
function movedEntry(home: string, dataDir: string, id: string): Entry {
  const old = path.join(home, 'old-checkout', 'dist', 'cli', 'mcp-tray.mjs');
  return { command: process.execPath, args: [old, 'connect', id, '--data-dir', dataDir] };
}

const readServers = (file: string): Record<string, Entry> =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { mcpServers: Record<string, Entry> }).mcpServers;

async function toolsThrough(entry: Entry): Promise<string[]> {
  const client = new Client({ name: 'Claude Desktop', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({ command: entry.command, args: entry.args, stderr: 'ignore' }),
  );
  try {
    return (await client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await client.close();
  }
}

describe.skipIf(process.platform === 'win32')(
  'client entries survive MCP Tray moving (real files and processes)',
  () => {
    it('repairs entries pointing at a folder that is gone, at start and while running, via the stable launcher', async () => {
      const home = tempDir();
      const dataDir = path.join(home, 'data');
      seedSettings(dataDir, [{ id: 'notes', args: [FIXTURE] }]);
      // Written to Claude Desktop by that earlier MCP Tray.
      const settingsFile = path.join(dataDir, 'settings.json');
      const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
      const chosen = { selected: ['notes'], applied: ['notes'], transport: 'stdio' };
      fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, clients: { 'claude-desktop': chosen } }));
      const launcher = path.join(dataDir, 'runtime', 'mcp-tray');
      // A launcher left by an older location: refreshed at start.
      fs.mkdirSync(path.dirname(launcher), { recursive: true });
      fs.writeFileSync(launcher, '#!/bin/sh\nexec /gone/node /gone/mcp-tray.mjs "$@"\n', { mode: 0o700 });
      const configFile = path.join(home, '.config', 'Claude', 'claude_desktop_config.json');
      fs.mkdirSync(path.dirname(configFile), { recursive: true });
      const weather = { command: 'npx', args: ['-y', 'weather-mcp'] };
      fs.writeFileSync(
        configFile,
        JSON.stringify({ mcpServers: { weather, notes: movedEntry(home, dataDir, 'notes') } }, null, 2),
      );

      await serveCore(dataDir, { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') });
      const repaired = { command: launcher, args: ['connect', 'notes', '--data-dir', dataDir] };
      await until(() => readServers(configFile).notes?.command === launcher, 'the entry to be repaired');
      expect(readServers(configFile)).toEqual({ weather, notes: repaired });
      expect(fs.readdirSync(path.dirname(configFile)).some((name) => name.includes(BACKUP_MARK))).toBe(true);
      const script = fs.readFileSync(launcher, 'utf8');
      expect(script).toContain(CLI);
      expect(script).toContain(process.execPath);
      expect(script).not.toContain('/gone/');
      // The repaired entry works: a real MCP client reaches the server through the launcher.
      expect(await toolsThrough(repaired)).toEqual(['echo', 'read_env']);

      // While running: an entry pointing at a deleted folder is drift, repaired without asking.
      fs.writeFileSync(
        configFile,
        JSON.stringify({ mcpServers: { weather, notes: movedEntry(home, dataDir, 'notes') } }, null, 2),
      );
      await until(
        () => readServers(configFile).notes?.command === launcher,
        'the broken entry to be repaired',
      );
      expect(readServers(configFile)).toEqual({ weather, notes: repaired });
    });
  },
);
