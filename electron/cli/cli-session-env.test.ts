import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../../test/core/support/temp-dirs';
import { CLI, FIXTURES, serveCore, until } from '../../test/core/support/served-core';

const FIXTURE = path.join(FIXTURES, 'fixture-server.mjs');
const SECRET = 'tok-session-7f3a9c1e2b';

function cli(dataDir: string, args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { encoding: 'utf8', input });
}

/** The pid of the core that owns `dataDir`, or null. */
function corePid(dataDir: string): number | null {
  try {
    const pid = Number(
      fs
        .readFileSync(path.join(dataDir, 'run', 'core.lock'), 'utf8')
        .trim()
        .split(/\s/)[0],
    );
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * What an AI client started from a launcher passes to the connector: the SDK's default variables
 * (HOME, PATH, USER…) and nothing of the desktop session, so no D-Bus address.
 */
async function readSecretThroughClient(dataDir: string): Promise<string> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'connect', 'notes', '--data-dir', dataDir],
    stderr: 'ignore',
  });
  const client = new Client({ name: 'Claude Code', version: '2.0.0' });
  await client.connect(transport);
  try {
    const result = await client.callTool({ name: 'read_env', arguments: { name: 'NOTES_TOKEN' } });
    return (result.content as { text: string }[])[0]!.text;
  } finally {
    await client.close();
  }
}

describe.skipIf(process.platform !== 'linux' || !process.env.DBUS_SESSION_BUS_ADDRESS)(
  'a core started by an AI client (real processes, real keychain)',
  () => {
    it('uses the session the user started MCP Tray in; without one, says exactly what to do; quit stops it', async () => {
      const dataDir = path.join(tempDir(), 'data');
      onTestFinished(() => {
        const pid = corePid(dataDir);
        if (pid) process.kill(pid, 'SIGKILL');
      });
      // The user starts MCP Tray in their desktop session and adds a service with a secret.
      const served = await serveCore(dataDir);
      const added = cli(
        dataDir,
        ['add', 'notes', '--secret-env', 'NOTES_TOKEN', '--', process.execPath, FIXTURE],
        `${SECRET}\n`,
      );
      expect(added.status, added.stderr).toBe(0);
      const record = path.join(dataDir, 'session-env.json');
      expect(fs.statSync(record).mode & 0o777).toBe(0o600);
      expect(JSON.parse(fs.readFileSync(record, 'utf8'))).toMatchObject({
        DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
      });

      // `mcp-tray quit` stops it cleanly: the process exits on its own, the folder is free.
      const quit = cli(dataDir, ['quit']);
      expect(quit.stdout.trim()).toBe('MCP Tray stopped.');
      expect(quit.status).toBe(0);
      await until(() => served.exitCode !== null, 'serve to exit');
      expect(served.exitCode).toBe(0);
      expect(cli(dataDir, ['status']).status).toBe(3);

      // An AI client without the session bus starts it: the core still reaches the keychain.
      expect(await readSecretThroughClient(dataDir)).toBe(SECRET);
      const auto = corePid(dataDir);
      expect(auto).not.toBeNull();
      const autoEnv = fs.readFileSync(`/proc/${auto}/environ`, 'utf8').split('\0');
      expect(autoEnv).toContain('MCP_TRAY_AUTOSTARTED=1');
      expect(autoEnv).toContain(`DBUS_SESSION_BUS_ADDRESS=${process.env.DBUS_SESSION_BUS_ADDRESS}`);
      expect(cli(dataDir, ['quit']).status).toBe(0);
      expect(corePid(dataDir)).toBeNull();

      // Never started by the user (nothing recorded): the reason says exactly what to do.
      fs.rmSync(record);
      await readSecretThroughClient(dataDir).catch(() => undefined);
      const reason = await until(() => {
        const status = cli(dataDir, ['status', '--json']);
        const text = status.status === 0 ? status.stdout : '';
        return /mcp-tray quit/.test(text) && text;
      }, 'the keychain reason in status');
      expect(reason).toMatch(
        /started by an AI client outside your desktop session.*Run \\"mcp-tray quit\\", then open MCP Tray yourself/,
      );
      expect(cli(dataDir, ['quit']).status).toBe(0);
    });
  },
);
