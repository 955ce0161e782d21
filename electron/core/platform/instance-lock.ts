import fs from 'node:fs';
import path from 'node:path';
import { formatIdentity, isSameProcessAlive, parseIdentity, selfIdentity } from './process-identity';

/** Raised when another core already runs on the same data directory. */
export class AlreadyRunningError extends Error {
  constructor(
    readonly pid: number,
    readonly url: string | null,
  ) {
    super(
      `MCP Tray is already running for this data folder (pid ${pid})` +
        (url ? `; open ${url}` : '') +
        '. Use --data-dir to run a separate instance.',
    );
    this.name = 'AlreadyRunningError';
  }
}

/** What a running core publishes about itself in its run directory (0600). */
export interface HostInfo {
  pid: number;
  url: string | null;
  port: number | null;
}

/** One core per data directory: a pid lock file, taken over when its owner is dead. */
export class InstanceLock {
  private readonly lockFile: string;
  private readonly infoFile: string;
  private held = false;

  constructor(runDir: string) {
    fs.mkdirSync(runDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(runDir, 0o700);
    this.lockFile = path.join(runDir, 'core.lock');
    this.infoFile = path.join(runDir, 'host.json');
  }

  acquire(pid = process.pid): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(this.lockFile, formatIdentity(selfIdentity(pid)), { flag: 'wx', mode: 0o600 });
        this.held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // A zombie, or a new process that got the dead core's pid, does not hold the folder.
        const owner = parseIdentity(fs.readFileSync(this.lockFile, 'utf8'));
        if (owner.pid !== pid && isSameProcessAlive(owner)) {
          throw new AlreadyRunningError(owner.pid, this.readInfo()?.url ?? null);
        }
        fs.rmSync(this.lockFile, { force: true });
      }
    }
    throw new Error(`could not take the lock ${this.lockFile}`);
  }

  publish(info: HostInfo): void {
    fs.writeFileSync(this.infoFile, JSON.stringify(info), { mode: 0o600 });
  }

  readInfo(): HostInfo | null {
    try {
      return JSON.parse(fs.readFileSync(this.infoFile, 'utf8')) as HostInfo;
    } catch {
      return null;
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    fs.rmSync(this.infoFile, { force: true });
    fs.rmSync(this.lockFile, { force: true });
  }
}
