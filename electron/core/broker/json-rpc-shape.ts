import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * A line as a JSON-RPC 2.0 message, or null. Only the envelope is checked here: the SDK's
 * `Protocol` validates requests, notifications and results against their schemas anyway, and
 * validating twice on the hot path costs more than the relay itself.
 */
export function asJsonRpc(line: string): JSONRPCMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const message = value as Record<string, unknown>;
  if (message.jsonrpc !== '2.0') return null;
  const hasId = typeof message.id === 'string' || typeof message.id === 'number';
  if (typeof message.method === 'string') return value as JSONRPCMessage;
  if (hasId && ('result' in message || 'error' in message)) return value as JSONRPCMessage;
  return null;
}
