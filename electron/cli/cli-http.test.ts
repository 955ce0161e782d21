import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../test/core/support/http-core';
import { CLI, FIXTURES, seedSettings, serveCore } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';

// The headless host keeps the token in the real keychain: run with scripts/with-keyring.sh.
const keyring = process.env.MCP_TRAY_TEST_KEYRING === '1';

async function setup() {
  const home = tempDir();
  const dataDir = path.join(home, 'data');
  seedSettings(dataDir, [{ id: 'notes', args: [path.join(FIXTURES, 'fixture-server.mjs')] }]);
  const port = await freePort();
  const file = path.join(dataDir, 'settings.json');
  const seeded = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...seeded, httpBroker: { enabled: false, port } }));
  await serveCore(dataDir, { HOME: home });
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home },
    });
  return { home, port, cli };
}

describe('mcp-tray http and clients transport, end to end', () => {
  it.skipIf(!keyring)(
    'turns the endpoint on and off, prints the token only when asked, switches Cursor',
    async () => {
      const { home, port, cli } = await setup();
      const off = cli('http', 'status');
      expect(off.status).toBe(0);
      expect(off.stdout).toContain('HTTP endpoint: off');

      const on = cli('http', 'on');
      expect(on.status).toBe(0);
      expect(on.stdout).toContain(`listening at http://127.0.0.1:${port}/mcp/<service-id>`);
      expect(on.stdout).not.toMatch(/Token/);
      const status = JSON.parse(cli('http', 'status', '--json').stdout) as { token?: string };
      expect(status.token).toBeUndefined();
      const shown = cli('http', 'status', '--show-token');
      const token = /Token .*: (\S+)/.exec(shown.stdout)?.[1];
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

      expect(cli('clients', 'write', 'cursor', '--instance', 'notes').status).toBe(0);
      const switched = cli('clients', 'transport', 'cursor', 'http');
      expect(switched.status).toBe(0);
      expect(switched.stdout).toContain('Cursor now uses HTTP.');
      const cursorFile = path.join(home, '.cursor', 'mcp.json');
      expect(JSON.parse(fs.readFileSync(cursorFile, 'utf8')).mcpServers).toEqual({
        notes: { url: `http://127.0.0.1:${port}/mcp/notes`, headers: { Authorization: `Bearer ${token}` } },
      });

      expect(cli('clients', 'transport', 'claude-desktop', 'http').stderr).toMatch(
        /cannot reach MCP Tray over HTTP/,
      );
      expect(cli('clients', 'transport', 'cursor', 'carrier-pigeon').status).toBe(2);

      expect(cli('http', 'off').stdout).toContain('HTTP endpoint: off');
      expect(JSON.parse(fs.readFileSync(cursorFile, 'utf8')).mcpServers.notes).toHaveProperty('command');
    },
  );

  it.skipIf(!keyring)('a busy port is an error in words, and the endpoint stays off', async () => {
    const { port, cli } = await setup();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const on = cli('http', 'on');
      expect(on.status).toBe(1);
      expect(on.stderr).toContain(`port ${port} on 127.0.0.1 is already used by another program`);
      expect(cli('http', 'status').stdout).toContain('HTTP endpoint: off');
    } finally {
      squatter.close();
    }
  });
});
