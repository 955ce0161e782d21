import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { psArgs, readProcTable, readProcTree, readPsTable } from './table-readers';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill('SIGKILL')));

function sleeper(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { env, stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

describe('psArgs', () => {
  it('asks BSD ps for the environment with -E and procps with e, never cutting lines', () => {
    expect(psArgs('bsd', true)).toEqual(['-A', '-ww', '-E', '-o', 'pid=,ppid=,pgid=,lstart=,command=']);
    expect(psArgs('procps', true)).toEqual(['-A', 'e', 'ww', '-o', 'pid=,ppid=,pgid=,lstart=,command=']);
    expect(psArgs('bsd', false)).toEqual(['-A', '-o', 'pid=,ppid=,pgid=,lstart=']);
  });
});

describe.runIf(process.platform === 'linux')('the real process table (Linux: /proc and procps ps)', () => {
  it('both readers see this process and its children alike, and mark only the marked child', () => {
    const marker = 'MCP_TRAY_RUN=0123abcd';
    const marked = sleeper({ PATH: process.env.PATH, MCP_TRAY_RUN: '0123abcd' });
    const plain = sleeper({ PATH: process.env.PATH, MCP_TRAY_RUN: '0123abcde' });
    for (const table of [readProcTable(marker), readPsTable('procps', marker)]) {
      const byPid = new Map(table!.map((row) => [row.pid, row]));
      expect(byPid.get(process.pid)).toMatchObject({ pid: process.pid, ppid: process.ppid });
      expect(byPid.get(marked)).toMatchObject({ ppid: process.pid, marked: true });
      expect(byPid.get(plain)).toMatchObject({ ppid: process.pid, marked: false });
      expect(byPid.get(marked)!.start).toMatch(/\S/);
    }
    // Without a marker asked for, the environment is not read at all.
    expect(readPsTable('procps', null)!.some((row) => row.marked)).toBe(false);
  });

  it("reads only the trees under the roots (every thread's children), as the whole table has them", async () => {
    const code =
      "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], " +
      "{ stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);";
    const root = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(root);
    const child = Number(
      await new Promise<string>((resolve) => root.stdout!.once('data', (d: Buffer) => resolve(String(d)))),
    );
    onTestFinished(() => {
      try {
        process.kill(child, 'SIGKILL');
      } catch {
        // Already gone.
      }
    });
    const unrelated = sleeper({ PATH: process.env.PATH });
    const tree = readProcTree([root.pid!])!;
    expect(tree.map((row) => row.pid).sort()).toEqual([root.pid!, child].sort());
    const whole = new Map(readProcTable(null)!.map((row) => [row.pid, row]));
    for (const row of tree) expect(row).toEqual(whole.get(row.pid));
    expect(tree.some((row) => row.pid === unrelated)).toBe(false);
    // Without children files (another kernel), the caller is told to read the whole table.
    expect(readProcTree([root.pid!], '/nonexistent-proc')).toBeNull();
  });

  it('is null, not empty, when the table cannot be read, so the record is kept', () => {
    expect(readProcTable(null, '/nonexistent-proc')).toBeNull();
  });
});
