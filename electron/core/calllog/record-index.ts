import type { ToolCallOutcome, ToolCallQuery, ToolCallRecord } from '../../shared/contract';
import { UserFacingError } from '../rpc/errors';

/**
 * What the index keeps of a record: the fields filters look at, the lowercase text the free-text
 * filter searches (built once, so a search never re-serialises arguments), and the JSON line
 * itself, parsed again only for the records a page returns. Keeping the line rather than the
 * parsed object roughly halves the memory of a full log.
 */
export interface IndexEntry {
  readonly id: number;
  readonly timeMs: number;
  readonly instanceId: string;
  readonly tool: string;
  readonly outcome: ToolCallOutcome;
  /** Client name, lowercase. */
  readonly client: string;
  readonly search: string;
  readonly line: string;
}

/** Builds the entry of a record whose JSON is `line`. */
export function entryFor(record: ToolCallRecord, line: string): IndexEntry {
  const search = [
    record.tool,
    record.client.name,
    JSON.stringify(record.arguments) ?? '',
    record.result?.preview ?? '',
    record.error ?? '',
  ].join('\n');
  return {
    id: record.id,
    timeMs: Date.parse(record.time),
    instanceId: record.instanceId,
    tool: record.tool,
    outcome: record.outcome,
    client: record.client.name.toLowerCase(),
    search: search.toLowerCase(),
    line,
  };
}

export interface IndexPage {
  entries: IndexEntry[];
  total: number;
  hasMore: boolean;
}

const DEFAULT_PAGE_SIZE = 200;
const MAX_PAGE_SIZE = 1000;

/**
 * The retained records in id order. Old records leave from the front, so the array is a queue
 * with a moving head, compacted now and then instead of shifting on every drop.
 */
export class RecordIndex {
  private entries: IndexEntry[] = [];
  private head = 0;

  get size(): number {
    return this.entries.length - this.head;
  }

  /** Id of the oldest retained record; Infinity when there is none. */
  get oldestId(): number {
    return this.entries[this.head]?.id ?? Infinity;
  }

  /** Id of the newest retained record; 0 when there is none. */
  get newestId(): number {
    return this.size > 0 ? this.entries.at(-1)!.id : 0;
  }

  /** Adds a record newer than every other one (ids only grow). */
  add(entry: IndexEntry): void {
    const last = this.entries.at(-1);
    if (last && entry.id <= last.id) throw new Error(`record ${entry.id} is out of order`);
    this.entries.push(entry);
  }

  /** Drops the oldest records while `expired` holds for them. */
  dropWhile(expired: (entry: IndexEntry) => boolean): void {
    while (this.head < this.entries.length && expired(this.entries[this.head]!)) this.head++;
    this.compact();
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
  }

  /** Newest first; `total` counts every match whatever `beforeId` and `limit` say. */
  query(query: ToolCallQuery): IndexPage {
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(query.limit ?? DEFAULT_PAGE_SIZE)));
    // Index of the newest entry with id < beforeId: the page starts there.
    const start = query.beforeId === undefined ? this.entries.length - 1 : this.lastBelow(query.beforeId);
    const matches = compileFilter(query);
    const page: IndexEntry[] = [];
    if (!matches) {
      for (let i = start; i >= this.head && page.length < limit; i--) page.push(this.entries[i]!);
      return { entries: page, total: this.size, hasMore: start - this.head + 1 > page.length };
    }
    let total = 0;
    let older = 0;
    for (let i = this.entries.length - 1; i >= this.head; i--) {
      const entry = this.entries[i]!;
      if (!matches(entry)) continue;
      total++;
      if (i > start) continue;
      older++;
      if (page.length < limit) page.push(entry);
    }
    return { entries: page, total, hasMore: older > page.length };
  }

  private lastBelow(id: number): number {
    let low = this.head;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries[mid]!.id < id) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

type Filter = (entry: IndexEntry) => boolean;

/** One predicate for all filters given, cheapest first; null when nothing filters. */
function compileFilter(query: ToolCallQuery): Filter | null {
  const checks: Filter[] = [];
  const { instanceId, tool, outcome } = query;
  if (instanceId !== undefined) checks.push((e) => e.instanceId === instanceId);
  if (tool !== undefined) checks.push((e) => e.tool === tool);
  if (outcome !== undefined) checks.push((e) => e.outcome === outcome);
  if (query.client !== undefined) {
    const client = query.client.toLowerCase();
    checks.push((e) => e.client === client);
  }
  if (query.from !== undefined) {
    const from = parseTime(query.from, 'from');
    checks.push((e) => e.timeMs >= from);
  }
  if (query.to !== undefined) {
    const to = parseTime(query.to, 'to');
    checks.push((e) => e.timeMs <= to);
  }
  if (query.text) {
    const text = query.text.toLowerCase();
    checks.push((e) => e.search.includes(text));
  }
  if (checks.length === 0) return null;
  if (checks.length === 1) return checks[0]!;
  return (entry) => {
    for (const check of checks) if (!check(entry)) return false;
    return true;
  };
}

function parseTime(value: string, name: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UserFacingError('invalid-input', `"${name}" is not a valid time: ${value}`);
  return ms;
}
