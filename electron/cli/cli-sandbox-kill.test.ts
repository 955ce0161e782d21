import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CLI, FIXTURES, alive, cliJson, serveCore, until } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';

const canSandbox = ['bwrap', 'socat'].every((tool) => spawnSync(tool, ['-V']).error === undefined);

/** The core's children that listen on a unix socket (`socat UNIX-LISTEN:<path>,…`), with it. */
function bridgesOf(core: number): { pid: number; socket: string }[] {
  const out = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(core)], { encoding: 'utf8' }).stdout;
  return [...out.matchAll(/^\s*(\d+) socat UNIX-LISTEN:([^,\s]+)/gm)].map((m) => ({
    pid: Number(m[1]),
    socket: m[2]!,
  }));
}

/** Whether `pid` is still the bridge on `socket` (not a process that got its pid since). */
function listensOn(pid: number, socket: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`UNIX-LISTEN:${socket}`);
  } catch {
    return false;
  }
}

describe.skipIf(process.platform !== 'linux' || !canSandbox)('a killed core and its sandbox', () => {
  it("leaves no proxy bridge (socat) and no socket behind: the guardian stops the core's own helpers", async () => {
    const home = tempDir();
    const dataDir = path.join(home, 'data');
    const core = await serveCore(dataDir, { HOME: home });
    const fixture = path.join(FIXTURES, 'fixture-server.mjs');
    const add = [
      '--data-dir',
      dataDir,
      'add',
      'boxed',
      '--sandbox',
      'strict',
      '--',
      process.execPath,
      fixture,
    ];
    expect(
      spawnSync(process.execPath, [CLI, ...add], { encoding: 'utf8', env: { ...process.env, HOME: home } })
        .status,
    ).toBe(0);
    await until(
      () => cliJson<{ state: string }[]>(dataDir, ['status'])[0]?.state === 'running',
      'the strict instance running',
      30_000,
    );
    const bridges = bridgesOf(core.pid!);
    // Should the guardian miss them, they must not outlive the test run either.
    onTestFinished(() => {
      for (const { pid, socket } of bridges) {
        if (listensOn(pid, socket)) process.kill(pid, 'SIGKILL');
        fs.rmSync(socket, { force: true });
      }
    });
    expect(bridges.length).toBeGreaterThan(0);
    expect(bridges.every(({ socket }) => fs.existsSync(socket))).toBe(true);

    core.kill('SIGKILL');
    await until(
      () => bridges.every(({ pid, socket }) => !alive(pid) && !fs.existsSync(socket)),
      'every bridge gone, with its socket',
      15_000,
    );
  });
});
