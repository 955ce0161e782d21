import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** Reads GitHub and changes nothing. */
export const READ_ONLY: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};

/** Adds something visible to others (an issue, a comment); repeating it adds it twice. */
export const ADDS: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: true,
};
