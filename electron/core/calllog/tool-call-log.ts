/**
 * The durable log of every `tools/call` that passes the broker.
 *
 * Storage is append-only JSON-lines segment files (`calls-<first id>.jsonl`, 0600, in a 0700
 * folder) plus an in-memory index of every retained record, which answers queries. Not SQLite:
 * `node:sqlite` was experimental when this was chosen (the host then ran on Node 20), better-sqlite3 needs an
 * ABI rebuild for Electron, and sql.js keeps the database in memory and cannot append durably.
 *
 * Records are built right after the reply and written with synchronous `fs.writeSync` on a
 * descriptor opened for appending a few milliseconds later (one write for the calls that
 * finished within {@link BATCH_MS}, see {@link ToolCallLog.appendLater}; a write per call was a
 * tenth of the core's work per call): a crash of the core loses at most the calls of those
 * milliseconds, because the OS page cache outlives the process. A query and a normal close write what is
 * queued first, so neither ever misses a call. There is no fsync per record, so a power loss
 * can lose the last seconds; a torn last line is dropped (and cut off) at the next open.
 *
 * Arguments, errors and result previews are redacted and bounded before anything is written or
 * kept (see `redact.ts`): a credential an AI client passes to a tool never reaches the disk.
 *
 * Retention: records older than `maxAgeMs` and past `maxRecords` leave the index (oldest first),
 * whole segments are deleted oldest first while the folder is over `maxBytes`, and a segment is
 * deleted once none of its records is retained. The segment being written is never deleted, so
 * the folder holds at most about max(maxBytes, segmentBytes) and ids never repeat.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallOutcome, ToolCallPage, ToolCallQuery, ToolCallRecord } from '../../shared/contract';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { buildRecord, parseRecord } from './record-codec';
import { scrubSecrets } from './scrub-secrets';
import { entryFor, RecordIndex } from './record-index';
import { SegmentFiles } from './segment-files';

/** A finished call as the broker sees it: raw, not yet redacted. */
export interface NewToolCall {
  /** When the call started, ms since the epoch. */
  time: number;
  instanceId: string;
  client: { name: string; version: string | null };
  source: 'client' | 'mcp-tray';
  tool: string;
  /** Raw and unredacted: the log redacts before anything is kept or written. */
  arguments: unknown;
  durationMs: number;
  outcome: ToolCallOutcome;
  /** Raw; credential-shaped parts are redacted too. */
  error: string | null;
  result: CallToolResult | null;
  /**
   * The result's size in bytes as the server sent it, when the caller has its line: saves
   * serialising a result of megabytes again only to measure it.
   */
  resultBytes?: number;
}

export interface ToolCallLogOptions {
  /** The log folder (created 0700). */
  dir: string;
  clock: Clock;
  logger: Logger;
  /** Total retained on disk; default 50 MiB. */
  maxBytes?: number;
  /** Records older than this are dropped; default 30 days. */
  maxAgeMs?: number;
  /** A new segment file starts past this size; default 4 MiB. */
  segmentBytes?: number;
  /** Records retained; default 200 000. */
  maxRecords?: number;
}

const MiB = 1024 * 1024;
/** How long a finished call may wait to be written with the calls that finish after it. */
const BATCH_MS = 5;
/** Built records that are written at once, without waiting for {@link BATCH_MS}. */
const BATCH_MAX = 256;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The tool-call log: append as calls finish, query newest first. */
export class ToolCallLog {
  private readonly index = new RecordIndex();
  private files: SegmentFiles;
  private readonly maxBytes: number;
  private maxAgeMs: number;
  private readonly maxRecords: number;
  private state: 'new' | 'open' | 'closed' = 'new';
  private nextId = 1;
  /** Set once a write fails: later records are kept in memory only, until the next start. */
  private diskFailed = false;
  /** Calls handed over with {@link appendLater}, not yet built. */
  private queued: {
    call: NewToolCall;
    then: (record: ToolCallRecord) => void;
    secrets: readonly string[];
  }[] = [];
  /** Records built from queued calls, waiting for the batch's write. */
  private built: { record: ToolCallRecord; line: string; then: (record: ToolCallRecord) => void }[] = [];
  /** The write of the built records, {@link BATCH_MS} after the first of them. */
  private batchTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ToolCallLogOptions) {
    this.maxBytes = Math.max(1, options.maxBytes ?? 50 * MiB);
    this.maxAgeMs = Math.max(0, options.maxAgeMs ?? 30 * DAY_MS);
    this.maxRecords = Math.max(1, options.maxRecords ?? 200_000);
    this.files = this.newFiles();
  }

  /** Records retained (and searchable). */
  get size(): number {
    return this.index.size;
  }

  /**
   * Creates the folder, loads the segments (skipping a torn last line and lines that are not
   * records), continues ids after the highest seen and applies retention. Throws if the folder
   * cannot be created or read. Opening again after {@link close} reloads from disk.
   */
  open(): void {
    if (this.state === 'open') return;
    this.index.clear();
    this.files = this.newFiles();
    this.diskFailed = false;
    let lastId = 0;
    const counts = this.files.load((line) => {
      const record = parseRecord(line);
      // Ids only grow; a line breaking that (a hand-edited file) cannot be placed in the index.
      if (!record || record.id <= lastId) return null;
      lastId = record.id;
      this.index.add(entryFor(record, line));
      return record.id;
    });
    this.nextId = Math.max(this.files.nextId, lastId + 1);
    this.state = 'open';
    this.retain();
    const fields = { dir: this.options.dir, records: this.size, ...counts };
    if (counts.torn + counts.invalid > 0) this.options.logger.warn('tool-call log had damaged lines', fields);
    else this.options.logger.info('tool-call log opened', fields);
  }

  /**
   * Redacts and bounds a finished call, writes it and indexes it; returns the record as stored
   * (what the UI is sent). Throws only when the log is not open; a failing disk is logged once
   * and the log carries on in memory.
   */
  append(call: NewToolCall): ToolCallRecord {
    const built = this.build(call);
    this.write([built]);
    this.keep(built);
    this.retain();
    return built.record;
  }

  /**
   * Appends `call` after the current turn of the event loop (the broker sends the reply first):
   * it is built then, while the client reads its answer, and written within {@link BATCH_MS}
   * with the calls that finish meanwhile; then `then` is called with the stored record. Queued
   * calls are written before any query and before the log closes, so none is lost and none is
   * missing from a query made after the client had its answer. `secrets` (the instance's own)
   * are scrubbed from it first. Errors go to the logger, as a failing disk does.
   */
  appendLater(
    call: NewToolCall,
    then: (record: ToolCallRecord) => void,
    secrets: readonly string[] = [],
  ): void {
    this.queued.push({ call, then, secrets });
    if (this.queued.length === 1) setImmediate(() => this.buildAndWait());
  }

  /** Writes every queued call now: one write for the batch, then each record's `then`. */
  flush(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.buildQueued();
    const built = this.built;
    this.built = [];
    if (built.length === 0) return;
    // On disk before anyone hears of them.
    this.write(built);
    for (const entry of built) this.keep(entry);
    this.retain();
    for (const { record, then } of built) {
      try {
        then(record);
      } catch (error) {
        this.options.logger.error('could not record a tool call', { error: String(error) });
      }
    }
  }

  /**
   * Builds what is queued and leaves the write to the batch's timer: the timer fires at any
   * moment, perhaps with a request waiting, so it only writes (building a batch there showed
   * as a slower call every few milliseconds).
   */
  private buildAndWait(): void {
    this.buildQueued();
    if (this.built.length >= BATCH_MAX) this.flush();
    else if (this.built.length > 0) this.batchTimer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private buildQueued(): void {
    const batch = this.queued;
    this.queued = [];
    for (const { call, then, secrets } of batch) {
      try {
        this.built.push({ ...this.build(scrubSecrets(call, secrets)), then });
      } catch (error) {
        this.options.logger.error('could not record a tool call', { error: String(error) });
      }
    }
  }

  /** Newest first, filtered; page on with `beforeId` set to the last id of a page. */
  query(query: ToolCallQuery): ToolCallPage {
    this.flush();
    // Without this, records would outlive maxAgeMs in a log that stopped receiving calls.
    if (this.state === 'open') this.retain();
    const page = this.index.query(query);
    // Parsed anew from the stored line: callers get their own objects.
    const records = page.entries.map((entry) => JSON.parse(entry.line) as ToolCallRecord);
    return { records, total: page.total, hasMore: page.hasMore };
  }

  /** Changes how long records are kept (the user's log retention); older ones go now. */
  setMaxAgeMs(ms: number): void {
    this.maxAgeMs = Math.max(0, ms);
    if (this.state === 'open') this.retain();
  }

  /** Closes the file; queries still answer from memory, appends throw until the next open. */
  close(): void {
    if (this.state === 'open') this.flush();
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.files.close();
  }

  private newFiles(): SegmentFiles {
    const { dir, segmentBytes, logger } = this.options;
    return new SegmentFiles(dir, Math.max(1, segmentBytes ?? 4 * MiB), logger);
  }

  /** Redacts, bounds and validates a call as the next record. Throws when the log is not open. */
  private build(call: NewToolCall): { record: ToolCallRecord; line: string } {
    if (this.state !== 'open')
      throw new Error(`the tool-call log is ${this.state === 'new' ? 'not open' : 'closed'}`);
    const record = buildRecord(this.nextId++, call, this.options.clock);
    return { record, line: JSON.stringify(record) };
  }

  private keep({ record, line }: { record: ToolCallRecord; line: string }): void {
    this.index.add(entryFor(record, line));
  }

  private write(lines: readonly { record: ToolCallRecord; line: string }[]): void {
    if (this.diskFailed || lines.length === 0) return;
    try {
      this.files.appendAll(lines.map(({ record, line }) => ({ id: record.id, line })));
    } catch (error) {
      this.diskFailed = true;
      const fields = { dir: this.options.dir, error: String(error) };
      this.options.logger.warn(
        'tool calls are no longer written to disk; they are kept in memory until restart',
        fields,
      );
      try {
        this.files.close();
      } catch {
        // The descriptor is unusable either way.
      }
    }
  }

  private retain(): void {
    const cutoff = this.options.clock.now() - this.maxAgeMs;
    const excess = this.index.size - this.maxRecords;
    let seen = 0;
    // The index is in id (finish) order and only loses a prefix: a call that ran for a long
    // time can outlive the age limit until the calls logged before it have expired too.
    this.index.dropWhile((entry) => seen++ < excess || entry.timeMs < cutoff);
    while (this.files.totalBytes > this.maxBytes) {
      const segment = this.files.dropOldest();
      if (!segment) break;
      this.index.dropWhile((entry) => entry.id <= segment.lastId);
    }
    while ((this.files.oldest?.lastId ?? Infinity) < this.index.oldestId && this.files.dropOldest());
  }
}
