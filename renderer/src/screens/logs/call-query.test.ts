import { describe, expect, it } from 'vitest';
import { makeToolCall } from '../../test/fake-api';
import { NO_FILTERS, matchesQuery, toQuery } from './call-query';

describe('call queries', () => {
  it('sends only the filters that are set, with the text trimmed', () => {
    expect(toQuery(NO_FILTERS)).toEqual({});
    expect(toQuery({ instanceId: 'notes', outcome: 'timeout', client: 'Cursor', text: '  todo ' })).toEqual({
      instanceId: 'notes',
      outcome: 'timeout',
      client: 'Cursor',
      text: 'todo',
    });
    expect(toQuery({ ...NO_FILTERS, text: '   ' })).toEqual({});
  });

  it('matches live records the way the core filters them', () => {
    const record = makeToolCall({
      instanceId: 'notes',
      client: { name: 'Cursor', version: null },
      tool: 'search_notes',
      arguments: { query: 'Groceries' },
      outcome: 'tool-error',
      error: 'Index is locked',
      result: { contentTypes: ['text'], bytes: 3, preview: 'Partial list' },
    });
    expect(matchesQuery(record, {})).toBe(true);
    expect(matchesQuery(record, { instanceId: 'notes', outcome: 'tool-error', client: 'Cursor' })).toBe(true);
    expect(matchesQuery(record, { instanceId: 'files' })).toBe(false);
    expect(matchesQuery(record, { outcome: 'ok' })).toBe(false);
    expect(matchesQuery(record, { client: 'Curs' })).toBe(false);
    for (const text of ['SEARCH', 'cursor', 'groceries', 'partial', 'locked']) {
      expect(matchesQuery(record, { text }), text).toBe(true);
    }
    expect(matchesQuery(record, { text: 'nowhere' })).toBe(false);
  });
});
