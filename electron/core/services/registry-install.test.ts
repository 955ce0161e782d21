import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { OutdatedInstance } from '../../shared/contract';
import type { Timers } from '../auth/timers';
import { systemClock } from '../platform/clock';
import { silentLogger } from '../platform/logger';
import { RegistryCache } from '../registry/registry-cache';
import { RegistryClient } from '../registry/registry-client';
import { SettingsStore } from '../settings/settings-store';
import { RegistryService } from './registry-service';
import { RegistryUpdatesService } from './registry-updates-service';
import { startRemoteServer } from '../../../test/core/remote/test-remote-server';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { until } from '../../../test/core/support/served-core';
import { registryCore } from '../../../test/core/support/registry-core';
import { writeZip } from '../../../test/core/support/zip-writer';

const FIXTURE = path.resolve(import.meta.dirname, '../supervisor/fixtures/fixture-server.mjs');
const setup = registryCore;

describe('installing from the registry, pinned', () => {
  it('npm: installs at the exact version, secret to the keychain only, then update (reviewed), rollback', async () => {
    const { core, secrets, call, settingsText, args, running, dir } = await setup();
    const summary = await call<{ id: string; source: string; version: string }>('installFromRegistry', {
      name: 'io.github.example/weather',
      version: '1.2.3',
      values: { units: 'imperial' },
      secrets: { WEATHER_API_KEY: 'k-123' },
    });
    expect(summary).toMatchObject({ id: 'weather', source: 'registry', version: '1.2.3' });
    expect(core.services.instances.get('weather').registry).toEqual({
      registry: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) as unknown,
      name: 'io.github.example/weather',
      version: '1.2.3',
      packageType: 'npm',
      previousVersion: null,
    });
    await running('weather');
    expect(args('npx')).toEqual(['-y', '@example/weather-mcp@1.2.3', '--units', 'imperial']);
    expect(fs.readFileSync(path.join(dir, 'npx.env'), 'utf8')).toContain('WEATHER_API_KEY=k-123');
    expect(settingsText()).not.toContain('k-123');
    expect(secrets.values.get('weather:env.WEATHER_API_KEY')).toBe('k-123');
    const saved = JSON.parse(settingsText()) as { instances: { registry: Record<string, unknown> }[] };
    expect(saved.instances[0]!.registry).toMatchObject({
      name: 'io.github.example/weather',
      version: '1.2.3',
      packageType: 'npm',
      values: { units: 'imperial' },
    });

    const events: OutdatedInstance[][] = [];
    core.bus.on('updatesAvailable', ({ outdated }) => events.push(outdated));
    const outdated = await call<OutdatedInstance[]>('checkUpdates', {});
    expect(outdated).toEqual([
      { id: 'weather', name: 'io.github.example/weather', current: '1.2.3', latest: '1.4.0' },
    ]);
    expect(events.at(-1)).toEqual(outdated);

    const plan = await call<Record<string, unknown>>('planUpdate', { id: 'weather', trial: true });
    expect(plan).toMatchObject({
      from: '1.2.3',
      to: '1.4.0',
      before: { command: 'npx', args: ['-y', '@example/weather-mcp@1.2.3', '--units', 'imperial'] },
      after: { command: 'npx', args: ['-y', '@example/weather-mcp@1.4.0', '--units', 'imperial', 'europe'] },
      envAdded: ['WEATHER_LOG'],
      envRemoved: [],
      missing: [],
      // Both versions run the same fixture here: a trial start finds the same tools.
      tools: { added: [], removed: [], changed: [] },
      toolsNote: null,
    });
    // Planning changed nothing.
    expect(core.services.instances.list()[0]!.version).toBe('1.2.3');

    const updated = await call<{ version: string }>('applyUpdate', { id: 'weather' });
    expect(updated.version).toBe('1.4.0');
    await until(() => args('npx').includes('@example/weather-mcp@1.4.0'), 'the new version started');
    await running('weather');
    expect(args('npx')).toEqual(['-y', '@example/weather-mcp@1.4.0', '--units', 'imperial', 'europe']);
    expect(await call('listUpdates', {})).toEqual([]);

    expect(core.services.instances.get('weather').registry?.previousVersion).toBe('1.2.3');
    const back = await call<{ version: string }>('rollbackUpdate', { id: 'weather' });
    expect(back.version).toBe('1.2.3');
    await until(() => args('npx').includes('@example/weather-mcp@1.2.3'), 'the previous version started');
    expect(args('npx')).toEqual(['-y', '@example/weather-mcp@1.2.3', '--units', 'imperial']);
    await call('removeInstance', { id: 'weather' });
    expect(secrets.values.size).toBe(0);
  });

  it('pypi and oci run their pinned commands; docker gets variables by name only', async () => {
    const { call, args, running, dir, settingsText } = await setup();
    await call('installFromRegistry', { name: 'io.github.example/time' });
    await running('time');
    expect(args('uvx')).toEqual(['mcp-server-time==0.6.2', '--local-timezone', 'UTC']);
    await call('installFromRegistry', {
      name: 'io.github.example/fetch',
      values: { level: 'warn' },
      secrets: { FETCH_TOKEN: 'tok-9' },
    });
    await running('fetch');
    expect(args('docker')).toEqual([
      'run',
      '--rm',
      '-i',
      '-e',
      'FETCH_TOKEN',
      '-e',
      'LOG_LEVEL',
      'docker.io/example/fetch-mcp:1.0.0',
    ]);
    const env = fs.readFileSync(path.join(dir, 'docker.env'), 'utf8');
    expect(env).toContain('FETCH_TOKEN=tok-9');
    expect(env).toContain('LOG_LEVEL=warn');
    expect(settingsText()).not.toContain('tok-9');
  });

  it('prefers the package whose runtime is here, and says what is missing otherwise', async () => {
    const only = await setup({ bin: ['npx'] });
    await only.call('installFromRegistry', {
      name: 'io.github.example/weather',
      secrets: { WEATHER_API_KEY: 'k' },
    });
    expect(only.core.services.instances.list()[0]).toMatchObject({ id: 'weather', version: '1.4.0' });
    await expect(only.call('installFromRegistry', { name: 'io.github.example/time' })).rejects.toMatchObject({
      code: 'runtime-missing',
      message: expect.stringMatching(/uvx \(Install uv \(it includes uvx\)/) as unknown,
    });
    await expect(
      only.call('installFromRegistry', { name: 'io.github.example/weather', packageType: 'oci' }),
    ).rejects.toThrow(/has no oci option \(it has: npm, pypi\)/);
  });

  it('refuses deprecated entries, secrets on argv, missing values; a failed install leaves nothing', async () => {
    const { call, core, secrets, settingsText } = await setup();
    await expect(call('installFromRegistry', { name: 'io.github.example/old-search' })).rejects.toMatchObject(
      {
        code: 'deprecated',
        message: expect.stringMatching(/deprecated: Use io.github.example\/search instead/) as unknown,
      },
    );
    await expect(
      call('installFromRegistry', { name: 'io.github.example/secret-arg', secrets: { token: 's-1' } }),
    ).rejects.toThrow(/secret on the command line/);
    await expect(call('installFromRegistry', { name: 'io.github.example/weather' })).rejects.toThrow(
      /Required: WEATHER_API_KEY \(secret\)/,
    );
    await expect(call('installFromRegistry', { name: 'io.github.example/dashes' })).rejects.toThrow(
      /not a valid npm package name/,
    );
    expect(core.services.instances.list()).toEqual([]);
    expect(secrets.values.size).toBe(0);
    expect(settingsText()).not.toContain('s-1');
  });

  it('mcpb: checked against fileSha256 before unpacking; a wrong checksum installs nothing', async () => {
    const { registry, call, core, dir, secrets, running } = await setup();
    const manifest = {
      manifest_version: '0.3',
      name: 'notes',
      version: '1.0.0',
      description: 'Notes',
      author: { name: 'Ada' },
      server: {
        type: 'node',
        entry_point: 'server.mjs',
        mcp_config: {
          command: 'node',
          args: ['${__dirname}/server.mjs'],
          env: { NOTES_KEY: '${user_config.key}' },
        },
      },
      user_config: { key: { type: 'string', title: 'Key', sensitive: true, required: true } },
    };
    const server = `await import(${JSON.stringify(new URL(`file://${FIXTURE}`).href)});`;
    registry.bundles.set(
      'notes-1.0.0.mcpb',
      writeZip([
        { name: 'manifest.json', data: JSON.stringify(manifest) },
        { name: 'server.mjs', data: server },
      ]),
    );
    const bundles = path.join(dir, 'data', 'bundles');
    await expect(
      call('installFromRegistry', { name: 'io.github.example/notes-tampered', secrets: { key: 'n-1' } }),
    ).rejects.toMatchObject({ code: 'checksum-mismatch' });
    expect(core.services.instances.list()).toEqual([]);
    expect(fs.existsSync(bundles) ? fs.readdirSync(bundles) : []).toEqual([]);
    expect(secrets.values.size).toBe(0);

    const summary = await call<{ id: string; source: string; version: string }>('installFromRegistry', {
      name: 'io.github.example/notes',
      secrets: { key: 'n-1' },
    });
    expect(summary).toMatchObject({ id: 'notes', source: 'registry', version: '1.0.0' });
    await running('notes');
    expect(fs.readdirSync(bundles)).toEqual(['notes']);
    expect(fs.existsSync(path.join(bundles, 'notes', 'manifest.json'))).toBe(true);
  });

  it('remote: URL variables filled in, added as a remote instance with its registry version', async () => {
    const { call, core } = await setup();
    const summary = await call<{ id: string }>('installFromRegistry', {
      name: 'com.example/tasks',
      values: { tenant: 'acme' },
    });
    const config = core.services.instances.configs().find((c) => c.id === summary.id)!;
    expect(config.remote?.url).toBe('https://mcp.example.com/acme/mcp');
    expect(config.registry).toMatchObject({ version: '2.0.0', packageType: 'remote' });
    await call('removeInstance', { id: summary.id });
  });

  it('remote with headers: the secret one from the keychain, both sent to the server on every request', async () => {
    const { call, registry, secrets, settingsText, running } = await setup();
    const server = await startRemoteServer({ auth: 'open' });
    onTestFinished(() => server.close());
    registry.entries.push({
      server: {
        name: 'io.github.example/keyed-local',
        description: 'A hosted server that wants an API key header.',
        version: '1.0.0',
        remotes: [
          {
            type: 'streamable-http',
            url: server.url,
            headers: [
              { name: 'X-API-Key', isSecret: true, isRequired: true },
              { name: 'X-Client', value: 'mcp-tray' },
            ],
          },
        ],
      },
    });
    await expect(call('installFromRegistry', { name: 'io.github.example/keyed-local' })).rejects.toThrow(
      /Required: X-API-Key \(secret\)/,
    );
    await call('installFromRegistry', {
      name: 'io.github.example/keyed-local',
      secrets: { 'X-API-Key': 'api-7' },
    });
    await running('keyed-local');
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.every((r) => r.apiKey === 'api-7')).toBe(true);
    expect(secrets.values.get('keyed-local:header.X-API-Key')).toBe('api-7');
    expect(settingsText()).not.toContain('api-7');
    expect(settingsText()).toContain('"X-Client":"mcp-tray"'.replace(':', ': '));

    // A new version at another address: reviewed, applied with the key kept, rolled back.
    const first = registry.entries.at(-1)!;
    first._meta = { 'io.modelcontextprotocol.registry/official': { status: 'active', isLatest: false } };
    registry.entries.push({
      server: {
        ...first.server,
        version: '1.1.0',
        remotes: [
          {
            type: 'streamable-http',
            url: `${server.url}?v=2`,
            headers: [
              { name: 'X-API-Key', isSecret: true, isRequired: true },
              { name: 'X-Tenant', value: 'acme' },
            ],
          },
        ],
      },
    });
    const plan = await call<Record<string, unknown>>('planUpdate', { id: 'keyed-local' });
    expect(plan).toMatchObject({
      from: '1.0.0',
      to: '1.1.0',
      before: { command: server.url, envNames: ['X-Client', 'X-API-Key'] },
      after: { command: `${server.url}?v=2`, envNames: ['X-Tenant', 'X-API-Key'] },
      envAdded: ['X-Tenant'],
      envRemoved: ['X-Client'],
      missing: [],
      tools: null,
    });
    const seen = server.requests.length;
    const updated = await call<{ version: string }>('applyUpdate', { id: 'keyed-local' });
    expect(updated.version).toBe('1.1.0');
    await running('keyed-local');
    await until(() => server.requests.slice(seen).some((r) => r.path.includes('v=2')), 'the new address');
    expect(server.requests.slice(seen).every((r) => r.apiKey === 'api-7')).toBe(true);
    expect(settingsText()).toContain('"X-Tenant": "acme"');
    const again = server.requests.length;
    const back = await call<{ version: string }>('rollbackUpdate', { id: 'keyed-local' });
    expect(back.version).toBe('1.0.0');
    await running('keyed-local');
    await until(() => server.requests.length > again, 'the old address again');
    expect(server.requests.slice(again).every((r) => !r.path.includes('v=2') && r.apiKey === 'api-7')).toBe(
      true,
    );
    await call('removeInstance', { id: 'keyed-local' });
    expect(secrets.values.size).toBe(0);
  }, 90_000);
});

const unused = (): never => {
  throw new Error('not used by an update check');
};

describe('the periodic update check', () => {
  it('runs every updateCheckHours (never when 0), announces what is outdated, and updates nothing', async () => {
    const { call, core, dir, registry } = await setup();
    await call('installFromRegistry', {
      name: 'io.github.example/weather',
      version: '1.2.3',
      secrets: { WEATHER_API_KEY: 'k' },
    });
    const settings = new SettingsStore(path.join(dir, 'data', 'settings.json'), silentLogger, systemClock);
    const armed: { ms: number; fire: () => void }[] = [];
    const timers: Timers = {
      after: (ms, fire) => {
        armed.push({ ms, fire });
        return () =>
          armed.splice(
            armed.findIndex((t) => t.fire === fire),
            1,
          );
      },
    };
    const registryService = new RegistryService({
      client: new RegistryClient({ fetch: globalThis.fetch, clock: systemClock, logger: silentLogger }),
      cache: new RegistryCache(path.join(dir, 'registry-cache'), silentLogger),
      settings,
      overrideUrl: registry.url,
      clock: systemClock,
      logger: silentLogger,
      probe: () => Promise.resolve({ found: true, hint: null }),
    });
    const updates = new RegistryUpdatesService({
      registry: registryService,
      instances: core.services.instances,
      secrets: new MemorySecretStore(),
      settings,
      bus: core.bus,
      timers,
      logger: silentLogger,
      fetch: globalThis.fetch,
      // A check only asks the registry: it unpacks and describes nothing.
      bundles: { unpackVersion: unused, discard: unused },
      launch: { describe: unused },
    });
    const announced: OutdatedInstance[][] = [];
    core.bus.on('updatesAvailable', ({ outdated }) => announced.push(outdated));
    updates.start();
    expect(armed.map((t) => t.ms)).toEqual([24 * 3_600_000]);
    armed[0]!.fire();
    await until(() => announced.length > 0, 'an update check');
    expect(announced[0]).toEqual([
      { id: 'weather', name: 'io.github.example/weather', current: '1.2.3', latest: '1.4.0' },
    ]);
    expect(armed).toHaveLength(1);
    expect(core.services.instances.list()[0]!.version).toBe('1.2.3');
    updates.stop();
    expect(armed).toHaveLength(0);
    settings.update((s) => ({ ...s, updateCheckHours: 0 }));
    updates.start();
    expect(armed).toHaveLength(0);
  });
});
