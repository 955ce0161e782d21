import { createHash } from 'node:crypto';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/**
 * The parts of a tool that are pinned: what the model reads (name, title, description, the
 * argument schema with its own descriptions, and the annotations). Other fields (`_meta`,
 * `outputSchema`, icons) are not shown to the user at approval time, so they are not pinned.
 */
export interface PinnedDefinition {
  name: string;
  title?: string;
  description?: string;
  inputSchema: unknown;
  annotations?: unknown;
}

/** The pinned parts of a tool as the server sent them (absent fields stay absent). */
export function pinnedDefinition(tool: Tool): PinnedDefinition {
  return {
    name: tool.name,
    ...(tool.title !== undefined ? { title: tool.title } : {}),
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    inputSchema: tool.inputSchema,
    ...(tool.annotations !== undefined ? { annotations: tool.annotations } : {}),
  };
}

/**
 * JSON with object keys sorted at every depth and `undefined` members dropped, so two
 * definitions that differ only in key order give the same text (and the same hash). Arrays keep
 * their order: in JSON Schema an array's order can matter (`enum`, `prefixItems`).
 */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/** SHA-256 (hex) of a definition's canonical JSON: equal exactly when nothing pinned changed. */
export function definitionHash(definition: PinnedDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

/** `definitionHash` of a tool as the server sent it. */
export const toolHash = (tool: Tool): string => definitionHash(pinnedDefinition(tool));
