import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../platform/logger';
import { silentLogger } from '../platform/logger';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { RotatingLog } from './rotating-log';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

const sizes = (file: string) =>
  [file, `${file}.1`, `${file}.2`, `${file}.3`].map((f) => (fs.existsSync(f) ? fs.statSync(f).size : null));
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const memory = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

describe('RotatingLog', () => {
  it('keeps 50 MB of lines within (keep + 1) × maxBytes on disk, private, with the right tail', () => {
    const dir = path.join(tempDir(), 'logs');
    const file = path.join(dir, 'server.stderr.log');
    const log = new RotatingLog({ file, logger: silentLogger });
    // 655 lines of 100 bytes and 36 bytes more: lines straddle every chunk boundary.
    const chunk = ('x'.repeat(99) + '\n').repeat(655) + 'y'.repeat(36);
    expect(Buffer.byteLength(chunk)).toBe(CHUNK);
    const bytes = Buffer.from(chunk);
    for (let i = 0; i < (50 * MiB) / CHUNK; i++) log.write(bytes);
    log.write('\nlast line\r\n');
    expect(log.bytesWritten).toBe(50 * MiB + 12);
    const [live, one, two, three] = sizes(file);
    expect(three).toBeNull();
    expect(live! + one! + two!).toBeLessThanOrEqual(3 * MiB);
    expect([live, one, two].every((size) => size! <= MiB)).toBe(true);
    expect(fs.readFileSync(`${file}.1`, 'utf8').endsWith('x\n' + 'y'.repeat(36))).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('\nlast line\r\n');
    const tail = log.tail();
    expect(tail).toHaveLength(200);
    expect(tail.slice(-3)).toEqual(['x'.repeat(99), 'y'.repeat(36), 'last line']);
    expect(log.tail(1)).toEqual(['last line']);
    if (process.platform !== 'win32') {
      expect(mode(dir)).toBe(0o700);
      for (const f of [file, `${file}.1`, `${file}.2`]) expect(mode(f)).toBe(0o600);
    }
    log.close();
  });

  it('bounds memory when 50 MB arrive without a newline', () => {
    const file = path.join(tempDir(), 'server.log');
    const log = new RotatingLog({ file });
    const bytes = Buffer.alloc(CHUNK, 'z');
    const before = memory();
    for (let i = 0; i < (50 * MiB) / CHUNK; i++) log.write(bytes);
    // Generous: what matters is that it does not grow with the 50 MB written.
    expect(memory() - before).toBeLessThan(16 * MiB);
    const [line] = log.tail();
    expect(log.tail()).toHaveLength(1);
    expect(line).toBe('z'.repeat(4000) + `… [truncated ${50 * MiB - 4000} bytes]`);
    const [live, one, two, three] = sizes(file);
    expect([live, one, two, three]).toEqual([MiB, MiB, MiB, null]);
    log.write('\nnext');
    expect(log.tail()).toEqual([line, 'next']);
    log.close();
  });

  it('rotates before the limit, file.1 newer than file.2, dropping the oldest', () => {
    const file = path.join(tempDir(), 'r.log');
    const log = new RotatingLog({ file, maxBytes: 100, keep: 2 });
    for (const letter of 'ABCD') log.write(letter.repeat(60) + '\n');
    const read = (f: string) => fs.readFileSync(f, 'utf8').trim();
    expect([read(file), read(`${file}.1`), read(`${file}.2`)]).toEqual(
      ['D', 'C', 'B'].map((l) => l.repeat(60)),
    );
    expect(fs.existsSync(`${file}.3`)).toBe(false);
    log.write('E'.repeat(250));
    expect(sizes(file).slice(0, 3)).toEqual([50, 100, 100]);
    log.close();
  });

  it('appends to an existing file and counts it toward the limit', () => {
    const file = path.join(tempDir(), 'a.log');
    const first = new RotatingLog({ file, maxBytes: 10 });
    first.write('one\ntwo\n');
    first.close();
    const second = new RotatingLog({ file, maxBytes: 10 });
    second.write('x\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('one\ntwo\nx\n');
    expect(second.bytesWritten).toBe(2);
    second.write('abc');
    expect(fs.readFileSync(`${file}.1`, 'utf8')).toBe('one\ntwo\nx\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('abc');
    second.close();
  });

  it('splits lines across chunks and bytes of one character, cuts long lines and strips CR', () => {
    const file = path.join(tempDir(), 't.log');
    const log = new RotatingLog({ file, tailLines: 3, maxLineLength: 10 });
    const accent = Buffer.from('é');
    log.write(Buffer.concat([Buffer.from('caf'), accent.subarray(0, 1)]));
    log.write(Buffer.concat([accent.subarray(1), Buffer.from('\r\n')]));
    expect(log.tail()).toEqual(['café']);
    log.write('a'.repeat(25) + '\nshort\npart');
    expect(log.tail()).toEqual(['café', 'aaaaaaaaaa… [truncated 15 bytes]', 'short', 'part'].slice(-3));
    expect(log.tail(2)).toEqual(['short', 'part']);
    expect(log.tail(0)).toEqual([]);
    log.write(Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n');
    expect(log.tail()).toEqual(['line 997', 'line 998', 'line 999']);
    log.close();
    log.write('closed\n');
    expect(log.tail(1)).toEqual(['closed']);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('closed');
  });

  it('keeps going in memory when the disk fails, and says so once', () => {
    const dir = path.join(tempDir(), 'gone');
    const file = path.join(dir, 'f.log');
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => void warnings.push(message) };
    const log = new RotatingLog({ file, maxBytes: 10, logger });
    log.write('12345678\n');
    fs.rmSync(dir, { recursive: true });
    expect(() => log.write('more than ten bytes\n')).not.toThrow();
    expect(() => log.write('still fine\n')).not.toThrow();
    expect(log.tail()).toEqual(['12345678', 'more than ten bytes', 'still fine']);
    expect(warnings).toHaveLength(1);
    log.close();
  });
});
