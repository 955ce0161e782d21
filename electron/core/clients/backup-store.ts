import fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../platform/clock';
import type { AtomicFs } from './atomic-write';
import { writeFileAtomic } from './atomic-write';

/** Marks our backups: `<name>.mcp-tray-backup-<UTC time>` next to the file. */
export const BACKUP_MARK = '.mcp-tray-backup-';

/** How many backups are kept per file by default. */
export const DEFAULT_BACKUPS_KEPT = 5;

/** The file functions backups need. */
export type BackupFs = AtomicFs & Pick<typeof fsPromises, 'access'>;

/** `20261121T202635123Z`: sorts by time and is a valid file name everywhere (no colons). */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

/**
 * Timestamped copies of a config file's previous content, written before we replace it, at most
 * `keep` per file (oldest deleted first). Backups are only ever ours: their names carry the mark.
 */
export class BackupStore {
  private readonly fs: BackupFs;
  private readonly keep: number;

  constructor(
    private readonly clock: Clock,
    options: { fs?: BackupFs; keep?: number } = {},
  ) {
    this.fs = options.fs ?? fsPromises;
    this.keep = options.keep ?? DEFAULT_BACKUPS_KEPT;
  }

  /** Saves `content` as the newest backup of `file` and prunes old ones; returns its path. */
  async save(file: string, content: Uint8Array, mode: number): Promise<string> {
    const base = `${file}${BACKUP_MARK}${stamp(this.clock.now())}`;
    let name = base;
    for (let n = 2; await this.exists(name); n++) name = `${base}-${n}`;
    await writeFileAtomic(name, content, { mode, fs: this.fs });
    await this.prune(file);
    return name;
  }

  /** Backups of `file`, oldest first. */
  async list(file: string): Promise<string[]> {
    const dir = path.dirname(file);
    const prefix = `${path.basename(file)}${BACKUP_MARK}`;
    let names: string[];
    try {
      names = await this.fs.readdir(dir);
    } catch {
      return [];
    }
    const key = (name: string) => {
      // `…Z-2` was written after `…Z` in the same millisecond.
      const [time, n] = name.slice(prefix.length).split('-');
      return `${time}-${(n ?? '1').padStart(6, '0')}`;
    };
    return names
      .filter((name) => name.startsWith(prefix))
      .sort((a, b) => key(a).localeCompare(key(b)))
      .map((name) => path.join(dir, name));
  }

  private async prune(file: string): Promise<void> {
    const backups = await this.list(file);
    for (const old of backups.slice(0, Math.max(0, backups.length - this.keep))) {
      await this.fs.unlink(old).catch(() => undefined);
    }
  }

  private async exists(file: string): Promise<boolean> {
    try {
      await this.fs.access(file);
      return true;
    } catch {
      return false;
    }
  }
}
