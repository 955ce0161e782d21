import { checkManifestLimits } from './bundle-limits';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { UserFacingError } from '../rpc/errors';
import { Manifest } from './manifest';

/**
 * A small reader for `.mcpb` bundles (zip files): the central directory, stored and deflated
 * entries, CRC checks. No zip package: what a bundle may contain is narrow, and every limit
 * below is ours to choose. ZIP64, encryption, multi-disk archives and symlinks are refused.
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
  read(): Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

const bad = (why: string): UserFacingError =>
  new UserFacingError('bad-bundle', `This is not a bundle MCP Tray can open: ${why}`);

function findEndOfDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_MIN - MAX_COMMENT);
  for (let at = buf.length - EOCD_MIN; at >= stop; at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  throw bad('it is not a zip file.');
}

/** Rejects names that could land outside the folder they are extracted into. */
export function checkEntryName(raw: string): string {
  if (raw.length === 0 || raw.length > 1024 || raw.includes('\0')) throw bad('a file has an invalid name.');
  if (raw.includes('\\')) throw bad(`"${raw}" uses backslashes in its path.`);
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw bad(`"${raw}" has an absolute path.`);
  const parts = raw.split('/');
  if (parts.some((part) => part === '..')) throw bad(`"${raw}" points outside the bundle.`);
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}

function inflate(data: Buffer, method: number, size: number, name: string): Buffer {
  if (method === 0) return data;
  if (method !== 8) throw bad(`"${name}" uses a compression method other than deflate.`);
  try {
    // maxOutputLength caps a zip bomb at the size the directory declared (checked against limits).
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch {
    throw bad(`"${name}" is damaged or larger than it says.`);
  }
}

/** Lists a zip archive's files (directories are implied by the paths). Throws `bad-bundle`. */
export function readZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (buf.length < EOCD_MIN) throw bad('the file is too small to be a zip file.');
  const end = findEndOfDirectory(buf);
  const disk = buf.readUInt16LE(end + 4);
  const cdDisk = buf.readUInt16LE(end + 6);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (disk !== 0 || cdDisk !== 0) throw bad('it is split across several files.');
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw bad('it uses the ZIP64 format, which bundles do not need.');
  }
  if (count > limits.maxEntries) throw bad(`it has more than ${limits.maxEntries} files.`);
  if (cdOffset + cdSize > end) throw bad('its table of contents is damaged.');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) throw bad('its table of contents is damaged.');
    const madeBy = buf.readUInt16LE(at + 4) >> 8;
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const external = buf.readUInt32LE(at + 38);
    const localOffset = buf.readUInt32LE(at + 42);
    const rawName = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw bad(`"${rawName}" is encrypted.`);
    if (compressed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw bad('it uses the ZIP64 format, which bundles do not need.');
    }
    const unixMode = madeBy === 3 ? external >>> 16 : 0;
    if ((unixMode & 0o170000) === 0o120000) throw bad(`"${rawName}" is a symbolic link.`);
    const name = checkEntryName(rawName);
    if (rawName.endsWith('/') || name === '') continue;
    // Case-folded: two names that differ only in case would overwrite each other on macOS/Windows.
    const key = name.toLowerCase();
    if (seen.has(key)) throw bad(`"${name}" appears twice.`);
    seen.add(key);
    if (size > limits.maxEntryBytes) throw bad(`"${name}" is larger than the limit for one file.`);
    total += size;
    if (total > limits.maxTotalBytes) throw bad('its files add up to more than the size limit.');

    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) {
      throw bad(`"${name}" is damaged.`);
    }
    const dataStart =
      localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressed > buf.length) throw bad(`"${name}" is cut short.`);
    entries.push({
      name,
      size,
      mode: unixMode & 0o111 ? 0o755 : 0o644,
      read: () => {
        const data = inflate(buf.subarray(dataStart, dataStart + compressed), method, size, name);
        if (data.length !== size || zlib.crc32(data) !== crc) throw bad(`"${name}" is damaged.`);
        return data;
      },
    });
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
export function openBundle(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Bundle {
  const entries = readZip(buf, limits);
  const file = entries.find((entry) => entry.name === 'manifest.json');
  if (!file) throw bad('it has no manifest.json at its top level.');
  let json: unknown;
  try {
    json = JSON.parse(file.read().toString('utf8'));
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
  for (const entry of entries) entry.read();
  return { manifest: parsed.data, entries, totalBytes: entries.reduce((sum, e) => sum + e.size, 0) };
}

/**
 * Writes the files into `dir` (which must not exist yet): first into a sibling temp folder,
 * then renamed, so a failure never leaves a half-written bundle behind.
 */
export function extractBundle(entries: readonly ZipEntry[], dir: string): void {
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
      fs.writeFileSync(file, entry.read(), { mode: entry.mode, flag: 'wx' });
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
