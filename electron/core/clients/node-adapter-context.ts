import fs from 'node:fs';
import type { AdapterContext } from './client-adapter';

/** The small files adapters read (LM Studio's home pointer) are never bigger than this. */
const MAX_POINTER_BYTES = 64 * 1024;

/**
 * An adapter context on the real file system. Platform, home and env are still passed in (the
 * caller has them from its own deps), so nothing here reads `process` or `os`.
 */
export function nodeAdapterContext(
  machine: Pick<AdapterContext, 'platform' | 'home' | 'env'>,
): AdapterContext {
  return {
    ...machine,
    exists: (file) => fs.existsSync(file),
    readText(file) {
      try {
        if (fs.statSync(file).size > MAX_POINTER_BYTES) return null;
        return fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
  };
}
