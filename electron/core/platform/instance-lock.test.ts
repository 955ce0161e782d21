import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dirs';
import { AlreadyRunningError, InstanceLock } from './instance-lock';

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
    expect(fs.readFileSync(path.join(dir, 'core.lock'), 'utf8')).toBe(String(process.pid));
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });
});
