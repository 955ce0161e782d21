import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { REDACTED } from './redact';
import { PREVIEW_LENGTH, summariseResult } from './summarise-result';

const token = 'ghp_' + 'Zx8Kq2Lm9Pw4'.repeat(3);

describe('summariseResult', () => {
  it('lists content types once each, in order, with structured last', () => {
    const result: CallToolResult = {
      content: [
        { type: 'image', data: 'AAAA', mimeType: 'image/png' },
        { type: 'text', text: 'first' },
        { type: 'audio', data: 'BBBB', mimeType: 'audio/wav' },
        { type: 'text', text: 'second' },
        { type: 'resource', resource: { uri: 'file:///a.txt', text: 'a' } },
        { type: 'resource_link', uri: 'file:///b.txt', name: 'b' },
        { type: 'image', data: 'CCCC', mimeType: 'image/png' },
      ],
      structuredContent: { count: 2 },
    };
    const summary = summariseResult(result);
    expect(summary.contentTypes).toEqual([
      'image',
      'text',
      'audio',
      'resource',
      'resource_link',
      'structured',
    ]);
    expect(summary.preview).toBe('first');
    expect(summary.bytes).toBe(Buffer.byteLength(JSON.stringify(result)));
  });

  it('counts bytes of multi-byte text and redacts and cuts the preview', () => {
    const text = `héllo ${token} ` + 'w'.repeat(2000);
    const result: CallToolResult = { content: [{ type: 'text', text }] };
    const summary = summariseResult(result);
    expect(summary.bytes).toBe(Buffer.byteLength(JSON.stringify(result)));
    expect(summary.bytes).toBeGreaterThan(JSON.stringify(result).length);
    expect(summary.preview.startsWith(`héllo ${REDACTED} www`)).toBe(true);
    expect(summary.preview).toHaveLength(PREVIEW_LENGTH);
    expect(summary.preview.endsWith('…')).toBe(true);
  });

  it('takes the size the server sent when the caller knows it, without serialising the result', () => {
    let serialised = 0;
    const result = { content: [{ type: 'text', text: 'x' }] } as CallToolResult;
    Object.defineProperty(result, 'toJSON', { value: () => (serialised++, { content: [] }) });
    expect(summariseResult(result, 1234)).toMatchObject({ bytes: 1234, preview: 'x' });
    expect(serialised).toBe(0);
    expect(summariseResult(result).bytes).toBe(Buffer.byteLength('{"content":[]}'));
    expect(serialised).toBe(1);
  });

  it('previews structured content as JSON, with secret keys hidden, when there is no text', () => {
    const summary = summariseResult({
      content: [],
      structuredContent: { password: 'hunter2', items: [1, 2], note: `uses ${token}` },
    });
    expect(summary.contentTypes).toEqual(['structured']);
    expect(summary.preview).toBe(`{"password":"${REDACTED}","items":[1,2],"note":"uses ${REDACTED}"}`);
  });

  it('gives an empty preview when there is neither text nor structured content', () => {
    const summary = summariseResult({ content: [{ type: 'image', data: 'AAAA', mimeType: 'image/png' }] });
    expect(summary).toEqual({ contentTypes: ['image'], bytes: expect.any(Number), preview: '' });
  });

  it('tolerates a result that breaks the schema', () => {
    const broken = {
      content: [null, { type: 42 }, { type: 'text' }],
      isError: true,
    } as unknown as CallToolResult;
    expect(summariseResult(broken)).toMatchObject({ contentTypes: ['unknown', 'text'], preview: '' });
    expect(summariseResult({} as CallToolResult)).toMatchObject({ contentTypes: [], preview: '' });
  });
});
