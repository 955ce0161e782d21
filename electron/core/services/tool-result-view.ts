import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallResult, ToolResultContent } from '../../shared/contract';

/** Text longer than this is cut: the form shows an answer, not a 50 MB dump. */
const MAX_TEXT = 200_000;
/** Images and audio larger than this are described, not sent to the window. */
const MAX_MEDIA_BYTES = 4 * 1024 * 1024;

const cut = (text: string): { text: string; truncated: boolean } =>
  text.length > MAX_TEXT ? { text: text.slice(0, MAX_TEXT), truncated: true } : { text, truncated: false };

const base64Bytes = (data: string): number => Math.floor((data.length * 3) / 4);

function pretty(value: unknown): string {
  try {
    return cut(JSON.stringify(value, null, 2) ?? String(value)).text;
  } catch {
    return String(value);
  }
}

function view(block: CallToolResult['content'][number]): ToolResultContent {
  switch (block.type) {
    case 'text':
      return { kind: 'text', ...cut(block.text) };
    case 'image':
    case 'audio': {
      const bytes = base64Bytes(block.data);
      return {
        kind: block.type,
        mimeType: block.mimeType,
        data: bytes <= MAX_MEDIA_BYTES ? block.data : null,
        bytes,
      };
    }
    case 'resource': {
      const { resource } = block;
      return {
        kind: 'resource',
        uri: resource.uri,
        mimeType: resource.mimeType ?? null,
        text: 'text' in resource && typeof resource.text === 'string' ? cut(resource.text).text : null,
      };
    }
    case 'resource_link':
      return { kind: 'link', uri: block.uri, name: block.name };
    default:
      return { kind: 'other', json: pretty(block) };
  }
}

/** A tool's answer in the shapes the "try it" form renders. */
export function toolResultView(result: CallToolResult, durationMs: number): ToolCallResult {
  return {
    isError: result.isError === true,
    content: result.content.map(view),
    structured: result.structuredContent === undefined ? null : pretty(result.structuredContent),
    durationMs,
  };
}
