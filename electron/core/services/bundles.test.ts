import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundleInfo, CatalogEntry, InstanceDetail } from '../../shared/contract';
import type { Core } from '../core';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';
import { bundleZip, guardedFixture, weatherManifest } from '../../../test/core/support/weather-bundle';
import { writeZip } from '../../../test/core/support/zip-writer';

const MANIFEST = weatherManifest(
  {
    args: ['${__dirname}/server.mjs', '--units=${user_config.units}'],
    env: { WEATHER_KEY: '${user_config.api_key}' },
  },
  { icon: 'icon.svg' },
);

// Runs only with the key from the keychain and the substituted argument; then it is the fixture.
const SERVER =
  guardedFixture(`if (process.env.WEATHER_KEY !== 'k-123') { process.stderr.write('no key\\n'); process.exit(1); }
if (!process.argv.includes('--units=imperial')) { process.stderr.write('bad args\\n'); process.exit(2); }`);

const bundleFile = () =>
  bundleZip(MANIFEST, SERVER, [{ name: 'icon.svg', data: '<svg xmlns="http://www.w3.org/2000/svg"/>' }]);

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.stop()));
});

async function setup() {
  const dataDir = tempDir();
  const secrets = new MemorySecretStore();
  const core = createTestCore(dataDir, { secrets });
  cores.push(core);
  await core.start();
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const answer = await core.dispatcher.dispatch(name, input);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.value as T;
  };
  return { core, dataDir, secrets, call };
}

const until = async (check: () => Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('bundles', () => {
  it('inspects a bundle without writing anything, then adds and runs it', async () => {
    const { dataDir, secrets, call } = await setup();
    const info = await call<BundleInfo>('inspectBundle', {
      fileName: 'weather.mcpb',
      dataBase64: bundleFile().toString('base64'),
    });
    expect(info.version).toBe('1.2.0');
    expect(info.fileCount).toBe(3);
    expect(info.entry).toMatchObject({
      id: 'mcpb:weather',
      name: 'Weather',
      author: 'Ada',
      category: 'custom',
      auth: 'api-key',
      runtimes: [{ name: 'node', found: true, hint: null }],
      launch: {
        command: 'node',
        args: ['${__dirname}/server.mjs', '--units=${user_config.units}'],
        envNames: ['WEATHER_KEY'],
      },
    });
    expect(info.entry.icon).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(info.entry.fields.map((f) => [f.key, f.sensitive, f.required, f.default])).toEqual([
      ['api_key', true, true, null],
      ['units', false, false, 'metric'],
    ]);
    expect(fs.existsSync(path.join(dataDir, 'bundles'))).toBe(false);

    await expect(
      call('addBundleInstance', { token: info.token, userConfig: { units: 'x' } }),
    ).rejects.toThrow(/API key is required/);
    const added = await call<{ id: string }>('addBundleInstance', {
      token: info.token,
      userConfig: { units: 'imperial' },
      secrets: { api_key: 'k-123' },
    });
    expect(added.id).toBe('weather');
    const bundleDir = path.join(dataDir, 'bundles', 'weather');
    expect(fs.readFileSync(path.join(bundleDir, 'server.mjs'), 'utf8')).toBe(SERVER);
    expect(secrets.values.get('weather:config.api_key')).toBe('k-123');
    const settings = fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain('k-123');
    expect(JSON.parse(settings).instances[0]).toMatchObject({ integrationId: 'mcpb:weather', bundleDir });

    let detail: InstanceDetail | null = null;
    await until(async () => {
      detail = await call<InstanceDetail>('getInstance', { id: 'weather' });
      return detail.state === 'running';
    });
    expect(detail!.args).toEqual([path.join(bundleDir, 'server.mjs'), '--units=imperial']);
    expect(detail!.secretEnvNames).toEqual(['WEATHER_KEY']);

    // Its Settings tab asks for the fields of its own manifest (the catalog has no such entry).
    const own = await call<CatalogEntry | null>('getInstanceIntegration', { id: 'weather' });
    expect(own?.fields.map((f) => f.key)).toEqual(['api_key', 'units']);
    expect((await call<CatalogEntry[]>('listCatalog', {})).some((e) => e.id === 'mcpb:weather')).toBe(false);

    // A token is used once; removing the service deletes its files and secrets.
    await expect(call('addBundleInstance', { token: info.token, secrets: { api_key: 'x' } })).rejects.toThrow(
      /no longer open/,
    );
    await call('removeInstance', { id: 'weather' });
    expect(fs.existsSync(bundleDir)).toBe(false);
    expect(secrets.values.size).toBe(0);

    // Its next version added again (the same name, so the same id and folder) is read anew.
    const newer = {
      ...weatherManifest({ args: ['${__dirname}/server.mjs'], env: {} }),
      version: '1.3.0',
      user_config: { city: { type: 'string', title: 'City' } },
    };
    const again = await call<BundleInfo>('inspectBundle', {
      fileName: 'weather.mcpb',
      dataBase64: bundleZip(newer, SERVER).toString('base64'),
    });
    expect((await call<{ id: string }>('addBundleInstance', { token: again.token })).id).toBe('weather');
    const fields = (await call<CatalogEntry | null>('getInstanceIntegration', { id: 'weather' }))?.fields;
    expect(fields?.map((f) => f.key)).toEqual(['city']);
    expect((await call<InstanceDetail>('getInstance', { id: 'weather' })).args).toEqual([
      path.join(bundleDir, 'server.mjs'),
    ]);
  });

  it('says why a file is refused', async () => {
    const { call } = await setup();
    await expect(
      call('inspectBundle', { fileName: 'x.mcpb', dataBase64: Buffer.from('nope').toString('base64') }),
    ).rejects.toThrow(/bad-bundle: This is not a bundle MCP Tray can open/);
    const traversal = writeZip([
      { name: 'manifest.json', data: JSON.stringify(MANIFEST) },
      { name: '../../.bashrc', data: 'evil' },
    ]);
    await expect(
      call('inspectBundle', { fileName: 'x.mcpb', dataBase64: traversal.toString('base64') }),
    ).rejects.toThrow(/points outside the bundle/);
  });

  it('refuses huge manifest fields at inspection, in words, writing nothing', async () => {
    const { call, dataDir } = await setup();
    const inspect = (manifest: object) =>
      call('inspectBundle', {
        fileName: 'huge.mcpb',
        dataBase64: writeZip([{ name: 'manifest.json', data: JSON.stringify(manifest) }]).toString('base64'),
      });
    await expect(inspect({ ...MANIFEST, name: 'n'.repeat(2_000_000) })).rejects.toThrow(
      /manifest's name is 2,000,000 characters long \(at most 200\)/,
    );
    await expect(inspect({ ...MANIFEST, description: 'd'.repeat(5_000_000) })).rejects.toThrow(
      /description is 5,000,000 characters long/,
    );
    const tools = Array.from({ length: 20_000 }, (_, i) => ({ name: `t${i}`, description: 'x' }));
    await expect(inspect({ ...MANIFEST, tools })).rejects.toThrow(/lists 20,000 tools \(at most 500\)/);
    expect(fs.existsSync(path.join(dataDir, 'bundles'))).toBe(false);
  });

  it('a failed add leaves no folder, keychain item or setting behind, however often it is retried', async () => {
    const { call, dataDir, secrets } = await setup();
    // A bundle whose files cannot be written under its own names (a file where a folder must go).
    const clash = writeZip([
      { name: 'manifest.json', data: JSON.stringify(MANIFEST) },
      { name: 'lib', data: 'a file' },
      { name: 'lib/server.mjs', data: SERVER },
    ]);
    for (let attempt = 0; attempt < 3; attempt++) {
      const { token } = await call<BundleInfo>('inspectBundle', {
        fileName: 'w.mcpb',
        dataBase64: clash.toString('base64'),
      });
      await expect(
        call('addBundleInstance', {
          token,
          userConfig: { units: 'imperial' },
          secrets: { api_key: 'k-123' },
        }),
      ).rejects.toThrow();
    }
    expect(fs.readdirSync(path.join(dataDir, 'bundles'))).toEqual([]);
    expect([...secrets.values.keys()]).toEqual([]);
    expect(await call('listInstances', {})).toEqual([]);
  });

  it('picks a free id and keeps the user’s name', async () => {
    const { call } = await setup();
    const inspect = () =>
      call<BundleInfo>('inspectBundle', { fileName: 'w.mcpb', dataBase64: bundleFile().toString('base64') });
    const add = async (name?: string) =>
      call<{ id: string; name: string }>('addBundleInstance', {
        token: (await inspect()).token,
        ...(name ? { name } : {}),
        userConfig: { units: 'imperial' },
        secrets: { api_key: 'k-123' },
      });
    expect(await add()).toMatchObject({ id: 'weather', name: 'Weather' });
    expect(await add('Weather at home')).toMatchObject({ id: 'weather-2', name: 'Weather at home' });
  });
});

describe('ui state', () => {
  it('remembers that the welcome was dismissed', async () => {
    const { call } = await setup();
    expect(await call('getUiState', {})).toEqual({ welcomeDismissed: false });
    expect(await call('setUiFlag', { flag: 'welcomeDismissed', value: true })).toEqual({
      welcomeDismissed: true,
    });
    expect(await call('getUiState', {})).toEqual({ welcomeDismissed: true });
  });
});
