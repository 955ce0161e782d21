import { describe, expect, it } from 'vitest';
import type { GuardianDeps } from './guardian';
import { Guardian } from './guardian';
import type { ProcessRow } from './process-table';

const row = (pid: number, ppid: number, extra: Partial<ProcessRow> = {}): ProcessRow => ({
  pid,
  ppid,
  pgid: pid,
  start: `t${pid}`,
  marked: false,
  ...extra,
});

/** A guardian over a table the test changes between steps; what it does is logged in order. */
function setup(initial: ProcessRow[] | null) {
  let table = initial;
  const log: string[] = [];
  let later: (() => void) | null = null;
  let tick: (() => void) | null = null;
  const deps: GuardianDeps = {
    readTable: (withMarker) => (log.push(`read${withMarker ? ' with marker' : ''}`), table),
    kill: (target, signal) => void log.push(`${signal} ${target}`),
    every: (ms, fn) => {
      tick = fn;
      log.push(`poll every ${ms}`);
      return () => void log.push('polling stopped');
    },
    after: (ms, fn) => ((later = fn), void log.push(`wait ${ms}`)),
    exit: () => void log.push('exit'),
    report: (line) => void log.push(line),
    selfPid: 999,
    pollMs: 1000,
    graceMs: 2000,
  };
  return {
    guardian: new Guardian(deps),
    log,
    setTable: (next: ProcessRow[] | null) => (table = next),
    elapse: () => later?.(),
    tick: () => tick?.(),
  };
}

describe('Guardian', () => {
  it('exits at once when nothing of the run is left', () => {
    const { guardian, log } = setup([row(1, 0)]);
    guardian.finish();
    expect(log).toEqual(['read with marker', 'exit']);
  });

  it('polls while servers run, and at the end stops the group, the record and the marked', () => {
    const { guardian, log, setTable, elapse } = setup([row(1, 0), row(10, 1), row(11, 10)]);
    guardian.handle({ op: '+', pid: 10 });
    expect(log).toEqual(['read', 'tracked 10', 'tracked 11', 'poll every 1000']);
    log.length = 0;
    // 11 daemonised (re-parented to init) and a marked stranger appeared; then the core died.
    setTable([row(1, 0), row(10, 1), row(11, 1), row(40, 1, { marked: true })]);
    guardian.finish();
    expect(log).toEqual([
      'polling stopped',
      'read with marker',
      'tracked 40',
      'SIGTERM -10',
      'SIGTERM 10',
      'SIGTERM 11',
      'SIGTERM 40',
      'wait 2000',
    ]);
    log.length = 0;
    // 10 and 40 ended on SIGTERM; 11 started a child while handling it, and stays.
    setTable([row(1, 0), row(11, 1), row(12, 11)]);
    elapse();
    expect(log).toEqual(['read with marker', 'tracked 12', 'SIGKILL 11', 'SIGKILL 12', 'exit']);
  });

  it('keeps the descendants of a server that was unwatched, and never kills a reused pid', () => {
    const { guardian, log, setTable } = setup([row(1, 0), row(10, 1), row(11, 10)]);
    guardian.handle({ op: '+', pid: 10 });
    guardian.handle({ op: '-', pid: 10 });
    setTable([row(1, 0), row(10, 1, { start: 'reused' }), row(11, 1)]);
    log.length = 0;
    guardian.finish();
    expect(log.filter((line) => line.startsWith('SIG'))).toEqual(['SIGTERM 11']);
  });

  it('stops polling once no server runs and nothing recorded is left, and starts again with the next', () => {
    const { guardian, log, setTable, tick } = setup([row(1, 0), row(10, 1)]);
    guardian.handle({ op: '+', pid: 10 });
    guardian.handle({ op: '-', pid: 10 });
    setTable([row(1, 0)]);
    log.length = 0;
    tick();
    expect(log).toEqual(['read', 'polling stopped']);
    setTable([row(1, 0), row(20, 1)]);
    guardian.handle({ op: '+', pid: 20 });
    expect(log.slice(2)).toEqual(['read', 'tracked 20', 'poll every 1000']);
  });

  it("stops a helper of the core's (and what it forked) by pid, never the core's group", () => {
    // The core (5) runs a proxy bridge (30) in its own group; the bridge forked a connection (31).
    const core = { pgid: 5 };
    const { guardian, log, setTable } = setup([row(1, 0), row(5, 1), row(30, 5, core), row(31, 30, core)]);
    guardian.handle({ op: '=', pid: 30 });
    expect(log).toEqual(['read', 'tracked 30', 'tracked 31', 'poll every 1000']);
    log.length = 0;
    // The core was SIGKILLed: its helpers were re-parented to init.
    setTable([row(1, 0), row(30, 1, core), row(31, 30, core)]);
    guardian.finish();
    expect(log.filter((line) => line.startsWith('SIG'))).toEqual(['SIGTERM 30', 'SIGTERM 31']);
  });

  it("forgets a helper that is gone: its pid, reused, is not the core's any more", () => {
    const { guardian, log, setTable, tick } = setup([row(1, 0), row(30, 1)]);
    guardian.handle({ op: '=', pid: 30 });
    guardian.handle({ op: '=', pid: 33 });
    setTable([row(1, 0)]);
    tick();
    setTable([row(1, 0), row(30, 1, { start: 'reused' }), row(33, 1)]);
    log.length = 0;
    guardian.finish();
    expect(log).toEqual(['read with marker', 'exit']);
  });

  it('signals only the groups when the table cannot be read', () => {
    const { guardian, log, setTable } = setup([row(1, 0), row(10, 1)]);
    guardian.handle({ op: '+', pid: 10 });
    setTable(null);
    log.length = 0;
    guardian.finish();
    expect(log.filter((line) => line.startsWith('SIG'))).toEqual(['SIGTERM -10']);
  });

  it('ignores commands once it is finishing', () => {
    const { guardian, log } = setup([row(1, 0), row(10, 1)]);
    guardian.finish();
    guardian.handle({ op: '+', pid: 10 });
    expect(log).toEqual(['read with marker', 'exit']);
  });
});
