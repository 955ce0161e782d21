import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import type {
  ClientEntry,
  InstanceDetail,
  OrphanSecrets,
  Preferences,
  ToolCallRecord,
} from '../shared/contract';
import { TestBrowser } from '../../test/core/auth/test-browser';
import { silentLogger } from '../core/platform/logger';
import { startRemoteServer } from '../../test/core/remote/test-remote-server';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import { CLI, FIXTURES, seedSettings, serveCore, until } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';
import { bundleZip, guardedFixture, weatherManifest } from '../../test/core/support/weather-bundle';
import { COMMANDS } from './args';

const FIXTURE = path.join(FIXTURES, 'fixture-server.mjs');
// The served core keeps secrets in the real keychain (scripts/with-keyring.sh provides one).
const realKeyring = process.env.MCP_TRAY_TEST_KEYRING === '1';

type Run = { status: number | null; stdout: string; stderr: string };

/** Every test gets its own HOME and data folder, and a real `mcp-tray serve` on them. */
async function setup(files: Record<string, string> = {}) {
  const home = tempDir();
  const dataDir = path.join(home, 'data');
  seedSettings(dataDir, [{ id: 'notes', args: [FIXTURE] }]);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(home, name)), { recursive: true });
    fs.writeFileSync(path.join(home, name), text);
  }
  const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
  await serveCore(dataDir, env);
  /** Runs without blocking this process (some tests serve HTTP from here meanwhile). */
  const cli = (args: string[], input = ''): Promise<Run> => {
    const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(input);
    return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
  };
  const json = async <T>(args: string[]): Promise<T> => {
    const run = await cli([...args, '--json']);
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as T;
  };
  await until(
    async () => (await json<{ state: string }[]>(['status']))[0]?.state === 'running',
    'notes running',
    30_000,
  );
  return { home, dataDir, cli, json };
}

describe('mcp-tray --help', () => {
  it('every command has its own help, which names it and differs from the overview', () => {
    const overview = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    for (const command of COMMANDS) {
      const run = spawnSync(process.execPath, [CLI, command, '--help'], { encoding: 'utf8' });
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`^Usage:\\s+mcp-tray ${command}\\b`));
      expect(run.stdout, command).not.toBe(overview);
    }
    expect(overview).toContain('mcp-tray <command> --help');
  }, 60_000);
});

describe('the CLI against a running core', () => {
  it('call with --arg and --json, logs --limit and --since, tools disable and enable', async () => {
    const { cli, json, dataDir } = await setup();
    const first = await cli(['call', 'notes', 'echo', '--arg', 'message=first']);
    expect(first).toMatchObject({ status: 0, stdout: 'first\n' });
    // A value that reads as JSON is sent as JSON: a number here, which the tool's schema refuses.
    const typed = await cli(['call', 'notes', 'echo', '--arg', 'message=42']);
    expect(typed.status).toBe(1);
    const between = new Date().toISOString();
    const second = await cli(['call', 'notes', 'echo', '--json', '{"message":"second"}']);
    expect(second).toMatchObject({ status: 0, stdout: 'second\n' });
    expect((await cli(['call', 'notes', 'echo', '--json', '[1]'])).stderr).toContain('takes a JSON object');

    const lines = async (args: string[]) =>
      (await cli(['logs', '--json', ...args])).stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ToolCallRecord);
    expect((await lines([])).map((r) => r.arguments)).toEqual([
      { message: 'first' },
      { message: 42 },
      { message: 'second' },
    ]);
    expect((await lines(['--limit', '1'])).map((r) => r.arguments)).toEqual([{ message: 'second' }]);
    expect((await lines(['--since', between])).map((r) => r.arguments)).toEqual([{ message: 'second' }]);
    expect(await lines(['--since', '10m'])).toHaveLength(3);
    expect(await lines(['--since', new Date(Date.now() + 60_000).toISOString()])).toEqual([]);
    const badSince = await cli(['logs', '--since', 'yesterday']);
    expect(badSince.status).toBe(2);
    expect(badSince.stderr).toContain('--since takes a duration such as 30s, 10m, 2h or 7d');
    expect((await cli(['logs', '--limit', '0'])).stderr).toContain('--limit takes a number from 1 to 1000');

    const off = await cli(['tools', 'disable', 'notes', '--tool', 'read_env']);
    expect(off.stdout).toContain('Tools turned off for notes: read_env');
    // The names `call` takes, from the CLI itself; one that is off says so.
    const list = await cli(['tools', 'list', 'notes']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(
      /^notes: 2 tools\n {2}echo +\S.*\n {2}read_env \(off\) +\S.*\n\nCall one with: mcp-tray call notes <tool>/,
    );
    expect(
      (await json<{ name: string; enabled: boolean }[]>(['tools', 'list', 'notes'])).map((t) => [
        t.name,
        t.enabled,
      ]),
    ).toEqual([
      ['echo', true],
      ['read_env', false],
    ]);
    // What an AI client sees through the connector: the tool that is off is gone.
    const listed = async () => {
      const client = new Client({ name: 'Claude Code', version: '1.0.0' }, { capabilities: {} });
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [CLI, 'connect', 'notes', '--data-dir', dataDir],
        }),
      );
      const names = (await client.listTools()).tools.map((t) => t.name);
      await client.close();
      return names;
    };
    expect(await listed()).toEqual(['echo']);
    expect((await json<{ disabledTools: string[] }>(['settings', 'notes'])).disabledTools).toEqual([
      'read_env',
    ]);
    expect((await cli(['tools', 'enable', 'notes', '--tool', 'read_env'])).status).toBe(0);
    expect(await listed()).toEqual(['echo', 'read_env']);
  }, 90_000);

  it('settings shows and changes timeouts; preferences get and set; diagnostics writes a zip', async () => {
    const { cli, json } = await setup();
    type Settings = { requestTimeoutMs: number; requestTimeoutIsDefault: boolean; startTimeoutMs: number };
    const before = await json<Settings>(['settings', 'notes']);
    expect(before.requestTimeoutIsDefault).toBe(true);
    const changed = await json<Settings>([
      'settings',
      'notes',
      '--request-timeout',
      '45s',
      '--start-timeout',
      '2m',
    ]);
    expect(changed).toMatchObject({
      requestTimeoutMs: 45_000,
      requestTimeoutIsDefault: false,
      startTimeoutMs: 120_000,
    });
    const words = await cli(['settings', 'notes']);
    expect(words.stdout).toContain('Request timeout: 45 s');
    expect(words.stdout).toContain('Start timeout: 120 s');
    const reset = await json<Settings>(['settings', 'notes', '--request-timeout', 'default']);
    expect(reset).toMatchObject({ requestTimeoutMs: before.requestTimeoutMs, requestTimeoutIsDefault: true });
    // Out of range: refused in words (a usage error), not as the core's schema error in ms.
    const tooShort = await cli(['settings', 'notes', '--request-timeout', '10ms']);
    expect(tooShort.status).toBe(2);
    expect(tooShort.stderr).toBe('mcp-tray: --request-timeout takes 1 s to 1 h, or "default"; not "10ms"\n');
    const tooLong = await cli(['settings', 'notes', '--start-timeout', '2h']);
    expect(tooLong.status).toBe(2);
    expect(tooLong.stderr).toBe('mcp-tray: --start-timeout takes 1 s to 10 min, or "default"; not "2h"\n');
    expect((await cli(['settings', 'notes', '--request-timeout', 'soon'])).status).toBe(2);

    expect(await json<Preferences>(['preferences'])).toMatchObject({ theme: 'system', driftPolicy: 'ask' });
    const set = await json<Preferences>([
      'preferences',
      'set',
      'theme=dark',
      'logRetentionDays=7',
      'launchAtLogin=true',
    ]);
    expect(set).toMatchObject({ theme: 'dark', logRetentionDays: 7, launchAtLogin: true });
    expect(await json<Preferences>(['preferences'])).toEqual(set);
    const bad = await cli(['preferences', 'set', 'theme=purple']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('theme cannot be "purple"');

    const exported = await json<{ path: string; files: string[] }>(['diagnostics']);
    expect(fs.readFileSync(exported.path).subarray(0, 4).toString('hex')).toBe('504b0304');
    expect(exported.files.length).toBeGreaterThan(0);
  }, 90_000);

  it('clients import adopts a client’s own server and points its entry at MCP Tray', async () => {
    const configFile = '.config/Claude/claude_desktop_config.json';
    const own = { mcpServers: { 'My Tools': { command: process.execPath, args: [FIXTURE] } } };
    const { cli, json, home, dataDir } = await setup({ [configFile]: JSON.stringify(own, null, 2) });
    const listed = await json<ClientEntry[]>(['clients', 'import', 'claude-desktop']);
    expect(listed.map((e) => e.name)).toEqual(['My Tools']);
    const run = await cli(['clients', 'import', 'claude-desktop', 'My Tools']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('my-tools: imported');
    const servers = JSON.parse(fs.readFileSync(path.join(home, configFile), 'utf8')).mcpServers;
    // Through the stable launcher MCP Tray refreshes at every start.
    expect(servers['my-tools'].command).toBe(path.join(dataDir, 'runtime', 'mcp-tray'));
    expect(servers['my-tools'].args).toEqual(['connect', 'my-tools', '--data-dir', dataDir]);
    expect((await cli(['clients', 'import', 'claude-desktop', 'Nope'])).status).toBe(1);
  }, 90_000);
});

// Runs only with the key from the keychain; then it is the fixture (echo and read_env).
const BUNDLE_SERVER = guardedFixture(
  "if (!process.env.WEATHER_KEY) { process.stderr.write('no key\\n'); process.exit(1); }",
);
const MANIFEST = weatherManifest({
  args: ['${__dirname}/server.mjs'],
  env: { WEATHER_KEY: '${user_config.api_key}', UNITS: '${user_config.units}' },
});

describe.skipIf(!realKeyring)('the CLI with the real keychain', () => {
  it('install adds an .mcpb; settings changes a setting and a secret; secrets orphans lists and removes', async () => {
    const { home, cli, json } = await setup();
    const bundle = path.join(home, 'weather.mcpb');
    fs.writeFileSync(bundle, bundleZip(MANIFEST, BUNDLE_SERVER));
    const id = `weather-${randomBytes(3).toString('hex')}`;
    const keychain = new KeytarSecretStore(silentLogger);
    onTestFinished(async () => void (await keychain.deleteAllFor(id)));
    // Without --yes and without a terminal to confirm on, nothing is added.
    const unconfirmed = await cli(['install', bundle, '--as', id]);
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stdout).toContain('runs: node');
    expect(unconfirmed.stdout).toContain('Not added');
    const installed = await cli(
      ['install', bundle, '--as', id, '--yes', '--config', 'units=imperial'],
      'k-1\n',
    );
    expect(installed.status, installed.stderr).toBe(0);
    const read = async (name: string) =>
      until(
        async () => {
          const run = await cli(['call', id, 'read_env', '--arg', `name=${name}`]);
          return run.status === 0 && run.stdout.trim();
        },
        `${name} from ${id}`,
        30_000,
      );
    expect(await read('WEATHER_KEY')).toBe('k-1');
    expect(await read('UNITS')).toBe('imperial');

    const settings = await cli(['settings', id]);
    // With the titles of the bundle's own manifest, as its Settings tab shows them.
    expect(settings.stdout).toContain('API key (api_key): set, in the keychain');
    expect(settings.stdout).toContain('Units (units): "imperial"');
    const changed = await cli(['settings', id, '--config', 'units=metric', '--secret', 'api_key'], 'k-2\n');
    expect(changed.status, changed.stderr).toBe(0);
    await until(async () => (await read('WEATHER_KEY')) === 'k-2', 'the new key', 30_000);
    expect(await read('UNITS')).toBe('metric');
    expect(JSON.stringify(await json<InstanceDetail>(['settings', id]))).not.toContain('k-2');
    // Known to be secret from the manifest: refused before anything is sent, with what to use.
    const plain = await cli(['settings', id, '--config', 'api_key=x']);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain('"api_key" is secret: use --secret api_key');

    const orphan = `gone-${randomBytes(3).toString('hex')}`;
    onTestFinished(async () => void (await keychain.deleteAllFor(orphan)));
    await keychain.set(`${orphan}:env:API_KEY`, 'stale');
    const orphans = await json<OrphanSecrets[]>(['secrets', 'orphans']);
    expect(orphans).toContainEqual({ instanceId: orphan, fields: ['env:API_KEY'] });
    expect(orphans.map((o) => o.instanceId)).not.toContain(id);
    expect((await cli(['secrets', 'orphans'])).stdout).toContain(`${orphan}: env:API_KEY`);
    // Only this test's orphan: other test files share the keychain of this run.
    const removed = await cli(['secrets', 'orphans', '--remove', '--instance', orphan]);
    expect(removed.stdout).toContain('Removed 1 keychain item');
    expect(await keychain.get(`${orphan}:env:API_KEY`)).toBeNull();
    expect((await json<OrphanSecrets[]>(['secrets', 'orphans'])).map((o) => o.instanceId)).not.toContain(
      orphan,
    );
    expect((await cli(['remove', id])).status).toBe(0);
  }, 90_000);

  it('auth --cancel stops a waiting sign-in; signout ends one', async () => {
    const server = await startRemoteServer();
    onTestFinished(() => server.close());
    const { cli, dataDir } = await setup();
    const id = `remote-${randomBytes(3).toString('hex')}`;
    onTestFinished(async () => void (await new KeytarSecretStore(silentLogger).deleteAllFor(id)));
    expect((await cli(['add', id, '--url', server.url])).status).toBe(0);

    /** `auth --no-browser` in the background: the URL it prints, and how it ends. */
    const startAuth = async () => {
      const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'auth', id, '--no-browser']);
      onTestFinished(() => void (child.exitCode === null && child.kill('SIGKILL')));
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const ended = new Promise<Run>((resolve) =>
        child.once('close', (status) => resolve({ status, stdout, stderr })),
      );
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const found = /(https?:\/\/\S+)/.exec(stdout);
          if (found && stdout.includes('Waiting')) resolve(found[1]!);
        });
        void ended.then((run) => reject(new Error(`auth ended before its URL: ${run.stderr}`)));
      });
      return { url, ended };
    };
    const waiting = await startAuth();
    const cancel = await cli(['auth', id, '--cancel']);
    expect(cancel).toMatchObject({ status: 0, stdout: `${id}: sign-in cancelled.\n` });
    expect((await waiting.ended).status).toBe(1);
    expect((await cli(['auth', id, '--cancel'])).stdout).toContain('no sign-in was waiting');

    const signIn = await startAuth();
    expect((await new TestBrowser().authorize(signIn.url)).html).toContain('You are signed in');
    expect((await signIn.ended).status).toBe(0);
    const state = async () => {
      const run = await cli(['status', '--json']);
      return (JSON.parse(run.stdout) as { id: string; state: string }[]).find((s) => s.id === id)?.state;
    };
    await until(async () => (await state()) === 'running', 'signed in and running', 20_000);
    const out = await cli(['signout', id]);
    expect(out).toMatchObject({ status: 0 });
    expect(out.stdout).toContain(`${id}: signed out`);
    await until(async () => (await state()) === 'needs-auth', 'needs a sign-in again', 20_000);
  }, 60_000);
});
