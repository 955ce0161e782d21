import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { lazily } from '../../shared/lazy-schema';

const PinnedTool = lazily(() =>
  z.object({
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** The approved definition as the user saw it (the review diffs against it). */
    definition: z.object({
      name: z.string(),
      title: z.string().optional(),
      description: z.string().optional(),
      inputSchema: z.unknown(),
      annotations: z.unknown().optional(),
    }),
    at: z.string(),
  }),
);
export type PinnedTool = z.infer<typeof PinnedTool>;

const PinFile = lazily(() =>
  z.object({
    version: z.literal(1),
    /** Per tool name: the version the user approved (kept when the tool disappears). */
    approved: z.record(z.string(), PinnedTool),
    /** Per tool name: a version the user rejected; it stays hidden without asking again. */
    rejected: z.record(z.string(), PinnedTool.omit({ definition: true })),
  }),
);
export type PinFile = z.infer<typeof PinFile>;

/** What reading an instance's pins found. */
export type PinRead = { kind: 'none' } | { kind: 'ok'; file: PinFile } | { kind: 'corrupt'; movedTo: string };

/**
 * One JSON file per instance in `<data-dir>/tool-pins/` (0600 in a 0700 folder). Not in the
 * instance's own folder: a server (even a sandboxed one, which may write there) must never be
 * able to approve its own tools. Writes are atomic (temp file and rename).
 */
export class PinStore {
  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  read(id: string): PinRead {
    const file = this.file(id);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
      throw error;
    }
    try {
      return { kind: 'ok', file: PinFile.parse(JSON.parse(text)) };
    } catch (error) {
      // Kept for a look, never deleted; the caller then holds every tool back for review.
      const movedTo = `${file}.corrupt-${this.clock.now()}`;
      fs.renameSync(file, movedTo);
      this.logger.warn('tool pins unreadable; moved aside', { id, movedTo, error: String(error) });
      return { kind: 'corrupt', movedTo };
    }
  }

  write(id: string, pins: PinFile): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(id);
    const temp = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, JSON.stringify(pins, null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  }

  remove(id: string): void {
    fs.rmSync(this.file(id), { force: true });
  }

  private file(id: string): string {
    // Instance ids are `[a-z0-9-]` (the contract checks); this keeps a bad one inside the folder.
    return path.join(this.dir, `${path.basename(id)}.json`);
  }
}
