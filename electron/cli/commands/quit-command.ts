import fs from 'node:fs';
import path from 'node:path';
import { appPaths, currentDataDir } from '../../core/platform/paths';
import type { TrayApi } from '../../shared/api';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: the pid was reused by someone else's process, so ours is gone too.
    return false;
  }
};

/** Whether the data folder's lock still names `pid` (released as the last step of a clean stop). */
const holdsLock = (dataDir: string, pid: number): boolean => {
  try {
    const lock = fs.readFileSync(path.join(appPaths(dataDir).runDir, 'core.lock'), 'utf8');
    return Number(lock.trim().split(/\s/)[0]) === pid;
  } catch {
    return false;
  }
};

/** How long a clean stop may take: servers get their own grace period first. */
const STOP_WAIT_MS = 30_000;

/** `mcp-tray quit`: stops the running core cleanly and waits until its process is gone. */
export async function quitCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const dataDir = currentDataDir(args.dataDir);
  const { pid } = await api.quitApp();
  // Stopped once its servers are down and the folder is released (an exited process may linger
  // as a zombie until its parent looks, so the lock says it first).
  const running = () => alive(pid) && holdsLock(dataDir, pid);
  const deadline = Date.now() + STOP_WAIT_MS;
  while (running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const stopped = !running();
  if (args.json) out(JSON.stringify({ stopped, pid }));
  else out(stopped ? 'MCP Tray stopped.' : `MCP Tray (pid ${pid}) is still stopping.`);
  return stopped ? 0 : 1;
}
