import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../platform/logger';

export interface RotatingLogOptions {
  /** The live file; rotated copies are `file.1` (newest) … `file.<keep>`. */
  file: string;
  /** The live file never grows past this; default 1 MiB. */
  maxBytes?: number;
  /** Rotated files kept; default 2. */
  keep?: number;
  /** Lines kept in memory for the UI; default 200. */
  tailLines?: number;
  /** Longer lines are cut in the in-memory tail (not on disk); default 4000 bytes. */
  maxLineLength?: number;
  /** Told once if the disk fails; the in-memory tail carries on regardless. */
  logger?: Logger;
}

/**
 * A server's stderr on disk, bounded to `(keep + 1) × maxBytes` (files 0600 in a 0700 folder,
 * since servers print tokens and paths), plus its last lines in memory with a hard cap, so a
 * server writing 50 MB without a newline costs no more memory than one writing short lines.
 */
export class RotatingLog {
  private fd: number | null = null;
  private size = 0;
  private written = 0;
  private broken = false;
  private readonly lines: string[] = [];
  /** The line not yet ended by a newline: at most `maxLineLength` bytes, the rest only counted. */
  private partial: Buffer[] = [];
  private partialLength = 0;
  private partialDropped = 0;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly tailLines: number;
  private readonly maxLineLength: number;

  constructor(private readonly options: RotatingLogOptions) {
    this.maxBytes = Math.max(1, options.maxBytes ?? 1024 * 1024);
    this.keep = Math.max(0, options.keep ?? 2);
    this.tailLines = Math.max(0, options.tailLines ?? 200);
    this.maxLineLength = Math.max(1, options.maxLineLength ?? 4000);
    this.guard(() => {
      fs.mkdirSync(path.dirname(options.file), { recursive: true, mode: 0o700 });
      this.open();
    });
  }

  /** Bytes given to {@link write} since this log was created (whether or not on disk). */
  get bytesWritten(): number {
    return this.written;
  }

  /** Appends synchronously, so the last words of a crashing server are on disk. */
  write(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.written += bytes.length;
    this.guard(() => this.toDisk(bytes));
    this.toTail(bytes);
  }

  /** The last `n` lines, most recent last, with the unfinished line if there is one. */
  tail(n = this.tailLines): string[] {
    const pending = this.partialLength > 0 || this.partialDropped > 0 ? [this.pendingLine()] : [];
    return n > 0 ? [...this.lines, ...pending].slice(-n) : [];
  }

  /** Closes the file; later writes only reach the in-memory tail (late stderr after a stop). */
  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    fs.closeSync(fd);
  }

  private open(): void {
    this.fd = fs.openSync(this.options.file, 'a', 0o600);
    // The mode of openSync only applies to a new file; an older one may have been made wider.
    fs.fchmodSync(this.fd, 0o600);
    this.size = fs.fstatSync(this.fd).size;
  }

  private toDisk(bytes: Buffer): void {
    let offset = 0;
    while (this.fd !== null && offset < bytes.length) {
      const rest = bytes.length - offset;
      // Rotate before the file would pass maxBytes; a chunk bigger than a whole file is split.
      if (this.size > 0 && this.size + rest > this.maxBytes) {
        this.rotate();
        continue;
      }
      const count = fs.writeSync(this.fd, bytes, offset, Math.min(rest, this.maxBytes - this.size));
      offset += count;
      this.size += count;
    }
  }

  private rotate(): void {
    this.close();
    const { file } = this.options;
    if (this.keep === 0) fs.rmSync(file, { force: true });
    // Renaming onto file.<keep> drops the oldest copy.
    for (let i = this.keep; i >= 1; i--) {
      try {
        fs.renameSync(i === 1 ? file : `${file}.${i - 1}`, `${file}.${i}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    this.open();
  }

  /** A full disk or a deleted folder must not take the supervisor down: go on in memory. */
  private guard(action: () => void): void {
    if (this.broken) return;
    try {
      action();
    } catch (error) {
      this.broken = true;
      try {
        this.close();
      } catch {
        // The descriptor is unusable either way.
      }
      this.options.logger?.warn('server log file disabled', {
        file: this.options.file,
        error: String(error),
      });
    }
  }

  private toTail(bytes: Buffer): void {
    const ends: number[] = [];
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) ends.push(i);
    // Only the last `tailLines` lines of a chunk can stay in the tail: skip decoding the others.
    const first = Math.max(0, ends.length - this.tailLines);
    let start = first > 0 ? ends[first - 1]! + 1 : 0;
    if (first > 0) this.resetPartial();
    for (const end of ends.slice(first)) {
      this.appendPartial(bytes, start, end);
      this.lines.push(this.pendingLine());
      if (this.lines.length > this.tailLines) this.lines.shift();
      this.resetPartial();
      start = end + 1;
    }
    this.appendPartial(bytes, start, bytes.length);
  }

  private appendPartial(bytes: Buffer, start: number, end: number): void {
    const take = Math.max(0, Math.min(end - start, this.maxLineLength - this.partialLength));
    // A copy: a view would keep the whole chunk alive for a few bytes.
    if (take > 0) this.partial.push(Buffer.from(bytes.subarray(start, start + take)));
    this.partialLength += take;
    this.partialDropped += end - start - take;
  }

  private resetPartial(): void {
    this.partial = [];
    this.partialLength = 0;
    this.partialDropped = 0;
  }

  private pendingLine(): string {
    const text = Buffer.concat(this.partial, this.partialLength).toString('utf8').replace(/\r$/, '');
    return this.partialDropped > 0 ? `${text}… [truncated ${this.partialDropped} bytes]` : text;
  }
}
