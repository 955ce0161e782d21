import { describe, expect, it } from 'vitest';
import type { ToolCallOutcome, ToolCallQuery } from '../../shared/contract';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { newCall, openLog, T0 } from '../../../test/core/calllog/test-calls';
import type { ToolCallLog } from './tool-call-log';

const COUNT = 100_000;
const OUTCOMES: ToolCallOutcome[] = [
  'ok',
  'ok',
  'ok',
  'ok',
  'ok',
  'ok',
  'tool-error',
  'timeout',
  'protocol-error',
  'cancelled',
];
const INSTANCES = ['github', 'files', 'postgres', 'slack', 'browser'];
const CLIENTS = ['Claude Desktop', 'Cursor', 'VS Code', 'Windsurf'];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];

// How fast these are is measured by `npm run bench` (tool-call log section); a test that
// asserted a time failed under load. This one checks the answers at that scale.
function answer(log: ToolCallLog, query: ToolCallQuery): { total: number; records: number } {
  const page = log.query(query);
  return { total: page.total, records: page.records.length };
}

describe('ToolCallLog at 100k records', () => {
  it('keeps every call and answers filtered and paged queries over them, before and after a reopen', () => {
    const dir = tempDir();
    const options = { maxBytes: 1024 * 1024 * 1024, maxAgeMs: 365 * 24 * 3600 * 1000 };
    const log = openLog(dir, options);
    for (let i = 0; i < COUNT; i++) {
      const word = WORDS[i % WORDS.length]!;
      log.append(
        newCall({
          time: T0 + i * 1000,
          instanceId: INSTANCES[i % INSTANCES.length]!,
          client: { name: CLIENTS[i % CLIENTS.length]!, version: '1.0.0' },
          tool: `tool_${i % 40}`,
          arguments: {
            path: `/home/alice/projects/app/src/module-${i}.ts`,
            query: `${word} ${i % 997}`,
            depth: i % 7,
          },
          outcome: OUTCOMES[i % OUTCOMES.length]!,
          error: i % 10 === 6 ? `Upstream returned 500 for request ${i}` : null,
          result: {
            content: [{ type: 'text', text: `Found ${i % 13} matches for ${word} in module-${i}.ts` }],
          },
        }),
      );
    }
    expect(log.size).toBe(COUNT);

    const unfiltered = answer(log, {});
    const text = answer(log, { text: 'Module-4242.ts' });
    const instanceOutcome = answer(log, { instanceId: 'files', outcome: 'tool-error' });
    const allFilters = answer(log, {
      instanceId: 'github',
      client: 'claude desktop',
      text: 'alpha',
      limit: 1000,
    });
    const deepPage = answer(log, { text: 'bravo', beforeId: 50_000, limit: 1000 });
    log.close();
    const reopened = openLog(dir, options);
    expect(reopened.size).toBe(COUNT);
    expect(answer(reopened, { text: 'Module-4242.ts' })).toEqual({ total: 1, records: 1 });
    reopened.close();
    expect(unfiltered).toMatchObject({ total: COUNT, records: 200 });
    expect(text).toMatchObject({ total: 1, records: 1 });
    expect(instanceOutcome.total).toBe(COUNT / 10);
    expect(allFilters.total).toBe(COUNT / 20);
    expect(deepPage.records).toBe(1000);
  });
});
