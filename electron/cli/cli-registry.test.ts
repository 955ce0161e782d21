import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { TestRegistry } from '../../test/core/registry/test-registry-server';
import { CLI, FIXTURES, serveCore, until } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';

const registries: TestRegistry[] = [];
afterEach(async () => Promise.all(registries.splice(0).map((r) => r.close())));

type Status = { id: string; state: string; version: string | null; source: string; reason: string | null };

async function setup(env: NodeJS.ProcessEnv = {}) {
  const home = tempDir();
  const dataDir = path.join(home, 'data');
  const registry = await new TestRegistry().start();
  registries.push(registry);
  const fullEnv = { ...process.env, HOME: home, MCP_TRAY_REGISTRY_URL: registry.url, ...env };
  await serveCore(dataDir, fullEnv);
  // Asynchronous on purpose: the registry answers from this process, so it must not be blocked.
  const cli = (args: string[], input = '') =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, ...args], { env: fullEnv });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(input);
    });
  const status = async (): Promise<Status[]> =>
    JSON.parse((await cli(['status', '--json'])).stdout) as Status[];
  const running = (id: string, timeoutMs?: number) =>
    until(
      async () => (await status()).find((s) => s.id === id && s.state === 'running'),
      `${id} running`,
      timeoutMs,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await status())}`);
    });
  return { home, dataDir, registry, cli, status, running };
}

describe('mcp-tray search, add --registry, outdated, update, rollback', () => {
  it('search --json: registry entries and built-in/curated ones in the documented shape', async () => {
    const { cli, registry } = await setup();
    const result = await cli(['search', 'weather', '--json']);
    expect(result.status).toBe(0);
    const records = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(records).toContainEqual({
      name: 'io.github.example/weather',
      version: '1.4.0',
      description: 'Forecasts and current conditions from OpenWeather.',
      kind: 'local',
      packages: ['npm', 'pypi'],
      source: 'registry',
    });
    const everything = JSON.parse((await cli(['search', 'everything', '--json'])).stdout) as Record<
      string,
      unknown
    >[];
    expect(everything.map((r) => r.source).sort()).toEqual(['curated', 'registry']);
    expect(Object.keys(everything[0]!).sort()).toEqual([
      'description',
      'kind',
      'name',
      'packages',
      'source',
      'version',
    ]);
    const remote = JSON.parse((await cli(['search', 'tasks', '--json'])).stdout) as Record<string, unknown>[];
    expect(remote.find((r) => r.name === 'com.example/tasks')).toMatchObject({
      kind: 'remote',
      packages: [],
    });

    registry.fail = { status: 503 };
    const offline = await cli(['search', 'weather', '--json', '--refresh']);
    expect(offline.status).toBe(0);
    expect((JSON.parse(offline.stdout) as unknown[]).length).toBe(records.length);
    expect(offline.stderr).toMatch(/HTTP 503/);
  });

  it('installs server-everything from the npm registry at its pinned version, runs it, lists its tools through the connector', async () => {
    const version = (
      JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      }
    ).devDependencies['@modelcontextprotocol/server-everything']!;
    const { cli, dataDir, running, status } = await setup();
    const added = await cli([
      'add',
      '--registry',
      `io.github.modelcontextprotocol/everything@${version}`,
      '--json',
    ]);
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toMatchObject({ id: 'everything', source: 'registry', version });
    // A first run downloads the package with npx into this test's own HOME.
    await running('everything', 240_000);
    const settings = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as {
      instances: { launch: { command: string; args: string[] } }[];
    };
    expect(settings.instances[0]!.launch).toMatchObject({
      command: 'npx',
      args: ['-y', `@modelcontextprotocol/server-everything@${version}`, 'stdio'],
    });
    const client = new Client({ name: 'registry-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [CLI, 'connect', 'everything', '--data-dir', dataDir],
      }),
    );
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('echo');
    const echo = await client.callTool({ name: 'echo', arguments: { message: 'pinned' } });
    expect(JSON.stringify(echo.content)).toContain('pinned');
    await client.close();
    expect((await status()).find((s) => s.id === 'everything')).toMatchObject({
      source: 'registry',
      version,
    });
    expect(JSON.parse((await cli(['outdated', '--json'])).stdout)).toEqual([]);
  }, 300_000);

  it('secrets from stdin, outdated, update shown then applied with --yes, rollback; status shows version and source', async () => {
    // npx stands in (the packages do not exist): it runs the fixture server. SHELL=/bin/false keeps
    // the login shell's PATH from putting the real npx first.
    const bin = path.join(tempDir(), 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(
      path.join(bin, 'npx'),
      `#!/bin/sh\nexec "${process.execPath}" "${path.join(FIXTURES, 'fixture-server.mjs')}"\n`,
      { mode: 0o755 },
    );
    const { cli, status, running, dataDir } = await setup({
      PATH: `${bin}:${process.env.PATH}`,
      SHELL: '/bin/false',
    });
    const added = await cli(
      ['add', '--registry', 'io.github.example/weather@1.2.3', '--as', 'wx', '--config', 'units=imperial'],
      'key-from-stdin\n',
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('wx: io.github.example/weather@1.2.3 (npm)');
    expect(added.stdout).toContain('Runs: npx -y @example/weather-mcp@1.2.3');
    await running('wx');
    expect(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).not.toContain('key-from-stdin');
    expect((await status()).find((s) => s.id === 'wx')).toMatchObject({
      version: '1.2.3',
      source: 'registry',
    });

    expect(JSON.parse((await cli(['outdated', '--json'])).stdout)).toEqual([
      { id: 'wx', name: 'io.github.example/weather', current: '1.2.3', latest: '1.4.0' },
    ]);
    const asked = await cli(['update', 'wx', '--no-trial']);
    expect(asked.status).toBe(1);
    expect(asked.stdout).toContain('wx: io.github.example/weather 1.2.3 → 1.4.0');
    expect(asked.stdout).toContain('after:  npx -y @example/weather-mcp@1.4.0 --units imperial europe');
    expect(asked.stdout).toContain('new variables: WEATHER_LOG');
    expect(asked.stdout).toContain('Not updated. Run again with --yes to apply.');
    expect((await status()).find((s) => s.id === 'wx')!.version).toBe('1.2.3');

    const applied = await cli(['update', 'wx', '--yes', '--json']);
    expect(applied.status).toBe(0);
    const result = JSON.parse(applied.stdout) as {
      applied: boolean;
      plan: { tools: unknown };
      instance: Status;
    };
    expect(result.applied).toBe(true);
    expect(result.plan.tools).toEqual({ added: [], removed: [], changed: [] });
    expect(result.instance).toMatchObject({ id: 'wx', version: '1.4.0', source: 'registry' });
    await running('wx');
    expect(JSON.parse((await cli(['outdated', '--json'])).stdout)).toEqual([]);

    const back = await cli(['rollback', 'wx', '--json']);
    expect(back.status).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ id: 'wx', version: '1.2.3' });
    const again = await cli(['add', '--registry', 'io.github.example/old-search']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/deprecated: Use io.github.example\/search instead/);
  }, 120_000);
});
