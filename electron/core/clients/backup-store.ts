import fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../platform/clock';
import type { AtomicFs } from './atomic-write';
import { writeFileAtomic } from './atomic-write';

/** Marks our backups: `<name>.mcp-tray-backup-<UTC time>` next to the file. */
export const BACKUP_MARK = '.mcp-tray-backup-';

/** How many backups are kept per file by default. */
const DEFAULT_BACKUPS_KEPT = 5;

/** The file functions backups need. */
export type BackupFs = AtomicFs & Pick<typeof fsPromises, 'access' | 'chmod' | 'readFile'>;

/** What replaces a secret value MCP Tray moved to the keychain, in the backups that held it. */
export const MOVED_SECRET_MARKER = '<moved to the system keychain by MCP Tray>';

/** Backups may hold secrets a client's file had: nobody but the user may read them. */
const BACKUP_MODE = 0o600;

/**
 * `content` with every secret value replaced by {@link MOVED_SECRET_MARKER}, as written (raw) and
 * as JSON or TOML escape it inside a quoted string.
 */
export function scrubSecrets(content: Uint8Array, secrets: readonly string[]): Buffer {
  let text = Buffer.from(content).toString('utf8');
  const forms = secrets
    .filter((secret) => secret.length > 0)
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
    // Longest first, so a value that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  for (const form of new Set(forms)) text = text.split(form).join(MOVED_SECRET_MARKER);
  return Buffer.from(text, 'utf8');
}

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

  /**
   * Saves `content` as the newest backup of `file` (owner-only, whatever the file's own mode), with
   * `secrets` replaced by a marker; prunes old ones, makes the kept ones owner-only too, and
   * scrubs the same secrets out of them. Returns the new backup's path.
   */
  async save(file: string, content: Uint8Array, secrets: readonly string[] = []): Promise<string> {
    const base = `${file}${BACKUP_MARK}${stamp(this.clock.now())}`;
    let name = base;
    for (let n = 2; await this.exists(name); n++) name = `${base}-${n}`;
    await writeFileAtomic(name, scrubSecrets(content, secrets), { mode: BACKUP_MODE, fs: this.fs });
    await this.prune(file);
    for (const older of await this.list(file)) {
      if (older !== name) await this.secure(older, secrets);
    }
    return name;
  }

  /** An older backup made owner-only, and rewritten without `secrets` when it holds any. */
  private async secure(backup: string, secrets: readonly string[]): Promise<void> {
    try {
      await this.fs.chmod(backup, BACKUP_MODE);
      if (secrets.length === 0) return;
      const before = await this.fs.readFile(backup);
      const after = scrubSecrets(before, secrets);
      if (!after.equals(before)) await writeFileAtomic(backup, after, { mode: BACKUP_MODE, fs: this.fs });
    } catch {
      // Gone meanwhile (pruned by another writer): nothing left to secure.
    }
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
