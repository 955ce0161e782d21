import { useCallback, useMemo, useState } from 'react';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { CallFilters, CallQuery } from './call-query';
import { NO_FILTERS, toQuery } from './call-query';

/** Typing pauses this long before the list is asked again. */
export const SEARCH_DEBOUNCE_MS = 200;

export interface CallFiltersState {
  /** What the controls show (text as typed). */
  filters: CallFilters;
  /** What the list asks for: text debounced, the fixed instance applied. */
  query: CallQuery;
  /** Whether the user narrowed the list (a fixed instance does not count). */
  filtered: boolean;
  change: (change: Partial<CallFilters>) => void;
  clear: () => void;
}

/** Filter state for the log; `fixedInstanceId` pins it to one instance (the per-service tab). */
export function useCallFilters(fixedInstanceId?: string): CallFiltersState {
  const [filters, setFilters] = useState<CallFilters>(NO_FILTERS);
  const debouncedText = useDebouncedValue(filters.text, SEARCH_DEBOUNCE_MS);
  // Clearing the box takes effect at once: there is nothing to wait for.
  const text = filters.text.trim() === '' ? '' : debouncedText;
  const { outcome, client } = filters;
  const instanceId = fixedInstanceId ?? filters.instanceId;
  const query = useMemo(
    () => toQuery({ instanceId, outcome, client, text }),
    [instanceId, outcome, client, text],
  );
  const filtered =
    filters.text.trim() !== '' ||
    outcome !== null ||
    client !== null ||
    (fixedInstanceId === undefined && filters.instanceId !== null);

  const change = useCallback((next: Partial<CallFilters>) => setFilters((f) => ({ ...f, ...next })), []);
  const clear = useCallback(() => setFilters(NO_FILTERS), []);
  return { filters, query, filtered, change, clear };
}
