import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { systemClock } from '../platform/clock';
import { silentLogger } from '../platform/logger';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';
import { LEGACY_PROFILE } from '../sandbox/profile-defaults';
import { settingsMigrations } from './settings-migrations';
import { SettingsStore } from './settings-store';

const open = (dir: string) => new SettingsStore(path.join(dir, 'settings.json'), silentLogger, systemClock);
const instance = {
  id: 'memory',
  name: 'Memory',
  integrationId: 'memory',
  enabled: true,
  createdAt: 'x',
  userConfig: {},
  secretFields: [],
  disabledTools: [],
};

describe('SettingsStore', () => {
  it('starts with defaults and persists changes in a 0600 file', () => {
    const dir = tempDir();
    const store = open(dir);
    expect(store.read().instances).toEqual([]);
    store.update((s) => ({ ...s, instances: [instance] }));
    const file = path.join(dir, 'settings.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(open(dir).read().instances).toEqual([instance]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).__internal__.migrations.version).toBe('9.0.0');
  });

  it('writes a new file once, at the current version, without running migrations', () => {
    const spies = Object.keys(settingsMigrations).map((version) => vi.spyOn(settingsMigrations, version));
    try {
      const dir = tempDir();
      const store = open(dir);
      expect(store.read().instances).toEqual([]);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      const file = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
      expect(file.__internal__.migrations.version).toBe('9.0.0');
      expect(file.registries).toEqual(store.read().registries);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });

  it('moves a corrupt file aside, keeps its bytes, and starts with defaults', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{"instances": [ oops');
    const store = open(dir);
    expect(store.read().instances).toEqual([]);
    expect(store.recovery?.reason).toMatch(/not valid JSON/);
    const moved = store.recovery!.movedTo;
    expect(path.dirname(moved)).toBe(dir);
    expect(fs.readFileSync(moved, 'utf8')).toBe('{"instances": [ oops');
  });

  it('moves aside a file that parses but breaks the schema', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ instances: 'not a list' }));
    const store = open(dir);
    expect(store.recovery?.reason).toMatch(/schema/);
    const moved = fs.readdirSync(dir).find((f) => f.includes('corrupt'))!;
    expect(fs.readFileSync(path.join(dir, moved), 'utf8')).toBe(JSON.stringify({ instances: 'not a list' }));
    expect(store.read().instances).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(1);
  });

  it('accepts a BOM', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '\uFEFF' + JSON.stringify({ instances: [instance] }));
    const store = open(dir);
    expect(store.recovery).toBeNull();
    // A file without a version is migrated from the start: its local server predates sandboxing.
    expect(store.read().instances).toEqual([{ ...instance, permissions: LEGACY_PROFILE }]);
  });

  it('tells the user through a notice when it recovered', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), 'not json');
    const core = createTestCore(dir);
    const info = await core.services.appInfo.info();
    expect(info.notices).toEqual([expect.objectContaining({ id: 'settings-recovered', level: 'warning' })]);
    expect(info.notices[0]!.message).toContain('moved to');
  });
});

describe('settings migrations', () => {
  it('migrates a version 1 file to the current version without losing instances', () => {
    const dir = tempDir();
    const v1 = {
      instances: [{ id: 'memory', name: 'Memory', integrationId: 'memory', enabled: true, createdAt: 'x' }],
      __internal__: { migrations: { version: '1.0.0' } },
    };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v1));
    const store = open(dir);
    expect(store.recovery).toBeNull();
    expect(store.read().instances).toEqual([
      {
        ...v1.instances[0],
        userConfig: {},
        secretFields: [],
        disabledTools: [],
        permissions: LEGACY_PROFILE,
      },
    ]);
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe('9.0.0');
    expect(onDisk.instances[0].secretFields).toEqual([]);
  });

  it('migrates a version 3 file: the HTTP endpoint off, every client on stdio', () => {
    const dir = tempDir();
    const v3 = {
      instances: [instance],
      clients: { cursor: { selected: ['memory'], applied: ['memory'] } },
      driftPolicy: 'ask',
      __internal__: { migrations: { version: '3.0.0' } },
    };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v3));
    const store = open(dir);
    expect(store.recovery).toBeNull();
    expect(store.read().httpBroker).toEqual({ enabled: false, port: 7712 });
    expect(store.read().clients.cursor).toEqual({
      selected: ['memory'],
      applied: ['memory'],
      transport: 'stdio',
    });
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe('9.0.0');
    expect(onDisk.httpBroker).toEqual({ enabled: false, port: 7712 });
    expect(onDisk.clients.cursor.transport).toBe('stdio');
  });

  it('v5: shows the first-run welcome only to someone without services', () => {
    const withServices = tempDir();
    const v3 = (instances: unknown[]) =>
      JSON.stringify({
        instances,
        ui: { theme: 'dark' },
        __internal__: { migrations: { version: '3.0.0' } },
      });
    fs.writeFileSync(path.join(withServices, 'settings.json'), v3([instance]));
    expect(open(withServices).read().ui).toEqual({ theme: 'dark', welcomeDismissed: true });

    const empty = tempDir();
    fs.writeFileSync(path.join(empty, 'settings.json'), v3([]));
    expect(open(empty).read().ui).toEqual({ theme: 'dark', welcomeDismissed: false });
    expect(open(tempDir()).read().ui).toEqual({ theme: 'system', welcomeDismissed: false });
  });

  it('migrates a version 3 file: instances get per-tool switches, preferences get defaults', () => {
    const dir = tempDir();
    const v3 = {
      instances: [{ ...instance, disabledTools: undefined }],
      driftPolicy: 'never',
      __internal__: { migrations: { version: '3.0.0' } },
    };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v3));
    const store = open(dir);
    expect(store.recovery).toBeNull();
    expect(store.read().instances[0]!.disabledTools).toEqual([]);
    expect(store.read().driftPolicy).toBe('never');
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe('9.0.0');
    expect(onDisk.instances[0].disabledTools).toEqual([]);
    expect(onDisk.logRetentionDays).toBe(30);
    expect(onDisk.launchAtLogin).toBe(false);
  });

  it('migrates a version 6 file: the official registry first, a daily update check, instances kept', () => {
    const dir = tempDir();
    const v6 = { instances: [instance], __internal__: { migrations: { version: '6.0.0' } } };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v6));
    const store = open(dir);
    expect(store.recovery).toBeNull();
    expect(store.read().instances).toHaveLength(1);
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe('9.0.0');
    expect(onDisk.registries).toEqual([
      { url: 'https://registry.modelcontextprotocol.io', name: 'Official MCP Registry' },
    ]);
    expect(onDisk.updateCheckHours).toBe(24);
  });

  it('migrates a version 6 file: local servers that existed keep running, marked not sandboxed; remote ones are left alone', () => {
    const dir = tempDir();
    const remote = { ...instance, id: 'linear', remote: { url: 'https://mcp.linear.app/mcp' } };
    const chosen = {
      ...instance,
      id: 'chosen',
      permissions: { level: 'strict', allowRead: [], allowWrite: [], allowNet: [] },
    };
    const v6 = { instances: [instance, remote, chosen], __internal__: { migrations: { version: '6.0.0' } } };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v6));
    const [local, far, kept] = open(dir).read().instances;
    expect(local!.permissions).toMatchObject({
      level: 'none',
      note: expect.stringMatching(/before MCP Tray could sandbox/),
    });
    expect(far!.permissions).toBeUndefined();
    expect(kept!.permissions?.level).toBe('strict');
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe('9.0.0');
    expect(onDisk.instances[0].permissions.level).toBe('none');
  });

  it('migrates a version 8 file: no profiles yet, every client keeps its choice (Everything)', () => {
    const dir = tempDir();
    const v8 = {
      instances: [instance],
      clients: { cursor: { selected: ['memory'], applied: ['memory'], transport: 'stdio' } },
      __internal__: { migrations: { version: '8.0.0' } },
    };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v8));
    const store = open(dir);
    expect(store.recovery).toBeNull();
    expect(store.read().profiles).toEqual([]);
    expect(store.read().clients.cursor?.profile).toBeUndefined();
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe('9.0.0');
    expect(onDisk.profiles).toEqual([]);
  });
});
