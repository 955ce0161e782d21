import type { TrayApi } from '../../shared/api';
import { clientDisplayName } from '../../shared/client-names';
import type { ToolCallQuery, ToolCallRecord } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';
import { parseSince } from '../durations';

type Out = (line: string) => void;

/** Exactly `width` characters: padded, or cut with "…" so a long name never shifts a column. */
const cell = (text: string, width: number) =>
  text.length > width ? text.slice(0, width - 1) + '…' : text + ' '.repeat(width - text.length);

/** One line per call, for people reading a terminal; clients named as people know them. */
export function formatRecord(record: ToolCallRecord): string {
  const time = new Date(record.time).toISOString().replace('T', ' ').slice(0, 19);
  const duration =
    record.durationMs < 1000
      ? `${Math.round(record.durationMs)} ms`
      : `${(record.durationMs / 1000).toFixed(1)} s`;
  const detail = (record.error ?? JSON.stringify(record.arguments) ?? '').replace(/\s+/g, ' ');
  return [
    time,
    cell(record.instanceId, 14),
    cell(clientDisplayName(record.client.name), 16),
    cell(record.tool, 20),
    cell(record.outcome, 14),
    cell(duration, 8),
    detail.slice(0, 120),
  ].join(' ');
}

const matches = (record: ToolCallRecord, args: ParsedArgs) =>
  (!args.instance || record.instanceId === args.instance) && (!args.tool || record.tool === args.tool);

/** `--limit N`: 1 to 1000 calls (100 without it). */
function limitOf(args: ParsedArgs): number {
  if (args.limit === undefined) return 100;
  const limit = Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError(`--limit takes a number from 1 to 1000, not "${args.limit}"`);
  }
  return limit;
}

/**
 * `mcp-tray logs`: the last 100 (or `--limit`) matching calls since `--since`, oldest first;
 * `--follow` keeps printing new ones.
 */
export async function logsCommand(
  api: TrayApi,
  args: ParsedArgs,
  out: Out,
  closed: Promise<void> = new Promise(() => undefined),
): Promise<number> {
  const print = (record: ToolCallRecord) => out(args.json ? JSON.stringify(record) : formatRecord(record));
  const query: ToolCallQuery = { limit: limitOf(args) };
  if (args.since !== undefined) query.from = parseSince(args.since);
  if (args.instance) query.instanceId = args.instance;
  if (args.tool) query.tool = args.tool;
  let lastId = -1;
  const live: ToolCallRecord[] = [];
  const off = args.follow ? api.onToolCallRecorded(({ record }) => live.push(record)) : () => undefined;
  const page = await api.queryToolCalls(query);
  for (const record of [...page.records].reverse()) {
    print(record);
    lastId = record.id;
  }
  if (!args.follow) {
    if (page.records.length === 0 && !args.json) out('No tool calls yet.');
    return 0;
  }
  const flush = () => {
    for (const record of live.splice(0)) {
      if (record.id > lastId && matches(record, args)) {
        print(record);
        lastId = record.id;
      }
    }
  };
  flush();
  off();
  const stop = api.onToolCallRecorded(({ record }) => {
    live.push(record);
    flush();
  });
  const interrupted = new Promise<'interrupted'>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve('interrupted'));
  });
  const how = await Promise.race([interrupted, closed.then(() => 'core-gone' as const)]);
  stop();
  if (how === 'core-gone') {
    process.stderr.write('mcp-tray: MCP Tray stopped, so there are no more calls to follow.\n');
    return 1;
  }
  return 0;
}
