import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../platform/logger';
import type { RegistryRecord } from './registry-client';

/** A registry's server list as last fetched. */
export interface CachedList {
  url: string;
  /** Epoch ms of the fetch. */
  fetchedAt: number;
  records: RegistryRecord[];
}

/** Longest description kept: registries have held megabytes in one; the UI shows far less. */
const MAX_KEPT_DESCRIPTION = 2000;

/**
 * One JSON file per registry under `<dataDir>/registry/`, so searching works offline. Written
 * through a temp file and a rename: a crash mid-write leaves the previous list, never half of one.
 */
export class RegistryCache {
  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {}

  read(url: string): CachedList | null {
    const file = this.file(url);
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CachedList;
      if (parsed.url !== url || !Array.isArray(parsed.records) || typeof parsed.fetchedAt !== 'number')
        return null;
      return parsed;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn('registry cache unreadable; it will be fetched again', {
          file,
          error: String(error),
        });
      }
      return null;
    }
  }

  write(list: CachedList): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(list.url);
    const temp = `${file}.${process.pid}.tmp`;
    const records = list.records.map((r) =>
      r.server.description.length > MAX_KEPT_DESCRIPTION
        ? { ...r, server: { ...r.server, description: r.server.description.slice(0, MAX_KEPT_DESCRIPTION) } }
        : r,
    );
    fs.writeFileSync(temp, JSON.stringify({ ...list, records }), { mode: 0o600 });
    fs.renameSync(temp, file);
  }

  private file(url: string): string {
    const hash = createHash('sha256').update(url).digest('hex').slice(0, 16);
    return path.join(this.dir, `${hash}.json`);
  }
}
