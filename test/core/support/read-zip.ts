import { unzipSync } from 'fflate';

/** A zip's files by name (tests only), read with fflate: not the reader under test. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(zip)).map(([name, data]) => [name, Buffer.from(data)]));
}
