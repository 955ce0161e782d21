import type { ToolCallPage, ToolCallRecord } from '../../../../electron/shared/contract';

export interface ToolCallsState {
  /** `loading` only before the first answer for a query; later reloads keep the old rows. */
  status: 'loading' | 'error' | 'ready';
  error: string | null;
  /** Newest first (descending id), without duplicates. */
  records: ToolCallRecord[];
  /** How many records match in all (the core's count, kept up to date by live calls). */
  total: number;
  /** `total` as the core answered the latest query, before live calls: what a search "found". */
  answered: number;
  hasMore: boolean;
  /** A new query is on its way; the rows shown are still the previous query's. */
  refreshing: boolean;
  loadingMore: boolean;
  moreError: string | null;
  /** Bumped whenever the list is replaced, so the view can scroll back to the top. */
  generation: number;
  /** Counts every row ever inserted at the top (live or after a reconnect), so the view can keep its place. */
  inserted: number;
  /** Client names seen in any answer, sorted, for the client filter. Kept across queries. */
  clients: string[];
}

export type ToolCallsAction =
  | { type: 'start' }
  | { type: 'page'; page: ToolCallPage; buffered: readonly ToolCallRecord[] }
  | { type: 'catch-up'; page: ToolCallPage; buffered: readonly ToolCallRecord[] }
  | { type: 'error'; message: string }
  /** Calls recorded since the last frame, in the order they arrived. */
  | { type: 'live'; records: readonly ToolCallRecord[] }
  | { type: 'more-start' }
  | { type: 'more'; page: ToolCallPage }
  | { type: 'more-error'; message: string }
  | { type: 'more-retry' };

export const INITIAL_STATE: ToolCallsState = {
  status: 'loading',
  error: null,
  records: [],
  total: 0,
  answered: 0,
  hasMore: false,
  refreshing: false,
  loadingMore: false,
  moreError: null,
  generation: 0,
  inserted: 0,
  clients: [],
};

const byNewest = (a: ToolCallRecord, b: ToolCallRecord) => b.id - a.id;

/** Records strictly newer than `newest`, newest first, without duplicates. */
function newerThan(records: readonly ToolCallRecord[], newest: number): ToolCallRecord[] {
  const seen = new Set<number>();
  return records
    .filter((record) => record.id > newest && !seen.has(record.id) && seen.add(record.id))
    .sort(byNewest);
}

/** The same array when nothing new turned up, so the filter's options do not re-render. */
function withClients(clients: string[], records: readonly ToolCallRecord[]): string[] {
  let next: Set<string> | null = null;
  for (const { client } of records) {
    if (clients.includes(client.name) || next?.has(client.name)) continue;
    next ??= new Set(clients);
    next.add(client.name);
  }
  return next ? [...next].sort((a, b) => a.localeCompare(b)) : clients;
}

/** The first page of a query, plus any live calls that arrived while it was on its way. */
function replace(state: ToolCallsState, page: ToolCallPage, buffered: readonly ToolCallRecord[]) {
  const extra = newerThan(buffered, page.records[0]?.id ?? -1);
  const records = [...extra, ...page.records];
  return {
    ...state,
    status: 'ready' as const,
    error: null,
    records,
    total: page.total + extra.length,
    answered: page.total,
    hasMore: page.hasMore,
    refreshing: false,
    loadingMore: false,
    moreError: null,
    generation: state.generation + 1,
    clients: withClients(state.clients, records),
  };
}

export function toolCallsReducer(state: ToolCallsState, action: ToolCallsAction): ToolCallsState {
  switch (action.type) {
    case 'start':
      return state.status === 'ready'
        ? { ...state, refreshing: true }
        : { ...state, status: 'loading', error: null, refreshing: false };
    case 'page':
      return replace(state, action.page, action.buffered);
    case 'catch-up': {
      // After a reconnect: put what was missed on top and keep the pages already loaded, unless
      // more was missed than one page holds (then there is a gap, and the list starts afresh).
      const newest = state.records[0]?.id ?? -1;
      const incoming = [...action.buffered, ...action.page.records];
      const fresh = newerThan(incoming, newest);
      const gap = action.page.hasMore && action.page.records.every((record) => record.id > newest);
      if (state.records.length === 0 || gap) return replace(state, action.page, action.buffered);
      return {
        ...state,
        status: 'ready',
        refreshing: false,
        records: fresh.length ? [...fresh, ...state.records] : state.records,
        total: Math.max(action.page.total, state.records.length + fresh.length),
        inserted: state.inserted + fresh.length,
        clients: withClients(state.clients, fresh),
      };
    }
    case 'error':
      return { ...state, status: 'error', error: action.message, refreshing: false, loadingMore: false };
    case 'live': {
      if (state.status !== 'ready') return state;
      const fresh = newerThan(action.records, state.records[0]?.id ?? -1);
      if (fresh.length === 0) return state;
      return {
        ...state,
        records: [...fresh, ...state.records],
        total: state.total + fresh.length,
        inserted: state.inserted + fresh.length,
        clients: withClients(state.clients, fresh),
      };
    }
    case 'more-start':
      return { ...state, loadingMore: true, moreError: null };
    case 'more': {
      const oldest = state.records[state.records.length - 1]?.id ?? Number.POSITIVE_INFINITY;
      const older = action.page.records.filter((record) => record.id < oldest);
      return {
        ...state,
        records: older.length ? [...state.records, ...older] : state.records,
        total: Math.max(action.page.total, state.records.length + older.length),
        hasMore: action.page.hasMore,
        loadingMore: false,
        clients: withClients(state.clients, older),
      };
    }
    case 'more-error':
      return { ...state, loadingMore: false, moreError: action.message };
    case 'more-retry':
      return { ...state, moreError: null };
  }
}
