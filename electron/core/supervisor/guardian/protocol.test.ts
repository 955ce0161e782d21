import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_MS, formatCommand, guardianArgs, parseCommands, parseGuardianArgs } from './protocol';

describe('guardian arguments', () => {
  it('round-trips what the watchdog writes', () => {
    const args = guardianArgs({ runId: 'ab12', tracker: 'ps', pollMs: 200 });
    expect(parseGuardianArgs(args)).toEqual({ runId: 'ab12', tracker: 'ps', pollMs: 200 });
    expect(parseGuardianArgs(guardianArgs({ runId: 'ab12' }))).toEqual({
      runId: 'ab12',
      tracker: null,
      pollMs: DEFAULT_POLL_MS,
    });
  });

  it('falls back to the defaults on a bad value, and takes no marker that is not hex', () => {
    expect(parseGuardianArgs(['x y', '--tracker', 'cgroup', '--poll-ms', '1'])).toEqual({
      runId: '',
      tracker: null,
      pollMs: DEFAULT_POLL_MS,
    });
  });
});

describe('parseCommands', () => {
  it('reads complete lines and keeps the unfinished rest', () => {
    const ops = ['+', '=', '-'] as const;
    const text = ops.map((op) => formatCommand({ op, pid: 42 })).join('') + '+ 4';
    expect(parseCommands(text)).toEqual({
      commands: ops.map((op) => ({ op, pid: 42 })),
      rest: '+ 4',
    });
  });

  it('never accepts pid 1, 0, a negative or a malformed one', () => {
    expect(parseCommands('+ 1\n= 1\n+ 0\n+ -5\n+ 7x\n* 8\n+ 99999999999999999999\n+ 12\n').commands).toEqual([
      { op: '+', pid: 12 },
    ]);
  });
});
