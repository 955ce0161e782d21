import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { AlreadyRunningError, InstanceLock } from './instance-lock';
import { formatIdentity, selfIdentity } from './process-identity';

describe('InstanceLock', () => {
  it('refuses a second core on the same data folder and names the running one', () => {
    const dir = tempDir();
    const first = new InstanceLock(dir);
    first.acquire();
    first.publish({ pid: process.pid, url: 'http://127.0.0.1:1/?token=t', port: 1 });
    const second = new InstanceLock(dir);
    expect(() => second.acquire(process.pid + 1)).toThrow(AlreadyRunningError);
    expect(() => second.acquire(process.pid + 1)).toThrow(/http:\/\/127\.0\.0\.1:1/);
    first.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes over the lock of a core that died', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    fs.writeFileSync(path.join(dir, 'core.lock'), String(dead));
    const lock = new InstanceLock(dir);
    expect(() => lock.acquire()).not.toThrow();
    expect(fs.readFileSync(path.join(dir, 'core.lock'), 'utf8')).toBe(formatIdentity(selfIdentity()));
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform !== 'linux')('a zombie core does not hold the folder', async () => {
    const dir = tempDir();
    // A child that exits while its parent never reaps it stays a zombie.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        "const c = require('child_process').spawn('true'); console.log(c.pid); setInterval(() => {}, 1000)",
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    try {
      const pid = Number((await once(parent.stdout, 'data'))[0]);
      await until(
        () => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z'),
        'a zombie',
      );
      fs.writeFileSync(path.join(dir, 'core.lock'), String(pid));
      expect(() => new InstanceLock(dir).acquire()).not.toThrow();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it.skipIf(process.platform !== 'linux')(
    'a live process that reused the pid does not hold the folder',
    () => {
      const dir = tempDir();
      // Our own pid with another start time: what a dead core's pid looks like after reuse.
      fs.writeFileSync(path.join(dir, 'core.lock'), `${process.pid} 1`);
      expect(() => new InstanceLock(dir).acquire(process.pid + 100000)).not.toThrow();
      // The same process, same start time: held.
      fs.writeFileSync(path.join(dir, 'core.lock'), formatIdentity(selfIdentity()));
      expect(() => new InstanceLock(dir).acquire(process.pid + 100000)).toThrow(AlreadyRunningError);
    },
  );
});
