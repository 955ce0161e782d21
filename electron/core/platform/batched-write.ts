import type { Writable } from 'node:stream';

/**
 * Writes `text` to `stream`, coalescing every write made in the same tick into one system call:
 * replies to calls in flight that the server answered in one chunk leave in one write, not one
 * each. The stream is uncorked before the tick ends, so nothing waits for a later event.
 */
export function batchedWrite(
  stream: Writable,
  text: string,
  callback?: (error: Error | null | undefined) => void,
): void {
  if (stream.writableCorked === 0) {
    stream.cork();
    process.nextTick(() => stream.uncork());
  }
  stream.write(text, callback);
}
