/**
 * The guardian's view of the process table, parsed from `/proc` (Linux) or `ps` (macOS, and
 * Linux when forced). Pure functions: the readers that feed them are in `table-readers.ts`.
 * The guardian imports nothing but Node's own modules and this folder, so it starts fast.
 */

import { procStatFields } from './proc-stat';

/** One process, as much as the guardian needs to find and safely kill a server's descendants. */
export interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
  /**
   * When it started, as the reader reports it (`/proc` clock ticks since boot, or `ps` `lstart`
   * normalised). Only compared with itself: a pid whose start changed is another process.
   */
  start: string;
  /** Its environment holds this run's marker (`MCP_TRAY_RUN=<id>`); false when not read. */
  marked: boolean;
}

/** pid, ppid, pgid and start time (fields 1, 4, 5 and 22) from a `/proc/<pid>/stat` line. */
export function parseProcStat(line: string): Omit<ProcessRow, 'marked'> | null {
  const stat = procStatFields(line);
  if (!stat) return null;
  const fields = stat.after;
  const pid = toPid(stat.pid);
  const ppid = toPid(fields[1]);
  const pgid = toPid(fields[2]);
  const start = fields[19];
  if (pid === null || ppid === null || pgid === null || !start || !/^\d+$/.test(start)) return null;
  return { pid, ppid, pgid, start };
}

/** Whether a `/proc/<pid>/environ` text (NUL-separated `NAME=value`) holds `marker` exactly. */
export const environHasMarker = (environ: string, marker: string): boolean =>
  environ.split('\0').includes(marker);

// `lstart` in the C locale: "Sun Dec  6 17:41:08 2026" (procps and BSD ps alike).
const PS_LINE =
  /^\s*(\d+)\s+(\d+)\s+(\d+)\s+([A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+\d{4})(?:\s+(.*))?$/;

/**
 * Rows from `ps -o pid=,ppid=,pgid=,lstart=[,command=]` run with `LC_ALL=C`. When the command
 * column carries the environment (`ps -E` on macOS, `ps e` with procps), a row is marked if
 * one of its words is exactly `marker`. Lines that do not parse (a header, a truncated line)
 * are skipped: a process the guardian cannot read is one it will not kill.
 */
export function parsePsTable(text: string, marker: string | null): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const line of text.split('\n')) {
    const match = PS_LINE.exec(line);
    if (!match) continue;
    const [, pid, ppid, pgid, lstart, command] = match;
    rows.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      start: lstart!.split(/\s+/).join(' '),
      marked: marker !== null && command !== undefined && command.split(/\s+/).includes(marker),
    });
  }
  return rows;
}

function toPid(text: string | undefined): number | null {
  if (!text || !/^\s*\d+\s*$/.test(text)) return null;
  const pid = Number(text);
  return Number.isSafeInteger(pid) ? pid : null;
}
