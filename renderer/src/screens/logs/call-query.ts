import { clientDisplayName } from '../../../../electron/shared/client-names';
import type { ToolCallOutcome, ToolCallQuery, ToolCallRecord } from '../../../../electron/shared/contract';

/** Records per request: enough to fill a tall window several times over. */
export const PAGE_SIZE = 200;

/** The filters the log view can set; empty values mean "any". */
export interface CallFilters {
  instanceId: string | null;
  outcome: ToolCallOutcome | null;
  client: string | null;
  /** Free text as typed (the query gets it debounced and trimmed). */
  text: string;
}

export const NO_FILTERS: CallFilters = { instanceId: null, outcome: null, client: null, text: '' };

/** A query without paging: what the list shows, whatever page is being fetched. */
export type CallQuery = Omit<ToolCallQuery, 'beforeId' | 'limit'>;

/** Only the filters that are set, so the core is never asked for `text: ''`. */
export function toQuery(filters: CallFilters): CallQuery {
  const query: CallQuery = {};
  if (filters.instanceId) query.instanceId = filters.instanceId;
  if (filters.outcome) query.outcome = filters.outcome;
  if (filters.client) query.client = filters.client;
  const text = filters.text.trim();
  if (text) query.text = text;
  return query;
}

/** A stable key for a query, so effects rerun only when what is asked for changes. */
export const queryKey = (query: CallQuery): string =>
  JSON.stringify([
    query.instanceId,
    query.tool,
    query.outcome,
    query.client,
    query.from,
    query.to,
    query.text,
  ]);

const argumentsText = (value: unknown): string => {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
};

/**
 * Does a live record belong in the list? Mirrors the core's filters (see `ToolCallQuery`), so a
 * call recorded while the list is open shows up only if a fresh query would have returned it.
 */
export function matchesQuery(record: ToolCallRecord, query: CallQuery): boolean {
  if (query.instanceId !== undefined && record.instanceId !== query.instanceId) return false;
  if (query.tool !== undefined && record.tool !== query.tool) return false;
  if (query.outcome !== undefined && record.outcome !== query.outcome) return false;
  if (query.client !== undefined && record.client.name !== query.client) return false;
  const time = Date.parse(record.time);
  if (query.from !== undefined && !(time >= Date.parse(query.from))) return false;
  if (query.to !== undefined && !(time <= Date.parse(query.to))) return false;
  if (query.text) {
    const needle = query.text.toLowerCase();
    const haystack = [
      record.tool,
      record.client.name,
      clientDisplayName(record.client.name),
      argumentsText(record.arguments),
      record.result?.preview ?? '',
      record.error ?? '',
    ];
    if (!haystack.some((field) => field.toLowerCase().includes(needle))) return false;
  }
  return true;
}
