import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import type { ProcessTreeReader, ProcessTreeUsage } from './process-stats';
import {
  LinuxProcReader,
  ProcessSampler,
  PsReader,
  createProcessTreeReader,
  parseProcStat,
  parsePsOutput,
  parsePsTime,
} from './process-stats';

const statLine = (pid: number, comm: string, ppid: number, utime: number, stime: number, rss: number) =>
  `${pid} (${comm}) S ${ppid} 1 1 0 -1 4194560 0 0 0 0 ${utime} ${stime} 7 7 20 0 1 0 100 1000 ${rss} ` +
  '18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 3 0 0 0 0 0\n';

describe('parseProcStat', () => {
  it('counts fields from the last parenthesis, so a name with ") (" cannot shift them', () => {
    expect(parseProcStat(statLine(4242, 'evil) (name) R 1 2', 17, 150, 50, 2560))).toEqual({
      pid: 4242,
      ppid: 17,
      ticks: 200,
      rssPages: 2560,
    });
    expect(parseProcStat('garbage')).toBeNull();
    expect(parseProcStat('12 (short) S 1 2 3')).toBeNull();
  });
});

describe('LinuxProcReader on a fake /proc', () => {
  it('sums the root and its descendants only, in seconds and bytes', async () => {
    const proc = tempDir();
    const write = (pid: string, text: string) => {
      fs.mkdirSync(path.join(proc, pid));
      fs.writeFileSync(path.join(proc, pid, 'stat'), text);
    };
    write('1', statLine(1, 'init', 0, 1000, 1000, 100));
    write('100', statLine(100, 'npm exec ) (x', 1, 100, 50, 1000));
    write('101', statLine(101, 'node', 100, 200, 100, 2000));
    write('102', statLine(102, 'sh', 101, 10, 0, 10));
    write('200', statLine(200, 'other', 1, 500, 500, 5000));
    write('300', 'not a stat line');
    fs.mkdirSync(path.join(proc, 'self'));
    fs.mkdirSync(path.join(proc, '400'));
    fs.writeFileSync(path.join(proc, 'meminfo'), '');
    let constantsRead = 0;
    const reader = new LinuxProcReader({
      procRoot: proc,
      constants: async () => {
        constantsRead++;
        return { clockTicks: 100, pageSize: 4096 };
      },
    });
    const usage = await reader.read(100);
    expect(usage).toMatchObject({ rssBytes: 3010 * 4096, processCount: 3 });
    expect(usage!.cpuSeconds).toBeCloseTo(4.6);
    expect(await reader.read(102)).toEqual({ cpuSeconds: 0.1, rssBytes: 10 * 4096, processCount: 1 });
    expect(await reader.read(999)).toBeNull();
    expect(constantsRead).toBe(1);
  });
});

describe('LinuxProcReader walking a fake /proc with children files', () => {
  it("follows every thread's children, not a scan of the whole table", async () => {
    const proc = tempDir();
    const write = (pid: number, stat: string, threads: Record<string, number[]> = { [pid]: [] }) => {
      fs.mkdirSync(path.join(proc, String(pid)));
      fs.writeFileSync(path.join(proc, String(pid), 'stat'), stat);
      for (const [tid, children] of Object.entries(threads)) {
        fs.mkdirSync(path.join(proc, String(pid), 'task', tid), { recursive: true });
        fs.writeFileSync(
          path.join(proc, String(pid), 'task', tid, 'children'),
          children.map((c) => `${c} `).join(''),
        );
      }
    };
    // 100 forked 101 from its main thread and 102 from another thread (as Go and Python may).
    write(100, statLine(100, 'server', 1, 100, 50, 1000), { 100: [101], 105: [102] });
    write(101, statLine(101, 'child', 100, 200, 100, 2000));
    write(102, statLine(102, 'worker', 100, 10, 0, 10), { 102: [103] });
    write(103, statLine(103, 'grandchild', 102, 0, 0, 1));
    // Not in any children file (a table scan by ppid would count it): proves the walk is used.
    write(300, statLine(300, 'by-ppid-only', 100, 999, 999, 999));
    const reader = new LinuxProcReader({
      procRoot: proc,
      constants: async () => ({ clockTicks: 100, pageSize: 4096 }),
    });
    const trees = await reader.trees([100, 102, 999]);
    expect(trees.get(100)).toMatchObject({ rssBytes: 3011 * 4096, processCount: 4 });
    expect(trees.get(100)!.cpuSeconds).toBeCloseTo(4.6);
    expect(trees.get(102)).toMatchObject({ rssBytes: 11 * 4096, processCount: 2 });
    expect(trees.get(999)).toBeNull();
  });
});

describe.skipIf(process.platform !== 'linux')('LinuxProcReader with real processes', () => {
  it('sums a busy server and its child, and returns null once it is gone', async () => {
    const code =
      "require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], " +
      "{ stdio: 'ignore' }); for (;;) {}";
    const server = spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' });
    const pid = server.pid!;
    try {
      const reader = new LinuxProcReader();
      const sampler = new ProcessSampler({ reader, now: () => Date.now() });
      await expect
        .poll(async () => (await reader.read(pid))?.processCount ?? 0, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(2);
      expect((await sampler.sample(pid))?.cpuPercent).toBe(0);
      await sleep(1000);
      const stats = await sampler.sample(pid);
      expect(stats!.processCount).toBeGreaterThanOrEqual(2);
      expect(stats!.cpuPercent).toBeGreaterThan(30);
      expect(stats!.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    } finally {
      process.kill(-pid, 'SIGKILL');
    }
    if (server.exitCode === null && server.signalCode === null) await once(server, 'exit');
    expect(await new LinuxProcReader().read(pid)).toBeNull();
  });
});

describe('ps parsing', () => {
  it('reads [[dd-]hh:]mm:ss[.cc] as seconds', () => {
    expect(parsePsTime('0:00.03')).toBeCloseTo(0.03);
    expect(parsePsTime('00:01:02')).toBe(62);
    expect(parsePsTime('01:02:03')).toBe(3723);
    expect(parsePsTime('123:45.67')).toBeCloseTo(7425.67);
    expect(parsePsTime('2-03:04:05')).toBe(2 * 86400 + 3 * 3600 + 4 * 60 + 5);
    expect(parsePsTime('TIME')).toBeNull();
    expect(parsePsTime('')).toBeNull();
  });

  it('sums the tree from canned ps output, rss in KiB', async () => {
    const output = [
      '    1     0  12000   0:10.00',
      '  500     1   2048   0:01.50',
      '  501   500  40960   1:02.25',
      '  502   501   1024   0:00.25',
      '  600     1   9999   9:99.99',
      'bad line',
      '',
    ].join('\n');
    expect(parsePsOutput(output)).toHaveLength(5);
    const calls: string[][] = [];
    const reader = new PsReader(async (file, args) => {
      calls.push([file, ...args]);
      return output;
    });
    expect(await reader.read(500)).toEqual({
      cpuSeconds: 1.5 + 62.25 + 0.25,
      rssBytes: (2048 + 40960 + 1024) * 1024,
      processCount: 3,
    });
    expect(await reader.read(42)).toBeNull();
    expect(calls[0]).toEqual(['ps', '-A', '-o', 'pid=,ppid=,rss=,time=']);
  });

  it.skipIf(process.platform === 'win32')('works with the real ps of this system', async () => {
    const usage = await new PsReader().read(process.pid);
    expect(usage!.processCount).toBeGreaterThanOrEqual(1);
    expect(usage!.rssBytes).toBeGreaterThan(1024 * 1024);
  });
});

describe('ProcessSampler', () => {
  it('turns the CPU time delta into a percentage per pid, and forgets', async () => {
    const usage = new Map<number, ProcessTreeUsage>();
    const reader: ProcessTreeReader = {
      trees: async (pids) => new Map(pids.map((pid) => [pid, usage.get(pid) ?? null])),
      read: async (pid) => usage.get(pid) ?? null,
    };
    let now = 10_000;
    const sampler = new ProcessSampler({ reader, now: () => now });
    usage.set(7, { cpuSeconds: 10, rssBytes: 5, processCount: 2 });
    expect(await sampler.sample(7)).toEqual({ cpuPercent: 0, rssBytes: 5, processCount: 2 });
    now += 2000;
    usage.set(7, { cpuSeconds: 11, rssBytes: 6, processCount: 2 });
    expect(await sampler.sample(7)).toMatchObject({ cpuPercent: 50, rssBytes: 6 });
    now += 1000;
    usage.set(7, { cpuSeconds: 10.5, rssBytes: 6, processCount: 1 });
    expect((await sampler.sample(7))!.cpuPercent).toBe(0);
    sampler.forget(7);
    now += 1000;
    usage.set(7, { cpuSeconds: 20, rssBytes: 6, processCount: 1 });
    expect((await sampler.sample(7))!.cpuPercent).toBe(0);
    usage.delete(7);
    expect(await sampler.sample(7)).toBeNull();
    usage.set(7, { cpuSeconds: 30, rssBytes: 6, processCount: 1 });
    expect((await sampler.sample(7))!.cpuPercent).toBe(0);
  });

  it('picks a reader per platform; Windows has none yet and reports null', async () => {
    expect(createProcessTreeReader('linux')).toBeInstanceOf(LinuxProcReader);
    expect(createProcessTreeReader('darwin')).toBeInstanceOf(PsReader);
    expect(await createProcessTreeReader('win32').read(process.pid)).toBeNull();
  });
});

describe('ProcessSampler.sampleMany', () => {
  it('asks the reader for every tree at once, and rates each', async () => {
    const asked: number[][] = [];
    const reader: ProcessTreeReader = {
      trees: async (pids) => {
        asked.push(pids);
        return new Map(
          pids.map((pid) => [
            pid,
            pid === 99 ? null : { cpuSeconds: 1, rssBytes: pid * 10, processCount: 1 },
          ]),
        );
      },
      read: async () => null,
    };
    const stats = await new ProcessSampler({ reader, now: () => 0 }).sampleMany([1, 3, 99]);
    expect(asked).toEqual([[1, 3, 99]]);
    expect(stats.get(1)).toMatchObject({ rssBytes: 10, processCount: 1 });
    expect(stats.get(3)).toMatchObject({ rssBytes: 30, processCount: 1 });
    expect(stats.get(99)).toBeNull();
  });
});
