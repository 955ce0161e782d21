import { ToolCallRecord } from '../../shared/contract';
import type { Clock } from '../platform/clock';
import { isToolCallRecord } from './record-check';
import { redact } from './redact';
import { redactText } from './redact-text';
import { summariseResult } from './summarise-result';
import type { NewToolCall } from './tool-call-log';

/** Longest error message kept. */
const MAX_ERROR = 2000;
/** Longest tool, instance and client name kept. */
const MAX_NAME = 200;
/** Largest time a Date holds: past it toISOString throws. */
const MAX_TIME = 8.64e15;

/**
 * The record stored for a finished call: arguments and error redacted and bounded, the result
 * reduced to a summary, numbers made valid for the contract whatever the caller measured.
 */
export function buildRecord(id: number, call: NewToolCall, clock: Clock): ToolCallRecord {
  const args = redact(call.arguments);
  const time = Number.isFinite(call.time) && Math.abs(call.time) <= MAX_TIME ? call.time : clock.now();
  const record: ToolCallRecord = {
    id,
    time: new Date(time).toISOString(),
    instanceId: clip(call.instanceId),
    client: {
      name: clip(call.client.name),
      version: call.client.version === null ? null : clip(call.client.version),
    },
    source: call.source,
    tool: clip(call.tool),
    // A call without arguments is stored as null: JSON has no undefined.
    arguments: args === undefined ? null : args,
    durationMs: Number.isFinite(call.durationMs) && call.durationMs > 0 ? call.durationMs : 0,
    outcome: call.outcome,
    error: call.error === null ? null : redactText(call.error, MAX_ERROR),
    result: call.result ? summariseResult(call.result, call.resultBytes) : null,
  };
  // Validated here, once: the event that carries it to the UI is not checked again.
  if (!isToolCallRecord(record)) throw new Error('a tool-call record broke the contract');
  return record;
}

/** A stored line back as a record; null for anything the contract would not accept. */
export function parseRecord(line: string): ToolCallRecord | null {
  try {
    const parsed = ToolCallRecord.safeParse(JSON.parse(line));
    return parsed.success && !Number.isNaN(Date.parse(parsed.data.time)) ? parsed.data : null;
  } catch {
    return null;
  }
}

function clip(text: string): string {
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}…` : text;
}
