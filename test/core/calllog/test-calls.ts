import { onTestFinished } from 'vitest';
import type { Clock } from '../../../electron/core/platform/clock';
import { silentLogger } from '../../../electron/core/platform/logger';
import type { NewToolCall, ToolCallLogOptions } from '../../../electron/core/calllog/tool-call-log';
import { ToolCallLog } from '../../../electron/core/calllog/tool-call-log';

/** Test support for the tool-call log (not used by the app). */
export const T0 = Date.parse('2025-03-01T12:00:00.000Z');

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(public time = T0) {}
  now(): number {
    return this.time;
  }
}

/** A finished call with plausible defaults. */
export function newCall(overrides: Partial<NewToolCall> = {}): NewToolCall {
  return {
    time: T0,
    instanceId: 'github',
    client: { name: 'Claude Desktop', version: '0.9.2' },
    source: 'client',
    tool: 'search_issues',
    arguments: { query: 'is:open label:bug' },
    durationMs: 42,
    outcome: 'ok',
    error: null,
    result: { content: [{ type: 'text', text: 'Found 3 issues' }] },
    ...overrides,
  };
}

/** An opened log in `dir`, closed when the test finishes. */
export function openLog(dir: string, options: Partial<ToolCallLogOptions> = {}): ToolCallLog {
  const log = new ToolCallLog({ dir, clock: new ManualClock(), logger: silentLogger, ...options });
  log.open();
  onTestFinished(() => log.close());
  return log;
}

const MINUTE = 60_000;

/** Six calls, one minute apart, each differing from the first in one field (ids 1…6). */
export function sixCalls(log: ToolCallLog): void {
  log.append(newCall());
  log.append(
    newCall({ time: T0 + MINUTE, instanceId: 'files', tool: 'read_file', arguments: { path: '/tmp/a' } }),
  );
  log.append(newCall({ time: T0 + 2 * MINUTE, outcome: 'tool-error', error: 'Rate limit EXCEEDED' }));
  log.append(newCall({ time: T0 + 3 * MINUTE, client: { name: 'Cursor', version: null } }));
  log.append(newCall({ time: T0 + 4 * MINUTE, source: 'mcp-tray', result: null, outcome: 'timeout' }));
  log.append(
    newCall({ time: T0 + 5 * MINUTE, result: { content: [{ type: 'text', text: 'Needle in a haystack' }] } }),
  );
}
