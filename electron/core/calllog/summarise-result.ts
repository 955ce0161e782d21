import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { redact } from './redact';
import { redactText } from './redact-text';

/** What the log keeps of a tool's result: never the result itself, which can be megabytes. */
export interface ResultSummary {
  /** Content block types in order of first appearance, plus `structured` for structuredContent. */
  contentTypes: string[];
  /** Size of the result's JSON, in bytes. */
  bytes: number;
  /** The first text block (or the structured content as JSON), redacted, at most 500 characters. */
  preview: string;
}

export const PREVIEW_LENGTH = 500;

/**
 * Summarises a result for the log; tolerant of servers that break the schema. `bytes`, when the
 * caller knows the size the server sent, is taken as it is (no serialisation of the result).
 */
export function summariseResult(result: CallToolResult, bytes?: number): ResultSummary {
  const content: unknown[] = Array.isArray(result.content) ? result.content : [];
  const contentTypes: string[] = [];
  let text: string | null = null;
  for (const block of content) {
    const type = typeOf(block);
    if (!contentTypes.includes(type)) contentTypes.push(type);
    if (text === null && type === 'text') {
      const value = (block as { text?: unknown }).text;
      if (typeof value === 'string') text = value;
    }
  }
  const structured = result.structuredContent;
  if (structured !== undefined && !contentTypes.includes('structured')) contentTypes.push('structured');
  // Structured content goes through redact() first, so secret-named keys are hidden too.
  const raw = text ?? (structured !== undefined ? (JSON.stringify(redact(structured)) ?? '') : '');
  return { contentTypes, bytes: bytes ?? jsonBytes(result), preview: preview(raw) };
}

function typeOf(block: unknown): string {
  const type = typeof block === 'object' && block !== null ? (block as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type.slice(0, 100) : 'unknown';
}

function preview(raw: string): string {
  const text = redactText(raw.slice(0, PREVIEW_LENGTH + 256));
  return text.length > PREVIEW_LENGTH || raw.length > PREVIEW_LENGTH + 256
    ? text.slice(0, PREVIEW_LENGTH - 1) + '…'
    : text;
}

function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    // A result that is not JSON (cycles, bigints) cannot have come over the wire.
    return 0;
  }
}
