import { describe, expect, it } from 'vitest';
import { ToolCallPage, ToolCallRecord } from '../../shared/contract';
import type { ToolCallQuery } from '../../shared/contract';
import { UserFacingError } from '../rpc/errors';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { REDACTED } from './redact';
import { newCall, openLog, sixCalls, T0 } from '../../../test/core/calllog/test-calls';
import type { ToolCallLog } from './tool-call-log';

const MINUTE = 60_000;
const ids = (log: ToolCallLog, query: ToolCallQuery = {}) => log.query(query).records.map((r) => r.id);

describe('ToolCallLog', () => {
  it('stores a redacted record that matches the contract and returns it from queries', () => {
    const log = openLog(tempDir());
    const stored = log.append(
      newCall({
        arguments: { q: 'x', apiKey: 'abc' },
        durationMs: -3,
        result: { content: [], structuredContent: { n: 1 } },
      }),
    );
    expect(stored).toEqual({
      id: 1,
      time: new Date(T0).toISOString(),
      instanceId: 'github',
      client: { name: 'Claude Desktop', version: '0.9.2' },
      source: 'client',
      tool: 'search_issues',
      arguments: { q: 'x', apiKey: REDACTED },
      durationMs: 0,
      outcome: 'ok',
      error: null,
      result: { contentTypes: ['structured'], bytes: 42, preview: '{"n":1}' },
    });
    expect(ToolCallRecord.parse(stored)).toEqual(stored);
    const page = log.query({});
    expect(ToolCallPage.parse(page)).toEqual({ records: [stored], total: 1, hasMore: false });
    expect(page.records[0]).not.toBe(stored);
    expect(log.append(newCall({ arguments: undefined })).arguments).toBeNull();
    expect(log.size).toBe(2);
  });

  it('filters by instance, tool, outcome, client, time range and text', () => {
    const log = openLog(tempDir());
    sixCalls(log);
    expect(ids(log)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(ids(log, { instanceId: 'files' })).toEqual([2]);
    expect(ids(log, { tool: 'read_file' })).toEqual([2]);
    expect(ids(log, { tool: 'read' })).toEqual([]);
    expect(ids(log, { outcome: 'timeout' })).toEqual([5]);
    expect(ids(log, { client: 'cURSOR' })).toEqual([4]);
    expect(ids(log, { client: 'Curs' })).toEqual([]);
    const at = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
    expect(ids(log, { from: at(2), to: at(4) })).toEqual([5, 4, 3]);
    expect(ids(log, { from: at(5) })).toEqual([6]);
    expect(ids(log, { text: 'rate limit' })).toEqual([3]);
    expect(ids(log, { text: 'NEEDLE' })).toEqual([6]);
    expect(ids(log, { text: '/tmp/a' })).toEqual([2]);
    expect(ids(log, { text: 'cursor' })).toEqual([4]);
    expect(ids(log, { text: 'read_fi' })).toEqual([2]);
    expect(ids(log, { instanceId: 'github', outcome: 'ok', text: 'label:bug' })).toEqual([6, 4, 1]);
    expect(log.query({ text: 'nothing like this' })).toEqual({ records: [], total: 0, hasMore: false });
    expect(() => log.query({ from: 'yesterday' })).toThrow(UserFacingError);
  });

  it('pages newest first with beforeId, without gaps or repeats, with total and hasMore', () => {
    const log = openLog(tempDir());
    for (let i = 0; i < 25; i++) log.append(newCall({ outcome: i % 3 === 0 ? 'tool-error' : 'ok' }));
    for (const filter of [{}, { outcome: 'ok' as const }]) {
      const expected = ids(log, { ...filter, limit: 1000 });
      const seen: number[] = [];
      let beforeId: number | undefined;
      for (;;) {
        const page = log.query({ ...filter, limit: 7, beforeId });
        expect(page.total).toBe(expected.length);
        seen.push(...page.records.map((r) => r.id));
        expect(page.hasMore).toBe(seen.length < expected.length);
        if (!page.hasMore) break;
        beforeId = page.records.at(-1)!.id;
      }
      expect(seen).toEqual(expected);
    }
    expect(ids(log)).toHaveLength(25);
    expect(log.query({ beforeId: 1 })).toEqual({ records: [], total: 25, hasMore: false });
  });

  it('keeps records across a reopen and continues their ids', () => {
    const dir = tempDir();
    const first = openLog(dir);
    sixCalls(first);
    first.close();
    const second = openLog(dir);
    expect(second.size).toBe(6);
    expect(ids(second, { text: 'needle' })).toEqual([6]);
    expect(second.append(newCall()).id).toBe(7);
    expect(ids(second, { limit: 2 })).toEqual([7, 6]);
  });
});
