import { describe, expect, it } from 'vitest';
import { ToolCallRecord } from '../../shared/contract';
import { systemClock } from '../platform/clock';
import { buildRecord } from './record-codec';
import { isToolCallRecord } from './record-check';
import { newCall } from '../../../test/core/calllog/test-calls';

const valid = (): Record<string, unknown> => ({ ...buildRecord(7, newCall(), systemClock) });

const CANDIDATES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'ok',
  'client',
  'mcp-tray',
  'timeout',
  true,
  [],
  ['text'],
  [1],
  {},
  { name: 'n', version: null },
  { name: 'n', version: 2 },
  { name: 1, version: null },
  { contentTypes: ['text'], bytes: 1, preview: 'p' },
  { contentTypes: [1], bytes: 1, preview: 'p' },
  { contentTypes: ['text'], bytes: -1, preview: 'p' },
  { contentTypes: ['text'], bytes: 1.5, preview: 'p' },
  { contentTypes: ['text'], bytes: 1 },
  { contentTypes: 'text', bytes: 1, preview: 'p' },
];

describe('isToolCallRecord', () => {
  it('accepts what buildRecord makes, as the schema does', () => {
    const record = valid();
    expect(ToolCallRecord.safeParse(record).success).toBe(true);
    expect(isToolCallRecord(record as ToolCallRecord)).toBe(true);
    expect(Object.keys(record).sort()).toEqual(Object.keys(ToolCallRecord.shape).sort());
  });

  it('agrees with the ToolCallRecord schema on every field, whatever it holds', () => {
    const fields = [...Object.keys(ToolCallRecord.shape), 'client.name', 'client.version'];
    let rejected = 0;
    for (const field of fields) {
      for (const value of CANDIDATES) {
        const record = valid();
        const [outer, inner] = field.split('.') as [string, string | undefined];
        if (inner) record[outer] = { ...(record[outer] as object), [inner]: value };
        else record[outer] = value;
        const schema = ToolCallRecord.safeParse(record).success;
        expect({ field, value, ok: isToolCallRecord(record as ToolCallRecord) }).toEqual({
          field,
          value,
          ok: schema,
        });
        if (!schema) rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(fields.length * 10);
  });
});
