import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/** One file for {@link writeZip}; `name` is written as given (tests use hostile names too). */
export interface ZipFile {
  name: string;
  data: string | Buffer;
  /** Unix mode bits (e.g. 0o100755); marks the archive as made on Unix when set. */
  mode?: number;
  /** Stored instead of deflated. */
  store?: boolean;
}

/**
 * A zip for tests (fflate), with the names and modes given, hostile ones included: the archives
 * the bundle reader must accept or refuse. Each entry has a 30-byte local header and a 46-byte
 * central one with no extra fields, so tests can find and damage a file's bytes.
 */
export function writeZip(files: readonly ZipFile[]): Buffer {
  const zippable: Zippable = {};
  for (const file of files) {
    const data = Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data);
    const attrs = file.mode === undefined ? {} : { os: 3, attrs: (file.mode << 16) >>> 0 };
    zippable[file.name] = [data, { ...attrs, level: file.store ? 0 : 6 }];
  }
  return Buffer.from(zipSync(zippable));
}
