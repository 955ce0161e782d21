import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { UserFacingError } from '../rpc/errors';
import { checkManifestLimits } from './bundle-limits';
import { Manifest } from './manifest';

/**
 * Reads `.mcpb` bundles (zip files) with yauzl, and keeps our own rules on top: entry names
 * (no `..`, absolute or drive paths, backslashes, case clashes), no symlinks or encryption,
 * limits on the count and sizes declared, inflation stopped at the declared size, CRC checked.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the uncompressed sizes the directory declares. */
  maxTotalBytes: number;
  maxEntryBytes: number;
}

const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
};

/** One file in the archive; `read()` inflates it and checks its CRC. */
export interface ZipEntry {
  /** Relative path with `/` separators, checked: no `..`, no absolute or drive paths. */
  name: string;
  size: number;
  /** Unix permission bits when the archive has them (0o755 keeps a binary runnable). */
  mode: number;
  read(): Promise<Buffer>;
}

/** "Made by" Unix (APPNOTE 4.4.2): only then do the external attributes hold a file mode. */
const MADE_BY_UNIX = 3;

const bad = (why: string): UserFacingError =>
  new UserFacingError('bad-bundle', `This is not a bundle MCP Tray can open: ${why}`);

/** Rejects names that could land outside the folder they are extracted into. */
export function checkEntryName(raw: string): string {
  if (raw.length === 0 || raw.length > 1024 || raw.includes('\0')) throw bad('a file has an invalid name.');
  if (raw.includes('\\')) throw bad(`"${raw}" uses backslashes in its path.`);
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw bad(`"${raw}" has an absolute path.`);
  const parts = raw.split('/');
  if (parts.some((part) => part === '..')) throw bad(`"${raw}" points outside the bundle.`);
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}

async function open(buf: Buffer): Promise<yauzl.ZipFile> {
  try {
    // Names stay raw here: ours are checked below, with our own words.
    return await yauzl.fromBufferPromise(buf, { decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw bad(`it is not a zip file, or it is damaged (${(error as Error).message}).`);
  }
}

/** A file's bytes, stopped past its declared size (a zip bomb) and checked against its CRC. */
async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  } catch {
    throw bad(`"${name}" is damaged or larger than it says.`);
  }
  const data = Buffer.concat(chunks);
  if (data.length !== entry.uncompressedSize || zlib.crc32(data) !== entry.crc32) {
    throw bad(`"${name}" is damaged.`);
  }
  return data;
}

/** Lists a zip archive's files (directories are implied by the paths). Throws `bad-bundle`. */
export async function readZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntry[]> {
  const zip = await open(buf);
  if (zip.entryCount > limits.maxEntries) throw bad(`it has more than ${limits.maxEntries} files.`);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        true,
      );
      if (entry.isEncrypted()) throw bad(`"${raw}" is encrypted.`);
      const unixMode = entry.versionMadeBy >> 8 === MADE_BY_UNIX ? entry.externalFileAttributes >>> 16 : 0;
      if ((unixMode & 0o170000) === 0o120000) throw bad(`"${raw}" is a symbolic link.`);
      const name = checkEntryName(raw);
      if (raw.endsWith('/') || name === '') continue;
      // Case-folded: two names that differ only in case would overwrite each other on macOS/Windows.
      const key = name.toLowerCase();
      if (seen.has(key)) throw bad(`"${name}" appears twice.`);
      seen.add(key);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw bad(`"${name}" uses a compression method other than deflate.`);
      }
      const size = entry.uncompressedSize;
      if (size > limits.maxEntryBytes) throw bad(`"${name}" is larger than the limit for one file.`);
      total += size;
      if (total > limits.maxTotalBytes) throw bad('its files add up to more than the size limit.');
      entries.push({
        name,
        size,
        mode: unixMode & 0o111 ? 0o755 : 0o644,
        read: () => readEntry(zip, entry, name),
      });
    }
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw bad(`its table of contents is damaged (${(error as Error).message}).`);
  }
  return entries;
}

/** A bundle's manifest and files, checked but not extracted. */
export interface Bundle {
  manifest: Manifest;
  entries: ZipEntry[];
  totalBytes: number;
}

/** Reads and validates `manifest.json` and checks every file's integrity (nothing is written). */
export async function openBundle(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Bundle> {
  const entries = await readZip(buf, limits);
  const file = entries.find((entry) => entry.name === 'manifest.json');
  if (!file) throw bad('it has no manifest.json at its top level.');
  let json: unknown;
  try {
    json = JSON.parse((await file.read()).toString('utf8'));
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw bad('its manifest.json is not valid JSON.');
  }
  checkManifestLimits(json);
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(`its manifest.json is incomplete (${issue?.path.join('.') || 'manifest'}: ${issue?.message}).`);
  }
  // Inflate everything once now, so a damaged file is reported before the user confirms.
  for (const entry of entries) await entry.read();
  return { manifest: parsed.data, entries, totalBytes: entries.reduce((sum, e) => sum + e.size, 0) };
}

/**
 * Writes the files into `dir` (which must not exist yet): first into a sibling temp folder,
 * then renamed, so a failure never leaves a half-written bundle behind.
 */
export async function extractBundle(entries: readonly ZipEntry[], dir: string): Promise<void> {
  const target = path.resolve(dir);
  if (fs.existsSync(target)) throw new UserFacingError('exists', `The folder ${target} already exists.`);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = fs.mkdtempSync(`${target}.partial-`);
  try {
    for (const entry of entries) {
      const file = path.resolve(temp, ...entry.name.split('/'));
      // Names were checked when read; this is the belt to those braces.
      if (!file.startsWith(temp + path.sep)) throw bad(`"${entry.name}" points outside the bundle.`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, await entry.read(), { mode: entry.mode, flag: 'wx' });
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
