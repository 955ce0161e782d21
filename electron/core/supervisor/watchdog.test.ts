import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GUARDIAN_SCRIPT } from '../../../test/core/support/guardian-script';
import { FIXTURES, ROOT, alive, until } from '../../../test/core/support/served-core';
import type { WatchdogHostInput } from '../../../test/core/support/watchdog-host';
import type { Tracker } from './guardian/protocol';
import { Watchdog } from './watchdog';

const SECRET_DAEMON = path.join(ROOT, 'test/core/fixtures/secret-daemon.mjs');
const started: ChildProcessWithoutNullStreams[] = [];
const pids: number[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** The next line of `stream` that matches `pattern`, with its first group. */
async function lineMatching(stream: Readable, pattern: RegExp): Promise<string> {
  for await (const line of readline.createInterface({ input: stream })) {
    const match = pattern.exec(line);
    if (match) return match[1] ?? line;
  }
  throw new Error(`the stream ended before a line matching ${pattern}`);
}

/** Every `kind pid` line the host prints, as they come. */
function hostLines(host: ChildProcessWithoutNullStreams): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  readline.createInterface({ input: host.stdout }).on('line', (line) => {
    const [kind, pid] = line.split(' ');
    if (!kind || !pid) return;
    seen.set(kind, [...(seen.get(kind) ?? []), Number(pid)]);
    pids.push(Number(pid));
  });
  return seen;
}

const relatives = (pid: number) =>
  execFileSync('ps', ['-o', 'ppid=,pgid=', '-p', String(pid)], { encoding: 'utf8' })
    .trim()
    .split(/\s+/)
    .map(Number);

describe('the built guardian', () => {
  it('is one small file that needs nothing but Node, so it starts fast and runs outside app.asar', () => {
    const source = fs.readFileSync(GUARDIAN_SCRIPT, 'utf8');
    const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((name) => !name?.startsWith('node:'))).toEqual([]);
    expect(source.length).toBeLessThan(20_000);
  });
});

describe.skipIf(process.platform === 'win32')('the guardian is started lazily', () => {
  it('with the first watched server, never before it nor after stop', async () => {
    const runtime = { execPath: process.execPath, env: {}, guardianScript: GUARDIAN_SCRIPT };
    const watchdog = new Watchdog(runtime);
    expect(watchdog.pid).toBeUndefined();
    const server = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true });
    try {
      watchdog.watch(server.pid!);
      const guardian = watchdog.pid!;
      expect(alive(guardian)).toBe(true);
      watchdog.watch(server.pid!);
      expect(watchdog.pid).toBe(guardian);
      watchdog.stop();
      // Told to stop, the guardian sweeps the group it watched and exits.
      await until(() => !alive(guardian) && !alive(server.pid!), 'the guardian and its server gone', 10_000);
      watchdog.watch(server.pid!);
      expect(watchdog.pid).toBeUndefined();
    } finally {
      if (alive(server.pid!)) server.kill('SIGKILL');
    }
  });
});

// `proc` is Linux's tracker; `ps` is macOS's, and runs here on Linux with procps's `ps`.
const trackers: Tracker[] = process.platform === 'linux' ? ['proc', 'ps'] : ['ps'];

describe.skipIf(process.platform === 'win32').each(trackers)(
  'the orphan guardian (%s tracker)',
  (tracker) => {
    const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-watchdog-'));
    const hostScript = path.join(buildDir, 'watchdog-host.mjs');
    afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));
    beforeAll(async () => {
      await build({
        entryPoints: [path.join(ROOT, 'test/core/support/watchdog-host.ts')],
        outfile: hostScript,
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'warning',
      });
    });

    it('leaves no server, setsid grandchild or double-forked daemon alive after a SIGKILL of the core', async () => {
      const input: WatchdogHostInput = {
        guardianScript: GUARDIAN_SCRIPT,
        options: { tracker, pollMs: 200 },
        server: path.join(FIXTURES, 'fixture-server.mjs'),
        servers: [{ FIXTURE_IGNORE_SIGTERM: '1', FIXTURE_GRANDCHILD: '1' }, { FIXTURE_DAEMON: '1' }, {}],
      };
      const host = spawn(process.execPath, [hostScript, JSON.stringify(input)]);
      started.push(host);
      const seen = hostLines(host);
      const all = await until(() => {
        const [servers, grandchildren, daemons] = ['server', 'grandchild', 'daemon'].map(
          (k) => seen.get(k) ?? [],
        );
        return (
          servers!.length === 3 &&
          grandchildren!.length === 1 &&
          daemons!.length === 1 && [...servers!, ...grandchildren!, ...daemons!]
        );
      }, 'three servers, a grandchild and a daemon');
      const [daemon] = seen.get('daemon')!;
      // The daemon is in none of our process groups and no longer under any server.
      expect(seen.get('server')).not.toContain(relatives(daemon!)[1]);
      host.kill('SIGKILL');
      await until(() => all.every((pid) => !alive(pid)), 'every process of the run gone', 10_000);
      await until(() => !alive(seen.get('guardian')![0]!), 'the guardian gone');
    });

    it('stops a daemon that cleared its environment, recorded while its parent lived', async () => {
      const runId = randomBytes(12).toString('hex');
      const guardian = spawn(process.execPath, [
        GUARDIAN_SCRIPT,
        runId,
        '--tracker',
        tracker,
        '--poll-ms',
        '100',
      ]);
      started.push(guardian);
      const server = spawn(process.execPath, [SECRET_DAEMON], {
        detached: true,
        env: { ...process.env, MCP_TRAY_RUN: runId },
      });
      started.push(server);
      guardian.stdin.write(`+ ${server.pid}\n`);
      const daemon = Number(await lineMatching(server.stdout, /^daemon (\d+)$/));
      pids.push(daemon);
      await lineMatching(guardian.stdout, new RegExp(`^(tracked ${daemon})$`));
      server.stdin.write('release\n');
      await lineMatching(server.stdout, /^(released)$/);
      // Neither its group, nor its parent, nor its environment leads to it any more.
      const [ppid, pgid] = relatives(daemon);
      expect([ppid, pgid]).not.toContain(server.pid);
      if (process.platform === 'linux') {
        const { readFileSync } = await import('node:fs');
        expect(readFileSync(`/proc/${daemon}/environ`, 'latin1')).not.toContain(runId);
      }
      // The core's end of the pipe closes, as it does when the core is killed.
      guardian.stdin.end();
      await until(() => !alive(daemon) && !alive(server.pid!), 'the daemon and its server gone', 10_000);
    });
  },
);
