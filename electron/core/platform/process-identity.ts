import fs from 'node:fs';
import { procStatFields } from '../supervisor/guardian/proc-stat';

/**
 * A process as the OS knows it: its pid and, on Linux, its start time in clock ticks since boot
 * (field 22 of `/proc/<pid>/stat`). A pid alone is reused; pid plus start time is not.
 */
export interface ProcessIdentity {
  pid: number;
  startTime: string | null;
}

/** Fields of `/proc/<pid>/stat` after the command (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  try {
    return procStatFields(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))?.after ?? null;
  } catch {
    return null;
  }
}

/** The start time of `pid` (Linux), or null where `/proc` does not tell. */
function processStartTime(pid: number): string | null {
  return statFields(pid)?.[19] ?? null;
}

/** This process's identity, for a lock file. */
export const selfIdentity = (pid = process.pid): ProcessIdentity => ({
  pid,
  startTime: processStartTime(pid),
});

/**
 * Whether the process is still the one recorded: running (a zombie has exited, it only waits to
 * be reaped) and, when a start time was recorded and `/proc` exists, started at that time.
 */
export function isSameProcessAlive({ pid, startTime }: ProcessIdentity): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const fields = statFields(pid);
  if (fields) {
    if (fields[0] === 'Z' || fields[0] === 'X') return false;
    return startTime === null || fields[19] === startTime;
  }
  if (fs.existsSync('/proc/self/stat')) return false;
  // No /proc (macOS, Windows): the signal probe is all there is.
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads `pid` or `pid starttime` as written by {@link formatIdentity}. */
export function parseIdentity(text: string): ProcessIdentity {
  const [pid, startTime] = text.trim().split(/\s+/);
  return { pid: Number(pid), startTime: startTime ?? null };
}

/** `pid starttime` (or just `pid` where there is no start time). */
export const formatIdentity = ({ pid, startTime }: ProcessIdentity): string =>
  startTime ? `${pid} ${startTime}` : String(pid);
