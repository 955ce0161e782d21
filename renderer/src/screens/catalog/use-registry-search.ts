import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegistryEntry, RegistrySearchResult } from '../../../../electron/shared/contract';
import { useApi, useConnection } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

/** Typing pauses this long before the registry is asked: one request per word, not per key. */
const SEARCH_DEBOUNCE_MS = 250;
/** Entries per page; the list is virtual, so a big page costs no rendering. */
const PAGE_SIZE = 200;

export type RegistrySearch =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      entries: RegistryEntry[];
      total: number;
      offline: boolean;
      fetchedAt: string | null;
      notice: string | null;
      nextCursor: string | null;
      loadingMore: boolean;
    };

const readyFrom = (result: RegistrySearchResult, entries: RegistryEntry[]): RegistrySearch => ({
  status: 'ready',
  entries,
  total: result.total,
  offline: result.offline,
  fetchedAt: result.fetchedAt,
  notice: result.notice,
  nextCursor: result.nextCursor,
  loadingMore: false,
});

/**
 * The registry's answer for `query`, debounced; deprecated entries are included so the list can
 * warn about them (they are never installable). An older answer never replaces a newer one.
 */
export function useRegistrySearch(query: string): { search: RegistrySearch; loadMore: () => void } {
  const api = useApi();
  const { epoch } = useConnection();
  const settled = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const [search, setSearch] = useState<RegistrySearch>({ status: 'loading' });
  const generation = useRef(0);

  useEffect(() => {
    if (epoch === 0) return;
    const mine = ++generation.current;
    setSearch((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    api.searchRegistry({ query: settled, limit: PAGE_SIZE, includeDeprecated: true }).then(
      (result) => mine === generation.current && setSearch(readyFrom(result, result.entries)),
      (error: unknown) =>
        mine === generation.current && setSearch({ status: 'error', message: messageOf(error) }),
    );
  }, [api, epoch, settled]);

  const loadMore = useCallback(() => {
    if (search.status !== 'ready' || !search.nextCursor || search.loadingMore) return;
    const mine = generation.current;
    const before = search.entries;
    setSearch({ ...search, loadingMore: true });
    api
      .searchRegistry({
        query: settled,
        limit: PAGE_SIZE,
        includeDeprecated: true,
        cursor: search.nextCursor,
      })
      .then(
        (result) =>
          mine === generation.current && setSearch(readyFrom(result, [...before, ...result.entries])),
        (error: unknown) =>
          mine === generation.current && setSearch({ status: 'error', message: messageOf(error) }),
      );
  }, [api, search, settled]);

  return { search, loadMore };
}
