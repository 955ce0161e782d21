import { describe, expect, it } from 'vitest';
import { clientDisplayName } from './client-names';

describe('clientDisplayName', () => {
  it('names clients as people know them, whatever they call themselves', () => {
    expect(clientDisplayName('claude-ai')).toBe('Claude Desktop');
    expect(clientDisplayName('gemini-cli-mcp-client')).toBe('Gemini CLI');
    expect(clientDisplayName('codex-mcp-client')).toBe('Codex');
    expect(clientDisplayName('Visual Studio Code')).toBe('VS Code');
    expect(clientDisplayName('my-agent-mcp-client')).toBe('My Agent');
    expect(clientDisplayName('MCP Tray')).toBe('MCP Tray');
    expect(clientDisplayName('Claude Code')).toBe('Claude Code');
  });
});
