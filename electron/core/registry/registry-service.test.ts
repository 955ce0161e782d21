import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../platform/logger';
import { silentLogger } from '../platform/logger';
import { RegistryService } from '../services/registry-service';
import { SettingsStore } from '../settings/settings-store';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { RegistryCache } from './registry-cache';
import { RegistryClient, RegistryUnavailableError } from './registry-client';
import { TestRegistry, fixtureEntries } from '../../../test/core/registry/test-registry-server';

const registries: TestRegistry[] = [];
afterEach(async () => Promise.all(registries.splice(0).map((r) => r.close())));

/** A logger that keeps warnings, to see skipped entries reported. */
function recordingLogger(lines: string[]): Logger {
  const logger: Logger = {
    ...silentLogger,
    warn: (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`),
    child: () => logger,
  };
  return logger;
}

async function setup(entries = fixtureEntries()) {
  const registry = await new TestRegistry(entries).start();
  registries.push(registry);
  const dir = tempDir();
  let now = Date.parse('2026-06-01T12:00:00Z');
  const clock = { now: () => now };
  const warnings: string[] = [];
  const logger = recordingLogger(warnings);
  const make = () =>
    new RegistryService({
      client: new RegistryClient({ fetch: globalThis.fetch, clock, logger }),
      cache: new RegistryCache(path.join(dir, 'registry'), logger),
      settings: new SettingsStore(path.join(dir, 'settings.json'), logger, clock),
      overrideUrl: registry.url,
      clock,
      logger,
      probe: (command) =>
        Promise.resolve({ found: command === 'npx', hint: command === 'npx' ? null : `Install ${command}` }),
    });
  return { registry, service: make(), make, warnings, dir, advance: (ms: number) => (now += ms) };
}

const generated = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    server: {
      name: `io.github.bulk/server-${String(i).padStart(5, '0')}`,
      description: `Bulk server number ${i}${i % 100 === 0 ? ' about weather' : ''}`,
      version: '1.0.0',
      packages: [
        { registryType: 'npm', identifier: `@bulk/s${i}`, version: '1.0.0', transport: { type: 'stdio' } },
      ],
    },
    _meta: { 'io.modelcontextprotocol.registry/official': { status: 'active', isLatest: true } },
  }));

describe('RegistryClient against a registry that answers as the OpenAPI says', () => {
  it('follows nextCursor, searches by name, reads a version and latest, and says 404 in words', async () => {
    const registry = await new TestRegistry(generated(7)).start();
    registries.push(registry);
    const client = new RegistryClient({
      fetch: globalThis.fetch,
      clock: { now: Date.now },
      logger: silentLogger,
    });
    const first = await client.list(registry.url, { limit: 3 });
    expect(first.records.map((r) => r.server.name)).toHaveLength(3);
    const second = await client.list(registry.url, { limit: 3, cursor: first.nextCursor! });
    const third = await client.list(registry.url, { limit: 3, cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    expect(
      new Set([...first.records, ...second.records, ...third.records].map((r) => r.server.name)).size,
    ).toBe(7);
    expect(registry.requests[1]).toContain(`cursor=${first.nextCursor}`);

    const found = await client.list(registry.url, { search: 'server-00004' });
    expect(found.records.map((r) => r.server.name)).toEqual(['io.github.bulk/server-00004']);
    const exact = await client.version(registry.url, 'io.github.bulk/server-00002', '1.0.0');
    expect(exact.server.name).toBe('io.github.bulk/server-00002');
    expect(registry.requests.at(-1)).toBe('GET /v0.1/servers/io.github.bulk%2Fserver-00002/versions/1.0.0');
    await expect(client.version(registry.url, 'io.github.bulk/nope', 'latest')).rejects.toThrow(
      /has no server io.github.bulk\/nope latest/,
    );
  });

  it('skips and logs entries that break the schema or have unsafe names; the rest are read', async () => {
    const { registry, warnings } = await setup();
    const client = new RegistryClient({
      fetch: globalThis.fetch,
      clock: { now: Date.now },
      logger: recordingLogger(warnings),
    });
    const page = await client.list(registry.url, { limit: 100 });
    const names = page.records.map((r) => r.server.name);
    expect(names).toContain('io.github.modelcontextprotocol/everything');
    expect(names).not.toContain('not a valid name');
    expect(names).not.toContain('io.github.example/no-version');
    expect(names).not.toContain('io.github.evil/..');
    expect(page.skipped).toBe(3);
    expect(warnings.join('\n')).toMatch(/breaks the server.json schema.*not a valid name/);
    expect(warnings.join('\n')).toMatch(/unsafe name.*io.github.evil/);
  });

  it('turns 503, 429 with Retry-After and an unreachable host into words', async () => {
    const { registry } = await setup();
    const client = new RegistryClient({
      fetch: globalThis.fetch,
      clock: { now: Date.now },
      logger: silentLogger,
    });
    registry.fail = { status: 503 };
    await expect(client.list(registry.url)).rejects.toThrow(/has a problem on its side \(HTTP 503\)/);
    registry.fail = { status: 429, retryAfter: '30' };
    const busy = await client.list(registry.url).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(RegistryUnavailableError);
    expect((busy as RegistryUnavailableError).message).toMatch(
      /too many requests \(HTTP 429\)\. Try again in 30 seconds/,
    );
    expect((busy as RegistryUnavailableError).retryAfterMs).toBe(30_000);
    await registry.close();
    registries.splice(registries.indexOf(registry), 1);
    await expect(client.list(registry.url)).rejects.toThrow(/Could not reach the registry at 127\.0\.0\.1/);
  });
});

describe('RegistryService: the registry as a searchable, cached catalog', () => {
  it('fetches every page once, searches locally, hides deprecated and deleted, cuts huge descriptions', async () => {
    const { registry, service } = await setup();
    const all = await service.search({ query: '' });
    expect(all.offline).toBe(false);
    expect(all.notice).toBeNull();
    const names = all.entries.map((e) => e.name);
    expect(names).not.toContain('io.github.example/old-search');
    expect(names).not.toContain('io.github.example/gone');
    // Only the latest version of each server is listed.
    expect(names.filter((n) => n === 'io.github.example/weather')).toHaveLength(1);
    const weather = all.entries.find((e) => e.name === 'io.github.example/weather')!;
    expect(weather).toMatchObject({
      version: '1.4.0',
      kind: 'local',
      packageTypes: ['npm', 'pypi'],
      needsSecret: true,
      namespace: 'io.github.example',
      repository: 'https://github.com/example/weather-mcp',
      runtimes: ['npx', 'uvx'],
      runnable: true,
    });
    // Only npx is "installed" in this test: uvx alone is not enough.
    expect(all.entries.find((e) => e.name === 'io.github.example/time')?.runnable).toBe(false);
    const verbose = all.entries.find((e) => e.name === 'io.github.example/verbose')!;
    expect(verbose.description.length).toBeLessThanOrEqual(300);
    expect(verbose.description.endsWith('…')).toBe(true);
    expect(all.entries.find((e) => e.name === 'com.example/tasks')?.kind).toBe('remote');

    const listRequests = registry.requests.filter((r) => r.startsWith('GET /v0.1/servers?')).length;
    const found = await service.search({ query: 'forecast' });
    expect(found.entries.map((e) => e.name)).toEqual(['io.github.example/weather']);
    expect(registry.requests.filter((r) => r.startsWith('GET /v0.1/servers?')).length).toBe(listRequests);

    const deprecated = await service.search({ query: 'search', includeDeprecated: true });
    expect(deprecated.entries[0]).toMatchObject({
      name: 'io.github.example/old-search',
      status: 'deprecated',
      statusMessage: 'Use io.github.example/search instead.',
    });
  });

  it('pages results with a cursor and ranks name matches first', async () => {
    const { service } = await setup(generated(250));
    const first = await service.search({ query: 'server', limit: 100 });
    expect(first.total).toBe(250);
    expect(first.entries).toHaveLength(100);
    const second = await service.search({ query: 'server', limit: 100, cursor: first.nextCursor! });
    const third = await service.search({ query: 'server', limit: 100, cursor: second.nextCursor! });
    expect(third.entries).toHaveLength(50);
    expect(third.nextCursor).toBeNull();
    const weather = await service.search({ query: 'weather' });
    expect(weather.total).toBe(3);
    const exact = await service.search({ query: 'server-00042' });
    expect(exact.entries[0]?.name).toBe('io.github.bulk/server-00042');
  });

  it('answers from the disk cache when the registry is down, and says so with the time of the list', async () => {
    const { registry, service, make, advance } = await setup();
    await service.search({ query: '' });
    registry.fail = { status: 502 };
    advance(2 * 60 * 60_000);
    const later = make();
    const offline = await later.search({ query: 'weather', refresh: true });
    expect(offline.offline).toBe(true);
    expect(offline.entries.map((e) => e.name)).toEqual(['io.github.example/weather']);
    expect(offline.notice).toMatch(/HTTP 502.*Showing the list saved at 2026-06-01T12:00:00\.000Z/);
    expect(offline.fetchedAt).toBe('2026-06-01T12:00:00.000Z');
  });

  it('after 429 with Retry-After, asks nothing until then and serves the cache meanwhile', async () => {
    const { registry, service, advance } = await setup();
    await service.search({ query: '' });
    registry.fail = { status: 429, retryAfter: '120' };
    const busy = await service.search({ query: 'time', refresh: true });
    expect(busy.offline).toBe(true);
    expect(busy.notice).toMatch(/too many requests.*Try again in 120 seconds/);
    expect(busy.entries.map((e) => e.name)).toEqual(['io.github.example/time']);
    const asked = registry.requests.length;
    await service.search({ query: 'time', refresh: true });
    expect(registry.requests.length).toBe(asked);
    registry.fail = null;
    advance(121_000);
    const back = await service.search({ query: 'time', refresh: true });
    expect(back.offline).toBe(false);
    expect(registry.requests.length).toBeGreaterThan(asked);
  });

  it('with no cache and no registry, says there is nothing to search yet', async () => {
    const { registry, service, dir } = await setup();
    registry.fail = { status: 500 };
    const result = await service.search({ query: 'x' });
    expect(result).toMatchObject({ entries: [], offline: true, fetchedAt: null });
    expect(result.notice).toMatch(/There is no saved list to search yet/);
    expect(fs.existsSync(path.join(dir, 'registry'))).toBe(false);
  });

  it('MCP_TRAY_REGISTRY_URL replaces the official registry; companies add theirs after it', async () => {
    const { service, registry } = await setup();
    expect(service.registries()[0]!.url).toBe(registry.url);
    const settings = service.setSettings({
      registries: [
        { name: 'Official MCP Registry', url: 'https://registry.modelcontextprotocol.io' },
        { name: 'Acme', url: 'https://mcp.acme.example/' },
      ],
    });
    expect(settings.overriddenBy).toBe(registry.url);
    expect(service.registries().map((r) => r.url)).toEqual([registry.url, 'https://mcp.acme.example']);
    expect(() =>
      service.setSettings({ registries: [{ name: 'Plain', url: 'http://mcp.example.com' }] }),
    ).toThrow(/must use https/);
  });

  it('shows the install options of an entry with fields, runtime and the pinned command', async () => {
    const { service } = await setup();
    const detail = await service.detail({ name: 'io.github.example/weather' });
    expect(detail.version).toBe('1.4.0');
    expect(detail.recommended).toBe('npm');
    const npm = detail.options.find((o) => o.type === 'npm')!;
    expect(npm.preview).toEqual({
      command: 'npx',
      args: ['-y', '@example/weather-mcp@1.4.0', '--units', 'metric', 'europe'],
      envNames: ['WEATHER_LOG', 'WEATHER_API_KEY'],
    });
    expect(npm.fields.map((f) => [f.key, f.kind, f.secret, f.required])).toEqual([
      ['units', 'named', false, false],
      ['region', 'positional', false, false],
      ['WEATHER_API_KEY', 'env', true, true],
      ['WEATHER_LOG', 'env', false, false],
    ]);
    const pypi = detail.options.find((o) => o.type === 'pypi')!;
    expect(pypi).toMatchObject({ runtime: 'uvx', runtimeFound: false, runtimeHint: 'Install uvx' });
    const old = await service.detail({ name: 'io.github.example/weather', version: '1.2.3' });
    expect(old.version).toBe('1.2.3');
    const cargo = await setup([
      {
        server: {
          name: 'io.github.example/rusty',
          description: 'A cargo package and an npm one.',
          version: '1.0.0',
          packages: [
            { registryType: 'cargo', identifier: 'rusty', version: '1.0.0', transport: { type: 'stdio' } },
            { registryType: 'npm', identifier: 'rusty', version: '1.0.0', transport: { type: 'stdio' } },
          ],
        },
      },
    ]);
    const rusty = await cargo.service.detail({ name: 'io.github.example/rusty' });
    expect(rusty.packageTypes).toEqual(['cargo', 'npm']);
    expect(rusty.options.map((o) => [o.type, o.index])).toEqual([['npm', 1]]);
    const secretArg = await service.detail({ name: 'io.github.example/secret-arg' });
    expect(secretArg.options[0]!.problem).toMatch(/--token would put a secret on the command line/);
    expect(secretArg.recommended).toBeNull();
  });
});
