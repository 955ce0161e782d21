import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { claudeDesktopAdapter } from './adapters/index';
import { BACKUP_MARK } from './backup-store';
import { ConfigConflictError } from './config-errors';
import type { ConfigWriterFs } from './config-writer';
import {
  claudeUserConfig,
  fixtureFile,
  ourEntry,
  siblings,
  testWriter,
} from '../../../test/core/clients/test-helpers';

const claude = claudeDesktopAdapter;
const files = ourEntry(claude, 'files');
const add = { set: { files }, remove: [] };

/** What Claude Desktop might do to its own file: change a preference, keep our entry if present. */
function clientRewrite(file: string, sidebarMode: string): void {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { preferences: Record<string, string> };
  doc.preferences.sidebarMode = sidebarMode;
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
}

describe('ConfigWriter: concurrent changes', () => {
  it("re-plans when the file changed between plan and apply, keeping the user's change", async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const writer = testWriter();
    const plan = await writer.plan(claude, file, add);
    clientRewrite(file, 'projects');
    const changedByClient = fs.readFileSync(file, 'utf8');
    const result = await writer.apply(plan);
    expect(result.changed).toBe(true);
    expect(result.plan.before).toBe(changedByClient);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(doc.preferences!.sidebarMode).toBe('projects');
    expect(doc.mcpServers!.files).toEqual(files);
    expect(Object.keys(doc.mcpServers!)).toEqual(['filesystem', 'files']);
    expect(fs.readFileSync(result.backup!, 'utf8')).toBe(changedByClient);
  });

  it('notices a change made while it was writing and does not overwrite it', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    let interfered = false;
    const racingFs: ConfigWriterFs = {
      ...fsPromises,
      open: (async (target: string, flags: string, mode?: number) => {
        // The client saves its file just as our temp file is created.
        if (
          flags === 'wx' &&
          target.includes('.mcp-tray-tmp-') &&
          !target.includes(BACKUP_MARK) &&
          !interfered
        ) {
          interfered = true;
          clientRewrite(file, 'projects');
        }
        return fsPromises.open(target, flags, mode);
      }) as typeof fsPromises.open,
    };
    const result = await testWriter({ fs: racingFs }).apply(claude, file, add);
    expect(interfered).toBe(true);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(doc.preferences!.sidebarMode).toBe('projects');
    expect(doc.mcpServers!.files).toEqual(files);
    expect(result.plan.before).toContain('"projects"');
    expect(siblings(file).filter((name) => name.includes('.mcp-tray-tmp-'))).toEqual([]);
  });

  it('gives up, writing nothing, when the file changes on every attempt', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    let n = 0;
    const restlessFs: ConfigWriterFs = {
      ...fsPromises,
      open: (async (target: string, flags: string, mode?: number) => {
        if (flags === 'wx' && target.includes('.mcp-tray-tmp-') && !target.includes(BACKUP_MARK)) {
          clientRewrite(file, `mode-${++n}`);
        }
        return fsPromises.open(target, flags, mode);
      }) as typeof fsPromises.open,
    };
    await expect(testWriter({ fs: restlessFs }).apply(claude, file, add)).rejects.toThrow(
      ConfigConflictError,
    );
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(doc.preferences!.sidebarMode).toBe(`mode-${n}`);
    expect(doc.mcpServers!.files).toBeUndefined();
    expect(siblings(file).filter((name) => name.includes('.mcp-tray-tmp-'))).toEqual([]);
  });
});

describe('ConfigWriter: backups, modes, no-ops', () => {
  it('applying the same plan twice changes nothing the second time: no write, no backup', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const writer = testWriter();
    const plan = await writer.plan(claude, file, add);
    const first = await writer.apply(plan);
    const stat = fs.statSync(file);
    const second = await writer.apply(plan);
    expect(first).toMatchObject({ changed: true });
    expect(second).toMatchObject({ changed: false, backup: null });
    expect(fs.statSync(file).mtimeMs).toBe(stat.mtimeMs);
    expect(fs.statSync(file).ino).toBe(stat.ino);
    expect(siblings(file)).toHaveLength(1);
    const again = await writer.plan(claude, file, add);
    expect(again).toMatchObject({ changed: false, diff: '' });
    expect(again.after).toBe(again.before);
  });

  it('keeps a timestamped backup of each previous version, at most 5 per file', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const writer = testWriter();
    const versions: string[] = [];
    for (let i = 0; i < 8; i++) {
      versions.push(fs.readFileSync(file, 'utf8'));
      const entry = { ...files, args: [...(files.args as string[]), `--run=${i}`] };
      const result = await writer.apply(claude, file, { set: { files: entry }, remove: [] });
      expect(path.basename(result.backup!)).toMatch(
        /^claude_desktop_config\.json\.mcp-tray-backup-\d{8}T\d{9}Z$/,
      );
    }
    const backups = siblings(file);
    expect(backups).toHaveLength(5);
    const kept = backups.map((name) => fs.readFileSync(path.join(path.dirname(file), name), 'utf8'));
    expect(kept).toEqual(versions.slice(3));
  });

  it('only prunes its own backups', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    fs.writeFileSync(`${file}.bak`, 'mine');
    fs.writeFileSync(path.join(path.dirname(file), 'other.json.mcp-tray-backup-20200101T000000000Z'), '{}');
    const writer = testWriter();
    for (let i = 0; i < 7; i++) {
      await writer.apply(claude, file, { set: { [`s${i}`]: files }, remove: [] });
    }
    const names = siblings(file);
    expect(names).toContain('claude_desktop_config.json.bak');
    expect(names).toContain('other.json.mcp-tray-backup-20200101T000000000Z');
    expect(
      names.filter((name) => name.startsWith('claude_desktop_config.json.mcp-tray-backup-')),
    ).toHaveLength(5);
  });

  it.skipIf(process.platform === 'win32')(
    "keeps the file's permission bits; backups are owner-only",
    async () => {
      const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
      fs.chmodSync(file, 0o640);
      const result = await testWriter().apply(claude, file, add);
      expect(fs.statSync(file).mode & 0o777).toBe(0o640);
      // A backup may hold secrets the user's file had: only the user reads it.
      expect(fs.statSync(result.backup!).mode & 0o777).toBe(0o600);
      fs.chmodSync(file, 0o604);
      await testWriter().apply(claude, file, { set: {}, remove: ['files'] });
      expect(fs.statSync(file).mode & 0o777).toBe(0o604);
    },
  );

  it.skipIf(process.platform === 'win32')('writes through a symlinked config, keeping the link', async () => {
    const dotfiles = tempDir();
    const real = path.join(dotfiles, 'claude.json');
    fs.writeFileSync(real, claudeUserConfig);
    const configDir = tempDir();
    const link = path.join(configDir, 'claude_desktop_config.json');
    fs.symlinkSync(real, link);
    await testWriter().apply(claude, link, add);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, 'utf8'))).toMatchObject({ mcpServers: { files } });
    expect(fs.readdirSync(configDir)).toEqual(['claude_desktop_config.json']);
  });

  it('removes temp files left by a crash, once they are old', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const dir = path.dirname(file);
    const stale = path.join(dir, '.claude_desktop_config.json.mcp-tray-tmp-99999-deadbeef');
    const fresh = path.join(dir, '.claude_desktop_config.json.mcp-tray-tmp-99999-cafef00d');
    fs.writeFileSync(stale, 'half');
    fs.writeFileSync(fresh, 'in use');
    const now = Date.now();
    fs.utimesSync(stale, new Date(now - 3_600_000), new Date(now - 3_600_000));
    await testWriter({ clock: { now: () => now } }).apply(claude, file, add);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

describe('ConfigWriter.read', () => {
  it("reads the user's entries for import, env included, without changing anything", async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const writer = testWriter();
    await writer.apply(claude, file, add);
    const before = fs.readFileSync(file, 'utf8');
    const entries = await writer.read(claude, file);
    expect(entries.exists).toBe(true);
    expect(Object.keys(entries.raw)).toEqual(['filesystem', 'files']);
    expect(entries.servers.filesystem).toEqual({
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/ada/Desktop'],
      env: { DEBUG: '1', API_KEY: 'sk-user-secret' },
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const missing = await writer.read(claude, path.join(tempDir(), 'none.json'));
    expect(missing).toEqual({ exists: false, raw: {}, servers: {} });
  });
});
