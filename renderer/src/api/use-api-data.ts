import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrayApi } from '../../../electron/shared/api';
import { useApi, useConnection } from './api-context';
import { messageOf } from './error-message';

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

export interface ApiData<T> {
  state: Loadable<T>;
  retry: () => void;
  /** Loads again without showing the spinner (e.g. after a change the core may not announce). */
  refresh: () => void;
  /** Applies a change this window made, like an event (an older answer cannot overwrite it). */
  update: (update: Update<T>) => void;
}

export type Loader<T> = (api: TrayApi) => Promise<T>;
/** Applies an event to the current data; returning undefined leaves it unchanged. */
export type Update<T> = (current: T | undefined) => T | undefined;
export type Watcher<T> = (api: TrayApi, apply: (update: Update<T>) => void) => () => void;

/**
 * Loads data once connected, keeps it live from events, and refetches silently after a
 * reconnect. `load` and `watch` must be stable (declare them at module level).
 */
export function useApiData<T>(load: Loader<T>, watch?: Watcher<T>): ApiData<T> {
  const api = useApi();
  const { epoch } = useConnection();
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Bumped by every event, so a response that raced an event cannot overwrite newer data.
  const eventCount = useRef(0);

  const update = useCallback((change: Update<T>) => {
    eventCount.current += 1;
    setState((prev) => {
      const next = change(prev.status === 'ready' ? prev.data : undefined);
      return next === undefined ? prev : { status: 'ready', data: next };
    });
  }, []);

  useEffect(() => {
    if (!watch) return undefined;
    return watch(api, update);
  }, [api, watch, update]);

  useEffect(() => {
    // Before the first open every request would fail at once with "disconnected".
    if (epoch === 0) return undefined;
    let cancelled = false;
    const eventsAtStart = eventCount.current;
    load(api).then(
      (data) => {
        if (cancelled) return;
        setState((prev) =>
          prev.status === 'ready' && eventCount.current !== eventsAtStart ? prev : { status: 'ready', data },
        );
      },
      (error: unknown) => {
        if (cancelled) return;
        // Keep showing what we have; the connection banner explains a lost connection.
        setState((prev) => (prev.status === 'ready' ? prev : { status: 'error', message: messageOf(error) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, load, epoch, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, retry, refresh, update };
}
