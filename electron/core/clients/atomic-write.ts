import { randomBytes } from 'node:crypto';
import fsPromises from 'node:fs/promises';
import path from 'node:path';

/** The file functions the atomic write needs; `node:fs/promises` by default. */
export type AtomicFs = Pick<typeof fsPromises, 'open' | 'rename' | 'unlink' | 'readdir' | 'stat'>;

/** Marks our temporary files: `.<name>.mcp-tray-tmp-<pid>-<random>` next to the target. */
export const TEMP_MARK = '.mcp-tray-tmp-';

/** How to write: the file's mode, and optional hooks for tests and the writer. */
export interface AtomicWriteOptions {
  /** Permission bits for the file (kept from the file being replaced). */
  mode: number;
  fs?: AtomicFs;
  /**
   * Called after the temp file is durable and before it replaces the target. Returning false
   * abandons the write (the temp file is removed, the target untouched); used to notice a file
   * that changed while we were writing.
   */
  beforeRename?: () => Promise<boolean>;
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Windows refuses to replace a file another process has open (an editor, antivirus) for a moment. */
async function renameWithRetry(fs: AtomicFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      if (process.platform !== 'win32' || attempt >= 8 || !RETRYABLE_RENAME.has(errorCode(error) ?? '')) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 25 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable; directories cannot be opened for fsync on Windows. */
async function syncDirectory(dir: string, fs: Pick<AtomicFs, 'open'> = fsPromises): Promise<void> {
  let handle: fsPromises.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here (Windows, some network file systems): the rename is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Replaces `target` so that at every instant it holds either the old or the new content: write
 * a temp file in the same folder, fsync it, rename it over the target, fsync the folder. A crash
 * at any point leaves the target intact (and maybe a temp file, see {@link removeStaleTemps}).
 * Returns false when `beforeRename` abandoned the write.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions,
): Promise<boolean> {
  const fs = options.fs ?? fsPromises;
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  const handle = await fs.open(temp, 'wx', options.mode);
  try {
    try {
      await handle.writeFile(data);
      // open()'s mode is narrowed by the umask; the old file's bits are what we promise to keep.
      await handle.chmod(options.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.beforeRename && !(await options.beforeRename())) {
      await fs.unlink(temp);
      return false;
    }
    await renameWithRetry(fs, temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir, fs);
  return true;
}

/** Deletes our temp files for `target` older than `olderThanMs` (left by a crash or a kill). */
export async function removeStaleTemps(
  target: string,
  nowMs: number,
  olderThanMs: number,
  fs: AtomicFs = fsPromises,
): Promise<number> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}${TEMP_MARK}`;
  let removed = 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fs.stat(file);
      if (nowMs - stat.mtimeMs < olderThanMs) continue;
      await fs.unlink(file);
      removed++;
    } catch {
      // Gone already, or not ours to remove after all.
    }
  }
  return removed;
}
