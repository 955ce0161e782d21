import type { ProcessRow } from './process-table';

/** Descendants the guardian has seen alive: pid to start time. */
export type DescendantRecord = ReadonlyMap<number, string>;

/**
 * The record after one look at the process table. Roots are the watched servers, every process
 * already recorded (a daemon keeps its place after its parent exits and it is re-parented to
 * init or launchd) and every process carrying the run marker; everything under a root that is
 * alive now is recorded with its start time. An entry whose pid is gone, or now has another
 * start time (a reused pid), is dropped, so the record only ever names processes of this run.
 */
export function updateRecord(
  record: DescendantRecord,
  table: readonly ProcessRow[],
  servers: Iterable<number>,
  selfPid: number,
): Map<number, string> {
  const byPid = new Map(table.map((row) => [row.pid, row]));
  const children = new Map<number, ProcessRow[]>();
  for (const row of table) {
    const siblings = children.get(row.ppid);
    if (siblings) siblings.push(row);
    else children.set(row.ppid, [row]);
  }
  const roots: ProcessRow[] = [];
  for (const pid of servers) {
    const row = byPid.get(pid);
    // A server is recorded the first time it is seen; later, only with the same start time.
    if (row && (!record.has(pid) || record.get(pid) === row.start)) roots.push(row);
  }
  for (const [pid, start] of record) {
    const row = byPid.get(pid);
    if (row && row.start === start) roots.push(row);
  }
  roots.push(...table.filter((row) => row.marked));
  const next = new Map<number, string>();
  // Breadth-first with a visited set: pid reuse between two reads could fake a cycle.
  for (let row = roots.pop(); row !== undefined; row = roots.pop()) {
    if (next.has(row.pid) || row.pid <= 1 || row.pid === selfPid) continue;
    next.set(row.pid, row.start);
    roots.push(...(children.get(row.pid) ?? []));
  }
  return next;
}

/** Recorded processes that are new since `before`, for the guardian's report. */
export const newlyRecorded = (before: DescendantRecord, after: DescendantRecord): number[] =>
  [...after.keys()].filter((pid) => !before.has(pid));
