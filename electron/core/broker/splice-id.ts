import type { RequestId } from '@modelcontextprotocol/sdk/types.js';

const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** Where a message's own `"id":…` member may sit for a text splice: the common layouts only. */
const HEADS = ['{', '{"jsonrpc":"2.0",'];

/**
 * `line` (one JSON-RPC message, already parsed and known to carry id `from`) with that id
 * replaced by `to`, every other byte as the peer wrote it; null when the id is not in a layout
 * we can prove is the message's own member (then the caller serialises the parsed message).
 *
 * Proved layouts, for valid JSON without whitespace around the member: the id is the last member
 * (`…,"id":-5}`: what the TypeScript SDK writes) or the first (`{"id":-5,…`, also after a leading
 * `"jsonrpc":"2.0"`: what the Python SDK writes). A string that merely contains `"id":-5` can
 * match neither: the text after it would still have to close that string.
 */
export function spliceId(line: string, from: RequestId, to: RequestId): string | null {
  const key = `"id":${JSON.stringify(from)}`;
  const replacement = `"id":${JSON.stringify(to)}`;
  const tail = line.length - key.length - 1;
  if (tail > 0 && line.charCodeAt(line.length - 1) === CLOSE && line.endsWith(key, line.length - 1)) {
    const before = line.charCodeAt(tail - 1);
    if (before === COMMA || before === OPEN) return line.slice(0, tail) + replacement + '}';
  }
  for (const head of HEADS) {
    const end = head.length + key.length;
    if (!line.startsWith(head) || !line.startsWith(key, head.length)) continue;
    const after = line.charCodeAt(end);
    if (after === COMMA || after === CLOSE) return head + replacement + line.slice(end);
  }
  return null;
}
