import { clientDisplayName } from '../../../../electron/shared/client-names';
import type { ToolCallOutcome, ToolCallRecord } from '../../../../electron/shared/contract';

const number = (value: number): string => value.toLocaleString('en-US');

/** "No calls", "1 call", "1,234 calls". */
export function formatCallCount(count: number): string {
  if (count === 0) return 'No calls';
  return `${number(count)} ${count === 1 ? 'call' : 'calls'}`;
}

/** "<1 ms", "120 ms", "1.2 s", "12 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  const rest = whole % 60;
  return rest === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${rest} s`;
}

/** "0 bytes", "512 bytes", "1.5 KB", "2.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${number(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : number(Math.round(kb))} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : number(Math.round(mb))} MB`;
}

/** Full local date and time with seconds, for the detail drawer. */
export function formatFullTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Arguments as indented JSON; empty when there were none. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

export function clientLabel(client: ToolCallRecord['client']): string {
  const name = clientDisplayName(client.name);
  return client.version ? `${name} ${client.version}` : name;
}

export const SOURCE_LABELS: Record<ToolCallRecord['source'], string> = {
  client: 'From an AI client',
  'mcp-tray': 'From MCP Tray',
};

/** What each outcome means, in words for someone who has never read the MCP spec. */
export const OUTCOME_EXPLANATIONS: Record<ToolCallOutcome, string> = {
  ok: 'The tool ran and answered.',
  'tool-error': 'The tool ran but reported a problem.',
  'protocol-error': 'The service could not handle the request.',
  timeout: 'The service did not answer in time.',
  cancelled: 'The call was cancelled before it finished.',
};
