import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientInfo } from '../shared/contract';
import { tempDir } from '../../test/core/support/temp-dirs';
import { CLI, FIXTURES, ROOT, seedSettings, serveCore, until } from '../../test/core/support/served-core';
import { installClaudeDesktop } from '../../test/core/clients/installed-client';
import { BACKUP_MARK, MOVED_SECRET_MARKER } from '../core/clients/backup-store';
import { connectControl } from './control-client';

const FIXTURE = path.join(FIXTURES, 'fixture-server.mjs');
const INSPECTOR = path.join(ROOT, 'scripts/peers/node_modules/.bin/mcp-inspector');
// The Node running the tests (>= 22.12, see scripts/node22.sh) is the one Inspector needs.
const NODE22 = path.dirname(process.execPath);

const USER_CONFIG = `{
  "globalShortcut": "Ctrl+Space",
  "mcpServers": {
    "weather": {
      "command": "npx",
      "args": ["-y", "weather-mcp"],
      "env": { "UNITS": "metric" }
    }
  },
  "preferences": { "menuBarEnabled": true }
}
`;

/** Every regular file under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && fs.readFileSync(file).includes(needle)) found.push(file);
  }
  return found;
}

async function setup() {
  const home = tempDir();
  const dataDir = path.join(home, 'data');
  seedSettings(dataDir, [{ id: 'notes', args: [FIXTURE] }]);
  const configFile = path.join(home, '.config', 'Claude', 'claude_desktop_config.json');
  fs.mkdirSync(path.dirname(configFile), { recursive: true });
  fs.writeFileSync(configFile, USER_CONFIG);
  await serveCore(dataDir, { ...installClaudeDesktop(home), XDG_CONFIG_HOME: path.join(home, '.config') });
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home },
    });
  return { home, dataDir, configFile, cli };
}

describe('writing AI clients’ configs (Claude Desktop), end to end', () => {
  it('lists clients, shows a dry-run diff, writes only our entry with a backup, and keeps the rest', async () => {
    const { configFile, cli, dataDir, home } = await setup();
    const vscodeFile = path.join(home, '.config', 'Code', 'User', 'mcp.json');
    fs.mkdirSync(path.dirname(vscodeFile), { recursive: true });
    fs.writeFileSync(vscodeFile, '{ "servers": {} }\n');
    const clients = JSON.parse(cli('clients', '--json').stdout) as ClientInfo[];
    const claude = clients.find((c) => c.id === 'claude-desktop')!;
    expect(claude).toMatchObject({ installed: true, configPath: configFile, configured: [] });
    expect(claude.evidence).toEqual([
      {
        kind: 'desktop-file',
        path: path.join(home, '.local', 'share', 'applications', 'claude-desktop.desktop'),
      },
    ]);
    // A config file alone (here: VS Code's, and Gemini's folder) is not an install.
    expect(clients.find((c) => c.id === 'vscode')).toMatchObject({ installed: false, evidence: [] });
    expect(claude.entries).toEqual([
      { name: 'weather', command: 'npx', args: ['-y', 'weather-mcp'], envNames: ['UNITS'], instanceId: null },
    ]);

    // Nothing chosen yet: it says so and how to choose, never "already up to date".
    for (const flags of [[], ['--dry-run']]) {
      const none = cli('clients', 'write', 'claude-desktop', ...flags);
      expect(none.status).toBe(0);
      expect(none.stdout).toContain('claude-desktop: no services chosen for it yet, so nothing was written');
      expect(none.stdout).toContain('mcp-tray clients write claude-desktop --instance <id>');
      expect(none.stdout).not.toContain('up to date');
    }
    expect(fs.readFileSync(configFile, 'utf8')).toBe(USER_CONFIG);

    const dry = cli('clients', 'write', 'claude-desktop', '--instance', 'notes', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('+');
    expect(dry.stdout).toContain('"notes"');
    expect(fs.readFileSync(configFile, 'utf8')).toBe(USER_CONFIG);
    // A preview saves nothing, not even the choice.
    const afterDry = (JSON.parse(cli('clients', '--json').stdout) as ClientInfo[]).find(
      (c) => c.id === 'claude-desktop',
    )!;
    expect(afterDry.selected).toEqual([]);

    const write = cli('clients', 'write', 'claude-desktop', '--instance', 'notes');
    expect(write.stderr).toBe('');
    expect(write.stdout).toMatch(
      /claude-desktop: wrote .*claude_desktop_config\.json \(backup: .*mcp-tray-backup/,
    );
    const written = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    expect(written.globalShortcut).toBe('Ctrl+Space');
    expect(written.preferences).toEqual({ menuBarEnabled: true });
    expect(written.mcpServers.weather).toEqual({
      command: 'npx',
      args: ['-y', 'weather-mcp'],
      env: { UNITS: 'metric' },
    });
    // The stable launcher in the data folder, which runs this Node and CLI.
    expect(written.mcpServers.notes).toEqual({
      command: path.join(dataDir, 'runtime', 'mcp-tray'),
      args: ['connect', 'notes', '--data-dir', dataDir],
    });
    expect(fs.readFileSync(configFile, 'utf8').startsWith(USER_CONFIG.slice(0, 40))).toBe(true);
    const again = cli('clients', 'write', 'claude-desktop');
    expect(again.stdout).toContain('already up to date');
    // Removing the service takes its entry out of the client, and only that entry.
    expect(cli('remove', 'notes').status).toBe(0);
    const after = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    expect(Object.keys(after.mcpServers)).toEqual(['weather']);
    expect(after.globalShortcut).toBe('Ctrl+Space');
  });

  it('refuses to touch a file it cannot parse, and says where', async () => {
    const { configFile, cli } = await setup();
    const broken = '{ "mcpServers": { "a": { "command": "x" }, }\n';
    fs.writeFileSync(configFile, broken);
    const write = cli('clients', 'write', 'claude-desktop', '--instance', 'notes');
    expect(write.status).toBe(1);
    expect(write.stderr).toMatch(
      /will not change a file it cannot read: .*claude_desktop_config\.json:\d+:\d+: this is not valid JSON/,
    );
    expect(fs.readFileSync(configFile, 'utf8')).toBe(broken);
  });

  it('notices when the client strips our entry, and restores it when told to', async () => {
    const { configFile, cli, dataDir } = await setup();
    expect(cli('clients', 'write', 'claude-desktop', '--instance', 'notes').status).toBe(0);
    // Claude Desktop rewrites its file without our entry.
    fs.writeFileSync(configFile, USER_CONFIG);
    const drifted = await until(
      () => {
        const claude = (JSON.parse(cli('clients', '--json').stdout) as ClientInfo[]).find(
          (c) => c.id === 'claude-desktop',
        )!;
        return claude.drift.length > 0 && claude;
      },
      'drift to be noticed',
      10_000,
    );
    expect(drifted.drift).toEqual(['notes']);
    const control = await connectControl(dataDir);
    const notice = await until(
      async () => {
        const info = await control.api.getAppInfo();
        return info.notices.find((n) => n.id === 'drift-claude-desktop');
      },
      'the drift notice',
      10_000,
    );
    control.close();
    expect(notice.message).toMatch(/Claude Desktop removed the entry for notes/);
    expect(cli('clients', 'write', 'claude-desktop').status).toBe(0);
    expect(JSON.parse(fs.readFileSync(configFile, 'utf8')).mcpServers.notes).toBeDefined();
  });

  it('imports a client’s own server as an instance and points its entry at MCP Tray', async () => {
    const { configFile, dataDir, home } = await setup();
    const secret = `sk-live-${randomBytes(12).toString('hex')}`;
    const userFile = JSON.stringify(
      {
        mcpServers: {
          'My Tools': { command: process.execPath, args: [FIXTURE], env: { MODE: 'x', API_KEY: secret } },
        },
      },
      null,
      2,
    );
    fs.writeFileSync(configFile, userFile, { mode: 0o644 });
    fs.chmodSync(configFile, 0o644);
    // A backup an earlier version left, readable by everyone and holding the secret.
    const oldBackup = `${configFile}${BACKUP_MARK}20260101T000000000Z`;
    fs.writeFileSync(oldBackup, userFile, { mode: 0o644 });
    fs.chmodSync(oldBackup, 0o644);
    const control = await connectControl(dataDir);
    const { imported, applied } = await control.api.importClientServers({
      client: 'claude-desktop',
      names: ['My Tools'],
    });
    control.close();
    expect(imported.map((i) => i.id)).toEqual(['my-tools']);
    expect(applied.backup).not.toBeNull();
    const servers = JSON.parse(fs.readFileSync(configFile, 'utf8')).mcpServers;
    expect(Object.keys(servers)).toEqual(['my-tools']);
    const entry = servers['my-tools'];
    expect(entry.command).toBe(path.join(dataDir, 'runtime', 'mcp-tray'));
    expect(entry.args).toEqual(['connect', 'my-tools', '--data-dir', dataDir]);
    expect(entry.env).toBeUndefined();
    // The secret went to the keychain: nothing under HOME (client file, backups, data folder,
    // logs) holds it any more, and every backup is owner-only.
    expect(filesContaining(home, secret)).toEqual([]);
    const backups = fs.readdirSync(path.dirname(configFile)).filter((n) => n.includes(BACKUP_MARK));
    expect(backups).toHaveLength(2);
    for (const name of backups) {
      const backup = path.join(path.dirname(configFile), name);
      expect(fs.statSync(backup).mode & 0o777, name).toBe(0o600);
      expect(JSON.parse(fs.readFileSync(backup, 'utf8')).mcpServers['My Tools'].env).toEqual({
        MODE: 'x',
        API_KEY: MOVED_SECRET_MARKER,
      });
    }
  });

  it.skipIf(!fs.existsSync(INSPECTOR))(
    'MCP Inspector reads the file we wrote and reaches the server through the connector',
    async () => {
      const { configFile, cli } = await setup();
      expect(cli('clients', 'write', 'claude-desktop', '--instance', 'notes').status).toBe(0);
      const run = spawnSync(
        INSPECTOR,
        ['--cli', '--config', configFile, '--server', 'notes', '--method', 'tools/list'],
        {
          encoding: 'utf8',
          env: { ...process.env, PATH: `${NODE22}:${process.env.PATH}` },
          timeout: 60_000,
        },
      );
      expect(run.stderr).not.toMatch(/Error/);
      expect(JSON.parse(run.stdout).tools.map((t: { name: string }) => t.name)).toEqual(['echo', 'read_env']);
    },
  );
});
