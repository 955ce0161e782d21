import { describe, expect, it } from 'vitest';
import { makeClient } from '../../test/fake-api';
import {
  blockedReason,
  formatList,
  hasPending,
  looksSecret,
  nextSelection,
  pendingChange,
  sortClients,
} from './client-model';
import { diffLines, diffSummary } from './diff-lines';
import { splitForEllipsis } from '../../components/middle-ellipsis';

describe('client model', () => {
  it('puts installed clients first and keeps the core’s order otherwise', () => {
    const sorted = sortClients([
      makeClient({ id: 'claude-desktop', installed: false }),
      makeClient({ id: 'cursor' }),
      makeClient({ id: 'zed', installed: false }),
      makeClient({ id: 'vscode' }),
    ]);
    expect(sorted.map((c) => c.id)).toEqual(['cursor', 'vscode', 'claude-desktop', 'zed']);
  });

  it('compares the selection of existing services with what the file has', () => {
    const client = makeClient({
      id: 'cursor',
      selected: ['notes', 'gone', 'files'],
      configured: ['notes', 'old'],
    });
    expect(pendingChange(client, new Set(['notes', 'files']))).toEqual({ adds: ['files'], removes: ['old'] });
    expect(hasPending(makeClient({ id: 'cursor', configured: ['notes'] }), new Set(['notes']))).toBe(false);
    // A file MCP Tray cannot read has nothing pending: it cannot be written.
    expect(hasPending({ ...client, error: 'bad' }, new Set(['notes', 'files']))).toBe(false);
    expect(blockedReason({ ...client, configPath: null })).toContain('not available');
  });

  it('builds the full new selection, dropping services that no longer exist', () => {
    const known = new Set(['notes', 'files', 'github']);
    expect(nextSelection(['notes', 'gone'], 'files', true, known)).toEqual(['notes', 'files']);
    expect(nextSelection(['notes', 'files'], 'notes', false, known)).toEqual(['files']);
    expect(nextSelection(['notes'], 'notes', true, known)).toEqual(['notes']);
  });

  it('tells secret-looking variable names apart, like the core', () => {
    expect(['GITHUB_TOKEN', 'API_KEY', 'DB_PASSWORD', 'CLIENT_SECRET', 'GH_PAT'].every(looksSecret)).toBe(
      true,
    );
    expect(['DEBUG', 'NOTES_DIR', 'PORT'].some(looksSecret)).toBe(false);
  });

  it('joins names in words', () => {
    expect(formatList(['Notes'])).toBe('Notes');
    expect(formatList(['Notes', 'Files'])).toBe('Notes and Files');
    expect(formatList(['Notes', 'Files', 'GitHub'])).toBe('Notes, Files and GitHub');
  });
});

describe('diff lines', () => {
  it('types each line of the hunks, with --/++ counting as changes', () => {
    const parsed = diffLines([
      { oldStart: 1, oldLines: 3, newStart: 1, newLines: 4, lines: [' {', '---x', '+++y', '+"z": 1', ' }'] },
    ]);
    expect(parsed[0]).toEqual({ kind: 'hunk', text: '@@ -1,3 +1,4 @@' });
    expect(parsed.map((l) => l.kind)).toEqual(['hunk', 'context', 'remove', 'add', 'add', 'context']);
    expect(diffSummary(parsed)).toBe('Adds 2 lines and removes 1 line.');
    expect(diffLines([])).toEqual([]);
  });
});

describe('middle ellipsis', () => {
  it('keeps the file name, and its folder when short, whole at the end', () => {
    const path = '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json';
    expect(splitForEllipsis(path)).toEqual([
      '/Users/ada/Library/Application Support/Claude',
      '/claude_desktop_config.json',
    ]);
    expect(splitForEllipsis('/Users/ada/.codeium/windsurf/mcp_config.json')[1]).toBe(
      '/windsurf/mcp_config.json',
    );
    expect(splitForEllipsis('C:\\Users\\ada\\.cursor\\mcp.json').join('')).toBe(
      'C:\\Users\\ada\\.cursor\\mcp.json',
    );
    expect(splitForEllipsis('short')).toEqual(['', 'short']);
  });
});
