import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { PermissionsView } from '../../shared/permissions-contract';
import { tempDir } from '../../../test/core/support/temp-dirs';
import {
  CLI,
  ROOT,
  alive,
  cliJson,
  seedSettings,
  serveCore,
  until,
} from '../../../test/core/support/served-core';

const PROBE = path.join(ROOT, 'electron/core/sandbox/fixtures/probe-server.mjs');
const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
const INSPECTOR = path.join(ROOT, 'scripts/peers/node_modules/.bin/mcp-inspector');
const hasBwrap = spawnSync('bwrap', ['--version']).status === 0;

type Status = { id: string; state: string; reason: string | null; pid: number | null; sandbox: string };

/** A loopback TCP server that answers each connection with `greeting`; counts connections. */
async function greeter(greeting: string): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  // It answers once spoken to: a greeting sent before the proxy's tunnel is up could be lost.
  const server = net.createServer((socket) => {
    count++;
    socket.once('data', () => socket.end(`${greeting}\n`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => void server.close());
  return { port: (server.address() as net.AddressInfo).port, connections: () => count };
}

/** A temp HOME with a planted SSH key, a data dir, a temp folder and a folder to grant. */
function machine() {
  const base = tempDir();
  const home = path.join(base, 'home');
  const dirs = {
    home,
    dataDir: path.join(base, 'data'),
    tmp: path.join(base, 'tmp'),
    grant: path.join(base, 'granted'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(home, '.ssh'), { mode: 0o700 });
  fs.writeFileSync(path.join(home, '.ssh', 'id_fixture'), 'PLANTED-PRIVATE-KEY');
  return dirs;
}

async function client(dataDir: string, id: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'connect', id, '--data-dir', dataDir],
  });
  const c = new Client({ name: 'sandbox-test', version: '1.0.0' }, { capabilities: {} });
  await c.connect(transport);
  onTestFinished(() => void c.close());
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await c.callTool({ name, arguments: args });
    return (result.content as { text: string }[])[0]!.text;
  };
  return { client: c, call };
}

const running = (dataDir: string, id: string) =>
  until(
    () => cliJson<Status[]>(dataDir, ['status']).find((s) => s.id === id && s.state === 'running'),
    `${id} running`,
    30_000,
  );

describe.skipIf(!hasBwrap)('local servers in the OS sandbox (bubblewrap), through the broker', () => {
  it('denies secrets, writes outside its folders and unlisted hosts; allows what the profile grants; logs each denial', async () => {
    const m = machine();
    const allowed = await greeter('hello-allowed');
    const forbidden = await greeter('hello-forbidden');
    seedSettings(m.dataDir, [
      {
        id: 'probe',
        args: [PROBE],
        permissions: {
          level: 'strict',
          allowRead: [],
          allowWrite: [m.grant],
          allowNet: [`127.0.0.1:${allowed.port}`],
        },
      },
    ]);
    const core = await serveCore(m.dataDir, { HOME: m.home, TMPDIR: m.tmp });
    const status = await running(m.dataDir, 'probe');
    expect(status.sandbox).toBe('strict');
    const { call } = await client(m.dataDir, 'probe');

    expect(await call('read_file', { path: path.join(m.home, '.ssh', 'id_fixture') })).toMatch(/^denied/);
    expect(await call('write_file', { path: path.join(m.home, 'outside.txt'), text: 'x' })).toMatch(
      /^denied/,
    );
    expect(fs.existsSync(path.join(m.home, 'outside.txt'))).toBe(false);
    expect(await call('connect', { host: '127.0.0.1', port: forbidden.port })).toMatch(/^denied/);
    expect(forbidden.connections()).toBe(0);

    expect(await call('write_file', { path: path.join(m.grant, 'ok.txt'), text: 'granted' })).toBe('written');
    expect(fs.readFileSync(path.join(m.grant, 'ok.txt'), 'utf8')).toBe('granted');
    const own = path.join(m.dataDir, 'instances', 'probe', 'own.txt');
    expect(await call('write_file', { path: own, text: 'mine' })).toBe('written');
    expect(await call('read_file', { path: own })).toBe('read: mine');
    expect(await call('connect', { host: '127.0.0.1', port: allowed.port })).toBe('connected: hello-allowed');

    // Each denial is a line in the instance's log: the sandbox's network report, and the
    // server's own errors for the file denials (bubblewrap does not report those itself).
    const log = path.join(m.dataDir, 'logs', 'instances', 'probe.stderr.log');
    const text = await until(() => {
      const t = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
      return t.includes(`[sandbox] blocked: deny network-outbound 127.0.0.1:${forbidden.port}`) && t;
    }, 'the blocked connection in the log');
    expect(text).toMatch(/reading .*id_fixture failed/);
    expect(text).toMatch(/writing .*outside\.txt failed/);
    const view = cliJson<PermissionsView>(m.dataDir, ['permissions', 'probe']);
    expect(view.blockedCount).toBeGreaterThanOrEqual(1);
    expect(view.recentBlocked.join('\n')).toContain(`127.0.0.1:${forbidden.port}`);

    // Orphan protection holds inside the sandbox: killing the core leaves no server behind.
    const pid = status.pid!;
    core.kill('SIGKILL');
    await until(() => !alive(pid), 'the sandboxed server gone after the core was killed');
    await until(() => !processesRunning(PROBE), 'no probe-server process left');
  });

  it('runs server-everything sandboxed (standard) through the connector', async () => {
    const m = machine();
    seedSettings(m.dataDir, [
      { id: 'everything', args: [EVERYTHING, 'stdio'], permissions: { level: 'standard' } },
    ]);
    // The home inside the (writable) temp folder, as in a test run: the sandbox must not leave
    // mount points there for secret stores that do not exist (an empty ~/.cursor would make
    // MCP Tray, and other tools, think Cursor is installed).
    await serveCore(m.dataDir, { HOME: m.home, TMPDIR: path.dirname(m.home) });
    expect((await running(m.dataDir, 'everything')).sandbox).toBe('standard');
    const { client: c, call } = await client(m.dataDir, 'everything');
    expect((await c.listTools()).tools.map((t) => t.name)).toContain('echo');
    expect(await call('echo', { message: 'hi from the sandbox' })).toBe('Echo: hi from the sandbox');
    expect(fs.readdirSync(m.home)).toEqual(['.ssh']);
    if (fs.existsSync(INSPECTOR)) {
      const inspect = spawnSync(
        INSPECTOR,
        [
          '--cli',
          process.execPath,
          CLI,
          'connect',
          'everything',
          '--data-dir',
          m.dataDir,
          '--method',
          'tools/call',
          '--tool-name',
          'echo',
          '--tool-arg',
          'message=inspector',
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
          timeout: 60_000,
        },
      );
      expect(inspect.status).toBe(0);
      expect(JSON.parse(inspect.stdout).content[0].text).toBe('Echo: inspector');
    }
  });
});

describe('where the OS cannot sandbox', () => {
  it('does not run a sandboxed instance unconfined: it fails with why and how to fix it; `none` runs', async () => {
    const m = machine();
    seedSettings(m.dataDir, [
      { id: 'boxed', args: [PROBE], permissions: { level: 'standard' } },
      { id: 'open', args: [PROBE], permissions: { level: 'none' } },
    ]);
    // No bubblewrap on this PATH: what a machine without the package looks like to the app.
    await serveCore(m.dataDir, { HOME: m.home, TMPDIR: m.tmp, PATH: path.dirname(process.execPath) });
    const boxed = await until(
      () => cliJson<Status[]>(m.dataDir, ['status']).find((s) => s.id === 'boxed' && s.state === 'failed'),
      'boxed failed',
    );
    expect(boxed.sandbox).toBe('unavailable');
    expect(boxed.reason).toMatch(/bubblewrap|bwrap/i);
    expect(boxed.reason).toMatch(/apt install bubblewrap/);
    // The app's hint pattern for a missing program: the Services list shows "Install bubblewrap".
    expect(boxed.reason).toMatch(/Install bubblewrap \(https:\/\/github\.com\/containers\/bubblewrap\)/);
    expect(boxed.pid).toBeNull();
    const open = await running(m.dataDir, 'open');
    expect(open.sandbox).toBe('none');
  });
});

/** Whether a process whose command line holds every one of `needles` is alive. */
function processesRunning(...needles: string[]): boolean {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .some((pid) => {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return needles.every((n) => cmd.includes(n));
      } catch {
        return false;
      }
    });
}
