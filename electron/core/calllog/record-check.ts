import { ToolCallOutcome, ToolCallRecord } from '../../shared/contract';

const OUTCOMES: ReadonlySet<unknown> = new Set(ToolCallOutcome.options);
const SOURCES: ReadonlySet<unknown> = new Set(ToolCallRecord.shape.source.options);

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

function isSummary(value: unknown): boolean {
  if (value === null) return true;
  if (!isObject(value) || !Array.isArray(value.contentTypes)) return false;
  return (
    value.contentTypes.every((type) => typeof type === 'string') &&
    isCount(value.bytes) &&
    typeof value.preview === 'string'
  );
}

/**
 * Whether `record` meets the `ToolCallRecord` contract: the same checks as its zod schema
 * (`record-check.test.ts` holds the two side by side), written out because the schema's parse
 * cost the core more per call than building the record. The record is built by us, so a
 * failure here is a bug, never a server's doing.
 */
export function isToolCallRecord(record: ToolCallRecord): boolean {
  const r = record as unknown as Loose;
  const client = r.client;
  return (
    isCount(r.id) &&
    typeof r.time === 'string' &&
    typeof r.instanceId === 'string' &&
    isObject(client) &&
    typeof client.name === 'string' &&
    isStringOrNull(client.version) &&
    SOURCES.has(r.source) &&
    typeof r.tool === 'string' &&
    typeof r.durationMs === 'number' &&
    Number.isFinite(r.durationMs) &&
    r.durationMs >= 0 &&
    OUTCOMES.has(r.outcome) &&
    isStringOrNull(r.error) &&
    isSummary(r.result)
  );
}
