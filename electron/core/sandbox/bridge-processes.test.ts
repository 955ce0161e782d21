import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { until } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { bridgeProcesses } from './bridge-processes';

/** A child of this process whose command line is `node -e … <args>`. */
function child(...args: string[]): number {
  const spawned = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ...args], {
    stdio: 'ignore',
  });
  onTestFinished(() => void spawned.kill('SIGKILL'));
  return spawned.pid!;
}

describe.skipIf(process.platform !== 'linux')('bridgeProcesses', () => {
  it('finds the children listening on the given sockets, and no other process', async () => {
    const dir = tempDir();
    const [http, socks, other] = ['http.sock', 'socks.sock', 'other.sock'].map((name) =>
      path.join(dir, name),
    );
    const bridge = child(`UNIX-LISTEN:${http!},fork,reuseaddr`, 'TCP:localhost:1');
    const second = child(`UNIX-LISTEN:${socks!}`, 'TCP:localhost:2');
    child(`UNIX-LISTEN:${other!},fork`, 'TCP:localhost:3');
    child(`UNIX-CONNECT:${http!}`);
    await until(() => bridgeProcesses([http!, socks!]).length === 2, 'both bridges listed');
    expect(bridgeProcesses([http!, socks!]).sort()).toEqual([bridge, second].sort());
    expect(bridgeProcesses([http!], process.ppid)).toEqual([]);
    expect(bridgeProcesses([])).toEqual([]);
  });

  it('reads the whole table on a kernel without the children files', async () => {
    // A copy (read, then written: procfs files have no size to copy) of the parts of /proc it reads, minus every task's `children` file.
    const socket = path.join(tempDir(), 'http.sock');
    const bridge = child(`UNIX-LISTEN:${socket},fork`);
    const procRoot = tempDir();
    await until(
      () => fs.readFileSync(`/proc/${bridge}/cmdline`, 'utf8').includes(socket),
      'the child started',
    );
    for (const pid of [process.pid, bridge, child('unrelated')]) {
      const to = path.join(procRoot, String(pid));
      fs.mkdirSync(path.join(to, 'task', String(pid)), { recursive: true });
      for (const file of ['stat', 'cmdline'])
        fs.writeFileSync(path.join(to, file), fs.readFileSync(`/proc/${pid}/${file}`));
    }
    expect(bridgeProcesses([socket], process.pid, procRoot)).toEqual([bridge]);
    expect(bridgeProcesses([socket], process.pid, path.join(procRoot, 'none'))).toEqual([]);
  });
});
