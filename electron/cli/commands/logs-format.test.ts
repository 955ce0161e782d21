import { describe, expect, it } from 'vitest';
import type { ToolCallRecord } from '../../shared/contract';
import { formatRecord } from './logs-command';

const record = (over: Partial<ToolCallRecord>): ToolCallRecord => ({
  id: 1,
  time: '2026-05-01T10:00:00.000Z',
  instanceId: 'notes',
  client: { name: 'claude-ai', version: '1.0' },
  source: 'client',
  tool: 'echo',
  arguments: { message: 'hi' },
  durationMs: 12,
  outcome: 'ok',
  error: null,
  result: null,
  ...over,
});

describe('mcp-tray logs lines', () => {
  it('name clients as people know them and keep columns in place with long names', () => {
    const lines = [
      record({}),
      record({
        instanceId: 'a-very-long-service-id-for-columns',
        client: { name: 'gemini-cli-mcp-client', version: null },
        tool: 'a_tool_with_a_name_longer_than_its_column',
      }),
      record({ client: { name: 'some-agent-with-a-really-long-name-mcp-client', version: null } }),
    ].map(formatRecord);
    expect(lines[0]).toContain('Claude Desktop');
    expect(lines[1]).toContain('Gemini CLI');
    expect(lines.join('\n')).not.toMatch(/claude-ai|gemini-cli-mcp-client/);
    // Every column starts where it does in the first line.
    const starts = (line: string) => [line.indexOf(' ok '), line.indexOf(' ms ')];
    for (const line of lines) expect(starts(line)).toEqual(starts(lines[0]!));
    expect(lines[1]).toContain('a-very-long-s… ');
  });
});
