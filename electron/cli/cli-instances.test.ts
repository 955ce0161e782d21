import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alive, until } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/mcp-tray.mjs');
const FIXTURE = path.join(ROOT, 'electron/core/supervisor/fixtures/fixture-server.mjs');
const realKeyring = process.env.MCP_TRAY_TEST_KEYRING === '1';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

type Status = {
  id: string;
  name: string;
  state: string;
  pid: number | null;
  tools: number;
  reason: string | null;
};

function instance(id: string, env: Record<string, string> = {}) {
  return {
    id,
    name: id,
    integrationId: 'custom',
    enabled: true,
    createdAt: new Date().toISOString(),
    launch: { command: process.execPath, args: [FIXTURE], env },
    userConfig: {},
    secretFields: [],
  };
}

async function serve(
  home: string,
  instances: ReturnType<typeof instance>[] | null = [],
  env: NodeJS.ProcessEnv = {},
) {
  const dataDir = path.join(home, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  if (instances) fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ instances }));
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, HOME: home, ...env },
    },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, dataDir };
}

function cli(dataDir: string, args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { encoding: 'utf8', input });
}

function status(dataDir: string): Status[] {
  const result = cli(dataDir, ['status', '--json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Status[];
}

async function allRunning(dataDir: string, count: number) {
  let last: Status[] = [];
  return until(() => {
    last = status(dataDir);
    return last.length === count && last.every((s) => s.state === 'running') && last;
  }, `${count} running instances`).catch((error: Error) => {
    throw new Error(`${error.message}; last status: ${JSON.stringify(last)}`);
  });
}

function grandchildOf(dataDir: string, id: string, kind = 'grandchild'): number {
  const log = fs.readFileSync(path.join(dataDir, 'logs', 'instances', `${id}.stderr.log`), 'utf8');
  return Number(new RegExp(`${kind} (\\d+)`).exec(log)![1]);
}

/** The pid a fixture logged once it is there (a daemon is reported after its middle process exits). */
const loggedPid = (dataDir: string, id: string, kind: string) =>
  until(() => {
    try {
      return grandchildOf(dataDir, id, kind) || undefined;
    } catch {
      return undefined;
    }
  }, `${id}'s ${kind}`);

describe('mcp-tray instance commands against a running core', () => {
  it('says MCP Tray is not running (exit 3) when no core runs', () => {
    const result = cli(path.join(tempDir(), 'data'), ['status']);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/MCP Tray is not running for .*Start it with "mcp-tray serve"/);
  });

  // Four starts inside the sandbox (bubblewrap, seccomp): more than the default 30 s on a loaded machine.
  it('adds, lists, restarts, disables, enables and removes a server', { timeout: 90_000 }, async () => {
    const { dataDir } = await serve(tempDir());
    const added = cli(dataDir, [
      'add',
      'notes',
      '--name',
      'My notes',
      '--env',
      'MODE=test',
      '--',
      process.execPath,
      FIXTURE,
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^notes: starting/);
    const [notes] = await allRunning(dataDir, 1);
    expect(notes).toMatchObject({ id: 'notes', name: 'My notes', state: 'running', tools: 2 });
    expect(notes!.pid).toBeGreaterThan(0);

    expect(cli(dataDir, ['restart', 'notes']).status).toBe(0);
    const [restarted] = await allRunning(dataDir, 1);
    expect(restarted!.pid).not.toBe(notes!.pid);
    expect(alive(notes!.pid!)).toBe(false);

    const disabled = cli(dataDir, ['disable', 'notes', '--json']);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ id: 'notes', state: 'disabled', pid: null });
    expect(alive(restarted!.pid!)).toBe(false);
    // Each value under its own heading: the sandbox under SANDBOX, the reason once, under REASON.
    const offRow = cli(dataDir, ['status']).stdout.split('\n')[1]!;
    expect(offRow.split(/\s{2,}/)).toEqual(['notes', 'disabled', '-', '2', 'sandboxed', 'Disabled by you']);
    expect(cli(dataDir, ['enable', 'notes']).status).toBe(0);
    await allRunning(dataDir, 1);

    const human = cli(dataDir, ['status']).stdout;
    expect(human).toMatch(/^ID\s+STATE\s+PID\s+TOOLS\s+SANDBOX\s+REASON/);
    // A server of the user's own is sandboxed (standard) unless they relax it.
    expect(human).toMatch(/notes\s+running\s+\d+\s+2\s+sandboxed/);

    expect(cli(dataDir, ['remove', 'notes']).stdout).toBe('notes: removed\n');
    expect(status(dataDir)).toEqual([]);
    const missing = cli(dataDir, ['restart', 'notes']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('There is no service called "notes"');
  });

  it('says why a server is retrying and when, in one sentence', async () => {
    const crashing = instance('crashing');
    crashing.launch.args = ['-e', 'console.error("Error: no config file."); process.exit(1)'];
    const { dataDir } = await serve(tempDir(), [crashing]);
    const row = await until(
      () =>
        cli(dataDir, ['status'])
          .stdout.split('\n')
          .find((line) => line.startsWith('crashing  ') && line.includes('backoff')),
      'a backoff row',
    );
    expect(row).toMatch(/no config file; restarting in \d+ s$/);
    expect(row).not.toContain('.;');
    const backoff = await until(() => status(dataDir).find((s) => s.state === 'backoff'), 'backoff');
    expect(backoff.reason).toBe('The server exited with code 1: Error: no config file.');
  });

  it('rejects bad input with a specific message', async () => {
    const { dataDir } = await serve(tempDir());
    const badId = cli(dataDir, ['add', 'Bad Id', '--', 'node']);
    expect(badId.status).toBe(2);
    expect(badId.stderr).toBe(
      'mcp-tray: "Bad Id" cannot be a service id: use 1–63 lowercase letters, digits and dashes, ' +
        'starting with a letter or digit, such as "bad-id" (--name sets the name you see)\n',
    );
    expect(badId.stderr).not.toContain('addCustomInstance');
    const noCommand = cli(dataDir, ['add', 'x']);
    expect(noCommand.status).toBe(2);
    expect(noCommand.stderr).toContain('add needs the command after "--"');
    const badEnv = cli(dataDir, ['add', 'x', '--env', 'NOEQUALS', '--', 'node']);
    expect(badEnv.stderr).toContain('--env takes NAME=value');
  });

  it.skipIf(!realKeyring)(
    'takes secret env values from stdin into the keychain, never into files',
    async () => {
      const { dataDir } = await serve(tempDir());
      const added = cli(
        dataDir,
        [
          'add',
          'vault',
          '--secret-env',
          'API_TOKEN',
          '--secret-env',
          'OTHER',
          '--',
          process.execPath,
          FIXTURE,
        ],
        'tok-1234567890-secret\nother-secret-value\n',
      );
      expect(added.stderr).toBe('');
      await allRunning(dataDir, 1);
      const files = fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' });
      for (const file of files) {
        const full = path.join(dataDir, file);
        if (!fs.statSync(full).isFile() || full.endsWith('.sock')) continue;
        expect(fs.readFileSync(full, 'utf8')).not.toContain('tok-1234567890-secret');
      }
      expect(cli(dataDir, ['remove', 'vault']).status).toBe(0);
      const lookup = spawnSync('secret-tool', [
        'lookup',
        'service',
        'MCP Tray',
        'account',
        'vault:env.API_TOKEN',
      ]);
      expect(lookup.stdout.toString()).toBe('');
    },
  );

  it('with no keychain, refuses secrets with a clear message and writes them nowhere', async () => {
    const { dataDir } = await serve(tempDir(), [], {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      DISPLAY: '',
    });
    const added = cli(
      dataDir,
      ['add', 'vault', '--secret-env', 'API_TOKEN', '--', process.execPath, FIXTURE],
      'tok-abc-secret\n',
    );
    expect(added.status).toBe(1);
    expect(added.stderr).toMatch(
      /No usable keychain \(Secret Service\).*never stores secrets in plain files/,
    );
    expect(status(dataDir)).toEqual([]);
    for (const file of fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(dataDir, file);
      if (fs.statSync(full).isFile() && !full.endsWith('.sock')) {
        expect(fs.readFileSync(full, 'utf8')).not.toContain('tok-abc-secret');
      }
    }
  });

  it('keeps instances across a restart of the core', async () => {
    const home = tempDir();
    const first = await serve(home);
    expect(cli(first.dataDir, ['add', 'keep', '--', process.execPath, FIXTURE]).status).toBe(0);
    await allRunning(first.dataDir, 1);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGTERM');
    await exited;
    const second = await serve(home, null);
    const [kept] = await allRunning(second.dataDir, 1);
    expect(kept).toMatchObject({ id: 'keep', state: 'running' });
  });

  it('leaves no server process behind when the core is killed with SIGKILL', async () => {
    const { child, dataDir } = await serve(tempDir(), [
      instance('stubborn', { FIXTURE_IGNORE_SIGTERM: '1', FIXTURE_GRANDCHILD: '1' }),
      instance('plain'),
    ]);
    const list = await allRunning(dataDir, 2);
    const pids = [...list.map((s) => s.pid!), grandchildOf(dataDir, 'stubborn')];
    expect(pids.every(alive)).toBe(true);
    child.kill('SIGKILL');
    await until(() => pids.every((pid) => !alive(pid)), 'every server process to be gone', 10_000);
  });

  it.skipIf(process.platform !== 'linux')(
    "a server's daemon (setsid, double fork) does not outlive the core, killed or quitting",
    async () => {
      for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
        const { child, dataDir } = await serve(tempDir(), [instance('daemonizer', { FIXTURE_DAEMON: '1' })]);
        const [server] = await allRunning(dataDir, 1);
        const daemon = await loggedPid(dataDir, 'daemonizer', 'daemon');
        expect(alive(daemon)).toBe(true);
        // In no process group of the server's, and no longer its descendant.
        expect(fs.readFileSync(`/proc/${daemon}/stat`, 'utf8')).not.toContain(` ${server!.pid} `);
        child.kill(signal);
        await until(() => !alive(daemon) && !alive(server!.pid!), `the daemon gone after ${signal}`, 10_000);
      }
    },
  );

  it('stops every server on a normal quit (SIGTERM)', async () => {
    const { child, dataDir } = await serve(tempDir(), [
      instance('stubborn', { FIXTURE_IGNORE_SIGTERM: '1', FIXTURE_GRANDCHILD: '1' }),
      instance('plain'),
    ]);
    const list = await allRunning(dataDir, 2);
    const pids = [...list.map((s) => s.pid!), grandchildOf(dataDir, 'stubborn')];
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
  });
});
