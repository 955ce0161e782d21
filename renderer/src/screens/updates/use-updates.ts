import { useMemo } from 'react';
import type { OutdatedInstance } from '../../../../electron/shared/contract';
import type { Loader, Watcher } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';

const loadUpdates: Loader<OutdatedInstance[]> = (api) => api.listUpdates();
const watchUpdates: Watcher<OutdatedInstance[]> = (api, apply) =>
  api.onUpdatesAvailable(({ outdated }) => apply(() => outdated));

/**
 * The last update check's answer by instance id, kept live by `updatesAvailable`. Nothing ever
 * updates by itself: this only says what could be updated.
 */
export function useUpdates(): { updates: ReadonlyMap<string, OutdatedInstance>; refresh: () => void } {
  const { state, refresh } = useApiData(loadUpdates, watchUpdates);
  const updates = useMemo(
    () => new Map(state.status === 'ready' ? state.data.map((u) => [u.id, u] as const) : []),
    [state],
  );
  return { updates, refresh };
}

/** "Update available 1.2.3 → 1.4.0". */
export const updateLabel = ({ current, latest }: OutdatedInstance): string =>
  `Update available ${current} → ${latest}`;
