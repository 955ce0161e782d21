import fs from 'node:fs';
import path from 'node:path';

/**
 * Copies this build's CLI folder to `to`, replacing what an earlier run (maybe an older version)
 * left there. The copy is made beside it and swapped in, so a connector that an AI client starts
 * meanwhile finds either the old files or the new ones, never half of each. Source maps stay out.
 */
export function installStableCli(from: string, to: string): void {
  const parent = path.dirname(to);
  fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
  const fresh = fs.mkdtempSync(path.join(parent, '.cli-new-'));
  try {
    fs.cpSync(from, fresh, { recursive: true, filter: (file) => !file.endsWith('.map') });
    const old = fs.existsSync(to) ? `${to}.old-${process.pid}` : null;
    if (old) fs.renameSync(to, old);
    fs.renameSync(fresh, to);
    if (old) fs.rmSync(old, { recursive: true, force: true });
  } catch (error) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
}
