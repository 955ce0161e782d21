import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ZodError } from 'zod';
import { ApiError } from './http-client';

/** Largest text a tool returns; AI clients pay for every token, and 200 KB dumps help nobody. */
const MAX_TEXT = 24_000;

/** Cuts `text` to `max` characters at a line break where possible, saying so. */
export function trimText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max);
  const end = cut > max * 0.8 ? cut : max;
  return `${text.slice(0, end)}\n… (${text.length - end} more characters not shown)`;
}

/** A result with `structuredContent` (matching the tool's output schema) and a readable text. */
export function toolResult<T extends Record<string, unknown>>(structured: T, text: string): CallToolResult {
  return { structuredContent: structured, content: [{ type: 'text', text: trimText(text) }] };
}

/** A tool error the model can read and act on. */
export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/**
 * Runs a tool body, turning API and validation failures into tool errors in words; anything
 * else is a bug and is rethrown (the SDK reports it).
 */
export async function runTool(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ApiError) return toolError(error.message);
    if (error instanceof ZodError)
      return toolError(`Unexpected answer from the service: ${error.issues[0]?.message}`);
    if (error instanceof UserInputError) return toolError(error.message);
    throw error;
  }
}

/** Input that passed the schema but makes no sense (an end before the start…). */
export class UserInputError extends Error {
  override name = 'UserInputError';
}
