import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { CLI, FIXTURES, ROOT, cliJson, serveCore, until } from '../../../test/core/support/served-core';

const FIXTURE = path.join(FIXTURES, 'fixture-server.mjs');
const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
const INSPECTOR = path.join(ROOT, 'scripts/peers/node_modules/.bin/mcp-inspector');
const NODE22 = path.dirname(process.execPath);

const instance = (id: string, args: string[]) => ({
  id,
  name: id,
  integrationId: 'custom',
  enabled: true,
  createdAt: new Date().toISOString(),
  launch: { command: process.execPath, args, env: {} },
  userConfig: {},
  secretFields: [],
  permissions: { level: 'none', allowRead: [], allowWrite: [], allowNet: [] },
});

/** A data folder with server-everything and the fixture server, a profile "Work", and Cursor on it. */
async function setup(extra: Record<string, unknown> = {}) {
  const home = tempDir();
  const dataDir = path.join(home, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      instances: [instance('everything', [EVERYTHING, 'stdio']), instance('fixture', [FIXTURE])],
      profiles: [{ name: 'Work', services: [{ instance: 'fixture', tools: ['echo'] }] }],
      clients: { cursor: { selected: [], applied: [], transport: 'stdio', profile: 'Work' } },
      ...extra,
    }),
  );
  const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
  await serveCore(dataDir, env);
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
  await until(() => {
    const states = cliJson<{ id: string; state: string }[]>(dataDir, ['status']);
    return states.every((s) => s.state === 'running');
  }, 'both services running');
  return { home, dataDir, cli };
}

/** A real MCP client through the connector, counting `tools/list_changed`. */
async function connect(dataDir: string, args: string[], name = 'test-client') {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'connect', ...args, '--data-dir', dataDir],
    stderr: 'pipe',
  });
  const client = new Client({ name, version: '1.0.0' }, { capabilities: {} });
  let listChanged = 0;
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => void listChanged++);
  await client.connect(transport);
  const names = async () => (await client.listTools()).tools.map((t) => t.name).sort();
  return { client, names, listChanged: () => listChanged };
}

const text = (result: unknown) => (result as { content: { text: string }[] }).content[0]!.text;

describe('profiles through the connector, with real servers', () => {
  it('gives two clients different tools of the same running server, refuses a call outside the profile by name, and re-lists only the sessions a change affects', async () => {
    const { dataDir, cli } = await setup();
    const cursor = await connect(dataDir, ['fixture', '--client', 'cursor'], 'cursor');
    const claude = await connect(dataDir, ['fixture', '--client', 'claude-desktop'], 'claude');
    expect(await cursor.names()).toEqual(['echo']);
    expect(await claude.names()).toEqual(['echo', 'read_env']);

    await expect(cursor.client.callTool({ name: 'read_env', arguments: { name: 'HOME' } })).rejects.toThrow(
      /not in the profile "Work"/,
    );
    expect(text(await claude.client.callTool({ name: 'read_env', arguments: { name: 'NOPE' } }))).toBe(
      '<unset>',
    );
    expect(text(await cursor.client.callTool({ name: 'echo', arguments: { message: 'hi' } }))).toBe('hi');

    // An entry naming its own profile wins over the client's; an unknown one is refused in words.
    const own = await connect(dataDir, ['fixture', '--client', 'cursor', '--profile', 'Everything']);
    expect(await own.names()).toEqual(['echo', 'read_env']);
    const unknown = spawnSync(
      process.execPath,
      [CLI, 'connect', 'fixture', '--profile', 'Nope', '--data-dir', dataDir],
      {
        input: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }) + '\n',
        encoding: 'utf8',
      },
    );
    expect(unknown.stdout).toMatch(/no profile called \\?"Nope\\?"/);

    const add = cli('profiles', 'add', 'Work', 'fixture:read_env');
    expect(add.status, add.stderr).toBe(0);
    await until(() => cursor.listChanged() > 0, 'Cursor told to re-list');
    expect(await cursor.names()).toEqual(['echo', 'read_env']);
    // A round trip on the others: anything sent to them before it has arrived by now.
    expect(await claude.names()).toEqual(['echo', 'read_env']);
    expect(claude.listChanged()).toBe(0);
    expect(own.listChanged()).toBe(0);

    // Moving Claude Desktop to Work: only its session hears of it.
    const before = cursor.listChanged();
    cli('profiles', 'remove', 'Work', 'fixture:read_env');
    await until(() => cursor.listChanged() > before, 'Cursor re-lists after the tool left');
    expect(cli('clients', 'profile', 'claude-desktop', 'Work').status).toBe(0);
    await until(() => claude.listChanged() > 0, 'Claude re-lists after its profile changed');
    expect(await claude.names()).toEqual(['echo']);
    expect(own.listChanged()).toBe(0);

    const profiles = cliJson<{ name: string; clients: string[] }[]>(dataDir, ['profiles']);
    expect(profiles.find((p) => p.name === 'Work')!.clients).toEqual(['claude-desktop', 'cursor']);
    await Promise.all([cursor.client.close(), claude.client.close(), own.client.close()]);
  }, 60_000);

  it('serves a profile as one combined server: prefixed tools, resources and prompts, calls logged under the real service, and a service restarting leaves and comes back', async () => {
    const { dataDir, cli } = await setup();
    const combined = await connect(dataDir, ['--profile', 'Everything'], 'combined-client');
    const names = await combined.names();
    expect(names).toContain('everything__echo');
    expect(names).toContain('fixture__echo');
    expect(names).toContain('fixture__read_env');
    expect(names.every((n) => /^(everything|fixture)__[A-Za-z0-9_-]+$/.test(n) && n.length <= 64)).toBe(true);

    expect(
      text(await combined.client.callTool({ name: 'fixture__echo', arguments: { message: 'one' } })),
    ).toBe('one');
    expect(
      text(await combined.client.callTool({ name: 'everything__echo', arguments: { message: 'two' } })),
    ).toMatch(/two/);
    const resources = (await combined.client.listResources()).resources;
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.every((r) => r.uri.startsWith('everything+') && r.name.startsWith('everything__'))).toBe(
      true,
    );
    const read = await combined.client.readResource({ uri: resources[0]!.uri });
    expect(read.contents[0]!.uri).toBe(resources[0]!.uri.slice('everything+'.length));
    const prompts = (await combined.client.listPrompts()).prompts;
    expect(prompts.every((p) => p.name.startsWith('everything__'))).toBe(true);
    const simple = prompts.find((p) => !p.arguments?.some((a) => a.required))!;
    expect((await combined.client.getPrompt({ name: simple.name })).messages.length).toBeGreaterThan(0);

    type Logged = { instanceId: string; tool: string; client: { name: string } };
    const records = () =>
      cli('logs', '--json')
        .stdout.split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Logged);
    const calls = await until(() => records().length >= 2 && records(), 'two calls logged');
    const logged = calls.map((r) => [r.instanceId, r.tool, r.client.name]);
    expect(logged).toContainEqual(['fixture', 'echo', 'combined-client']);
    expect(logged).toContainEqual(['everything', 'echo', 'combined-client']);

    // The fixture dies: its tools leave with list_changed, and come back when it runs again
    // (after a 1 s restart pause). What the client lists at each notification is kept.
    const seen: string[][] = [];
    combined.client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      seen.push(await combined.names());
    });
    const pid = cliJson<{ id: string; pid: number }[]>(dataDir, ['status']).find(
      (s) => s.id === 'fixture',
    )!.pid;
    process.kill(pid, 'SIGKILL');
    await until(() => seen.some((names) => !names.includes('fixture__echo')), 'fixture tools gone');
    const gone = seen.findIndex((names) => !names.includes('fixture__echo'));
    expect(seen[gone]).toContain('everything__echo');
    await until(
      () => seen.slice(gone).some((names) => names.includes('fixture__echo')),
      'fixture tools back',
    );
    expect(
      text(await combined.client.callTool({ name: 'fixture__echo', arguments: { message: 'back' } })),
    ).toBe('back');

    // A profile with only the fixture's echo: the combined entry of Cursor shows just that.
    const cursor = await connect(dataDir, ['--client', 'cursor'], 'cursor');
    expect(await cursor.names()).toEqual(['fixture__echo']);
    await expect(
      cursor.client.callTool({ name: 'everything__echo', arguments: { message: 'x' } }),
    ).rejects.toThrow(/^MCP error -32602: MCP Tray: there is no tool "everything__echo"/);
    await Promise.all([combined.client.close(), cursor.client.close()]);
  }, 90_000);

  it.skipIf(!fs.existsSync(INSPECTOR))(
    'MCP Inspector (as Claude Code would) connects through the combined entry `clients write --combined` wrote',
    async () => {
      const { home, cli } = await setup();
      const write = cli('clients', 'write', 'claude-code', '--combined');
      expect(write.status, write.stderr).toBe(0);
      const file = path.join(home, '.claude.json');
      const written = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(Object.keys(written.mcpServers)).toEqual(['mcp-tray']);
      expect(written.mcpServers['mcp-tray'].args).toContain('--client');
      const run = spawnSync(
        INSPECTOR,
        ['--cli', '--config', file, '--server', 'mcp-tray', '--method', 'tools/list'],
        { encoding: 'utf8', env: { ...process.env, PATH: `${NODE22}:${process.env.PATH}` }, timeout: 60_000 },
      );
      const tools = (JSON.parse(run.stdout).tools as { name: string }[]).map((t) => t.name);
      expect(tools).toContain('fixture__echo');
      expect(tools).toContain('everything__echo');
      const clients = JSON.parse(cli('clients', '--json').stdout) as {
        id: string;
        entryMode: string;
        configured: string[];
      }[];
      expect(clients.find((c) => c.id === 'claude-code')).toMatchObject({
        entryMode: 'combined',
        configured: ['everything', 'fixture'],
      });
    },
    90_000,
  );
});
