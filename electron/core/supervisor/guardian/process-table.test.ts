import { describe, expect, it } from 'vitest';
import { environHasMarker, parseProcStat, parsePsTable } from './process-table';

describe('parseProcStat', () => {
  it('reads pid, ppid, pgid and start time, counting fields from the last parenthesis', () => {
    // Field 22 (start time) is 98765; the name holds spaces and ") (".
    const rest = 'S 41 40 40 0 -1 4194560 10 0 0 0 5 3 0 0 20 0 1 0 98765 1000 50';
    expect(parseProcStat(`42 (my (odd) name) ${rest}`)).toEqual({
      pid: 42,
      ppid: 41,
      pgid: 40,
      start: '98765',
    });
  });

  it('refuses a truncated or garbled line', () => {
    expect(parseProcStat('42 (node) S 41 40')).toBeNull();
    expect(parseProcStat('node S 41 40 40 0 -1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 3 4')).toBeNull();
    expect(parseProcStat('x (node) S 41 40 40 0 -1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 3 4')).toBeNull();
  });
});

describe('environHasMarker', () => {
  it('matches the whole NAME=value entry only', () => {
    const environ = 'PATH=/bin\0MCP_TRAY_RUN=abc\0HOME=/h\0';
    expect(environHasMarker(environ, 'MCP_TRAY_RUN=abc')).toBe(true);
    expect(environHasMarker(environ, 'MCP_TRAY_RUN=ab')).toBe(false);
    expect(environHasMarker('X=MCP_TRAY_RUN=abc\0', 'MCP_TRAY_RUN=abc')).toBe(false);
  });
});

describe('parsePsTable', () => {
  it('reads `ps -o pid=,ppid=,pgid=,lstart=` in the C locale, with one- and two-digit days', () => {
    const text = [
      '    1     0     1 Sun Dec  6 11:18:41 2026',
      ' 4242  4200  4242 Mon Jan 12 09:05:07 2027',
      '',
    ].join('\n');
    expect(parsePsTable(text, null)).toEqual([
      { pid: 1, ppid: 0, pgid: 1, start: 'Sun Dec 6 11:18:41 2026', marked: false },
      { pid: 4242, ppid: 4200, pgid: 4242, start: 'Mon Jan 12 09:05:07 2027', marked: false },
    ]);
  });

  it('marks a row whose command column (with the environment) holds the marker as a word', () => {
    const text = [
      ' 10 1 10 Sun Dec  6 11:18:41 2026 node server.mjs HOME=/h MCP_TRAY_RUN=abc PATH=/bin',
      ' 11 1 11 Sun Dec  6 11:18:41 2026 node other.mjs MCP_TRAY_RUN=abcd',
      ' 12 1 12 Sun Dec  6 11:18:41 2026 sleep 5 MCP_TRAY_RUN=abc',
    ].join('\n');
    expect(parsePsTable(text, 'MCP_TRAY_RUN=abc').map((row) => [row.pid, row.marked])).toEqual([
      [10, true],
      [11, false],
      [12, true],
    ]);
    // Without a marker asked for, nothing is marked even if the text holds one.
    expect(parsePsTable(text, null).some((row) => row.marked)).toBe(false);
  });

  it('skips headers and lines it cannot read (a process it cannot read is one it will not kill)', () => {
    const text = [
      '  PID  PPID  PGID STARTED',
      ' 12 1 12 yesterday',
      ' 13 1 13 Sun Dec  6 11:18:41 2026',
    ].join('\n');
    expect(parsePsTable(text, null).map((row) => row.pid)).toEqual([13]);
  });
});
