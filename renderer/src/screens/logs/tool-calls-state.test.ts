import { describe, expect, it } from 'vitest';
import type { ToolCallRecord } from '../../../../electron/shared/contract';
import { makeToolCall } from '../../test/fake-api';
import type { ToolCallsState } from './tool-calls-state';
import { INITIAL_STATE, toolCallsReducer } from './tool-calls-state';

const calls = (...ids: number[]): ToolCallRecord[] => ids.map((id) => makeToolCall({ id }));
const ids = (state: ToolCallsState) => state.records.map((r) => r.id);

const loaded = (records: ToolCallRecord[], total = records.length, hasMore = false) =>
  toolCallsReducer(INITIAL_STATE, { type: 'page', page: { records, total, hasMore }, buffered: [] });

describe('toolCallsReducer', () => {
  it('merges calls recorded while the first page was on its way, without duplicates', () => {
    const state = toolCallsReducer(INITIAL_STATE, {
      type: 'page',
      page: { records: calls(5, 4), total: 5, hasMore: false },
      buffered: calls(5, 7, 6, 7),
    });
    expect(ids(state)).toEqual([7, 6, 5, 4]);
    expect(state.total).toBe(7);
    expect(state.answered).toBe(5);
    expect(state.generation).toBe(1);
  });

  it('prepends live calls once and counts them as inserted', () => {
    let state = loaded(calls(3, 2, 1));
    state = toolCallsReducer(state, { type: 'live', records: [makeToolCall({ id: 4 })] });
    state = toolCallsReducer(state, { type: 'live', records: [makeToolCall({ id: 4 })] });
    expect(ids(state)).toEqual([4, 3, 2, 1]);
    expect(state.total).toBe(4);
    expect(state.inserted).toBe(1);
  });

  it('appends older pages and collects client names across queries', () => {
    let state = loaded(calls(9, 8), 4, true);
    state = toolCallsReducer(state, { type: 'more-start' });
    expect(state.loadingMore).toBe(true);
    state = toolCallsReducer(state, {
      type: 'more',
      page: {
        records: [makeToolCall({ id: 7, client: { name: 'Cursor', version: null } }), ...calls(6)],
        total: 4,
        hasMore: false,
      },
    });
    expect(ids(state)).toEqual([9, 8, 7, 6]);
    expect(state.hasMore).toBe(false);
    expect(state.clients).toEqual(['Claude Desktop', 'Cursor']);
    state = toolCallsReducer(state, { type: 'start' });
    expect(state.refreshing).toBe(true);
    expect(state.clients).toEqual(['Claude Desktop', 'Cursor']);
  });

  it('after a reconnect, keeps loaded pages and puts what was missed on top', () => {
    const state = toolCallsReducer(loaded(calls(5, 4, 3), 10, true), {
      type: 'catch-up',
      page: { records: calls(7, 6, 5, 4), total: 12, hasMore: true },
      buffered: [],
    });
    expect(ids(state)).toEqual([7, 6, 5, 4, 3]);
    expect(state.inserted).toBe(2);
    expect(state.total).toBe(12);
    expect(state.generation).toBe(1);
  });

  it('starts afresh when more was missed than one page holds', () => {
    const state = toolCallsReducer(loaded(calls(5, 4, 3)), {
      type: 'catch-up',
      page: { records: calls(90, 89), total: 90, hasMore: true },
      buffered: [],
    });
    expect(ids(state)).toEqual([90, 89]);
    expect(state.generation).toBe(2);
    expect(state.hasMore).toBe(true);
  });
});
