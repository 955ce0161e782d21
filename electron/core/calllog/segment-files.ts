import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../platform/logger';

/** One `calls-<first id>.jsonl` file. */
export interface Segment {
  readonly name: string;
  readonly firstId: number;
  /** Largest record id in the file; `firstId - 1` while it has none. */
  lastId: number;
  bytes: number;
}

export interface LoadCounts {
  segments: number;
  /** Unfinished last lines (a crash in the middle of a write), dropped. */
  torn: number;
  /** Complete lines that were not a valid record, skipped. */
  invalid: number;
}

const SEGMENT_NAME = /^calls-(\d+)\.jsonl$/;

/** Zero-padded, so sorting names sorts segments oldest first. */
export const segmentName = (firstId: number): string => `calls-${String(firstId).padStart(12, '0')}.jsonl`;

/**
 * The segment files of the log folder: read once at open, appended to one line per write, and
 * deleted oldest first. Only the newest segment is ever written to.
 */
export class SegmentFiles {
  private readonly segments: Segment[] = [];
  /** The segment taking appends (the newest), or null until one is created. */
  private writable: Segment | null = null;
  private fd: number | null = null;
  private bytes = 0;

  constructor(
    private readonly dir: string,
    private readonly segmentBytes: number,
    private readonly logger: Logger,
  ) {}

  get count(): number {
    return this.segments.length;
  }

  get oldest(): Segment | undefined {
    return this.segments[0];
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** The smallest id no segment has used, so ids keep growing even after every record expired. */
  get nextId(): number {
    // Past the first id of a segment that takes no appends (a torn one), so no new file takes its name.
    return this.segments.reduce(
      (next, s) => Math.max(next, s.lastId + 1, s === this.writable ? 0 : s.firstId + 1),
      1,
    );
  }

  /**
   * Creates the folder and hands every complete line to `accept`, oldest first; `accept` returns
   * the record's id, or null for a line it rejects.
   */
  load(accept: (line: string) => number | null): LoadCounts {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // mkdir's mode only applies to a new folder; one made wider since is narrowed again.
    fs.chmodSync(this.dir, 0o700);
    const found = fs
      .readdirSync(this.dir)
      .flatMap((name) => {
        const match = SEGMENT_NAME.exec(name);
        return match ? [{ name, firstId: Number(match[1]) }] : [];
      })
      .sort((a, b) => a.firstId - b.firstId);
    const counts: LoadCounts = { segments: found.length, torn: 0, invalid: 0 };
    found.forEach(({ name, firstId }, i) => {
      const file = path.join(this.dir, name);
      const data = fs.readFileSync(file);
      const end = data.lastIndexOf(0x0a) + 1;
      let size = data.length;
      if (end < data.length) {
        counts.torn++;
        // New lines go to the newest segment: cut the torn tail so the next line starts clean.
        if (i === found.length - 1 && this.cut(file, end)) size = end;
      }
      const segment: Segment = { name, firstId, lastId: firstId - 1, bytes: size };
      for (const line of data.toString('utf8', 0, end).split('\n')) {
        if (line === '') continue;
        const id = accept(line);
        if (id === null) counts.invalid++;
        else segment.lastId = Math.max(segment.lastId, id);
      }
      this.segments.push(segment);
      this.bytes += size;
      if (i === found.length - 1 && size === end) this.writable = segment;
    });
    return counts;
  }

  /**
   * Writes one line (with its newline) in one synchronous write, first starting a new segment
   * when the current one would pass `segmentBytes`. Throws when the disk refuses.
   */
  append(id: number, line: string): void {
    this.appendAll([{ id, line }]);
  }

  /**
   * Writes lines in order, as few synchronous writes as segments they fall in (one, nearly
   * always): the segment boundaries are where {@link append}, one line at a time, puts them.
   * Throws when the disk refuses; the lines before the failing write are on disk.
   */
  appendAll(lines: readonly { id: number; line: string }[]): void {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let lastId = 0;
    for (const { id, line } of lines) {
      const data = Buffer.from(line + '\n');
      const segment = this.writable;
      if (
        segment &&
        segment.bytes + pendingBytes > 0 &&
        segment.bytes + pendingBytes + data.length > this.segmentBytes
      ) {
        this.writeOut(pending, pendingBytes, lastId);
        pending = [];
        pendingBytes = 0;
        this.close();
        this.writable = null;
      }
      if (!this.writable) {
        const fresh = { name: segmentName(id), firstId: id, lastId: id - 1, bytes: 0 };
        this.segments.push(fresh);
        this.writable = fresh;
      }
      pending.push(data);
      pendingBytes += data.length;
      lastId = id;
    }
    this.writeOut(pending, pendingBytes, lastId);
  }

  private writeOut(parts: Buffer[], size: number, lastId: number): void {
    const segment = this.writable;
    if (size === 0 || !segment) return;
    const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    const fd = this.fd ?? this.openFile(segment);
    let written = 0;
    // A regular file takes the whole buffer at once; the loop only guards a short write.
    while (written < data.length) written += fs.writeSync(fd, data, written);
    segment.bytes += data.length;
    segment.lastId = lastId;
    this.bytes += data.length;
  }

  /** Deletes the oldest segment, never the one being written; null when there is none. */
  dropOldest(): Segment | null {
    const segment = this.segments[0];
    if (!segment || segment === this.writable) return null;
    this.segments.shift();
    this.bytes -= segment.bytes;
    try {
      fs.rmSync(path.join(this.dir, segment.name), { force: true });
    } catch (error) {
      // Forgotten either way: retrying on every append would only repeat the warning.
      this.logger.warn('could not delete an old tool-call log segment', {
        file: segment.name,
        error: String(error),
      });
    }
    return segment;
  }

  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    fs.closeSync(fd);
  }

  private openFile(segment: Segment): number {
    const fd = fs.openSync(path.join(this.dir, segment.name), 'a', 0o600);
    this.fd = fd;
    // The mode of openSync only applies to a new file; an older one may have been made wider.
    fs.fchmodSync(fd, 0o600);
    return fd;
  }

  private cut(file: string, length: number): boolean {
    try {
      fs.truncateSync(file, length);
      return true;
    } catch (error) {
      this.logger.warn('could not cut a torn line off the tool-call log', { file, error: String(error) });
      return false;
    }
  }
}
