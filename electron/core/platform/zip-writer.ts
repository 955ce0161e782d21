import type { Zippable } from 'fflate';

/** One file to put in a zip. */
export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  name: string;
  data: Buffer | string;
}

/** Unix, with -rw------- permissions: whoever unpacks it keeps the files private. */
const PRIVATE_FILE = { os: 3, attrs: (0o100600 << 16) >>> 0 };

/**
 * A complete zip archive (fflate: deflate at level 9, or stored where that does not help).
 * Written whole in memory: diagnostics are megabytes, and a failure leaves nothing half-written.
 * fflate is imported here, not at start: it builds its tables when loaded (~12 ms of every start).
 */
export async function buildZip(entries: readonly ZipEntry[], modified: Date = new Date()): Promise<Buffer> {
  const { zipSync } = await import('fflate');
  const files: Zippable = {};
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    files[entry.name] = [data, { ...PRIVATE_FILE, level: 9, mtime: modified }];
  }
  return Buffer.from(zipSync(files));
}
