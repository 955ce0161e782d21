import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TrayApi } from '../../../../electron/shared/api';
import type { InstanceDetail } from '../../../../electron/shared/contract';
import { requests } from '../../../../electron/shared/contract';
import { useApi, useConnection } from '../../api/api-context';
import { messageOf } from '../../api/error-message';

type DetailState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'not-found' }
  | { status: 'ready'; data: InstanceDetail };

export interface InstanceDetailData {
  state: DetailState;
  /** After an error: show the spinner and load again. */
  retry: () => void;
  /** Fetch again quietly, e.g. after an action; settles once that answer (or a newer one) is in. */
  refresh: () => Promise<void>;
}

/** CPU and memory change without events, so the open detail polls for them. */
export const POLL_MS = 5000;

const isValidId = (id: string): boolean => requests.getInstance.input.safeParse({ id }).success;

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;

/**
 * Is the failure "no such instance"? The core says so with code `not-found`; an error that lost
 * its code on the way (Electron's contextBridge keeps only the message) is checked against the list.
 */
async function isMissing(api: TrayApi, id: string, error: unknown): Promise<boolean> {
  const code = codeOf(error);
  if (code !== undefined) return code === 'not-found';
  try {
    return !(await api.listInstances()).some((instance) => instance.id === id);
  } catch {
    return false;
  }
}

/**
 * Loads one instance's detail once connected and keeps it current: refetches on its state
 * transitions, on any change to the list, after reconnecting, and every few seconds while the
 * window is visible. `paused` ignores all of that (e.g. while it is being removed, so the view
 * does not flash "not found" before leaving).
 */
export function useInstanceDetail(id: string, paused = false): InstanceDetailData {
  const api = useApi();
  const { epoch } = useConnection();
  const valid = isValidId(id);
  const [state, setState] = useState<DetailState>(valid ? { status: 'loading' } : { status: 'not-found' });
  const [attempt, setAttempt] = useState(0);
  // Each request takes a number; only the newest may write, so a slow answer cannot undo a newer one.
  const latest = useRef(0);
  const inFlight = useRef(false);
  const pausedRef = useRef(paused);
  // At commit, not later: an event may arrive right after the click that paused us.
  useLayoutEffect(() => {
    pausedRef.current = paused;
  }, [paused]);

  const fetchDetail = useCallback((): Promise<void> => {
    const request = ++latest.current;
    const current = () => request === latest.current && !pausedRef.current;
    inFlight.current = true;
    return api
      .getInstance({ id })
      .then(
        (data) => {
          if (current()) setState({ status: 'ready', data });
        },
        async (error: unknown) => {
          const missing = await isMissing(api, id, error);
          if (!current()) return;
          if (missing) setState({ status: 'not-found' });
          // Keep showing what we have; the connection banner explains a lost connection.
          else
            setState((prev) =>
              prev.status === 'ready' ? prev : { status: 'error', message: messageOf(error) },
            );
        },
      )
      .finally(() => {
        if (request === latest.current) inFlight.current = false;
      });
  }, [api, id]);

  useEffect(() => {
    // Before the first open every request would fail at once with "disconnected".
    if (!valid || epoch === 0) return undefined;
    void fetchDetail();
    return () => {
      latest.current += 1;
      inFlight.current = false;
    };
  }, [valid, epoch, attempt, fetchDetail]);

  useEffect(() => {
    if (!valid) return undefined;
    const offState = api.onInstanceStateChanged((event) => {
      if (event.id === id && !pausedRef.current) void fetchDetail();
    });
    const offList = api.onInstancesChanged(({ instances }) => {
      if (pausedRef.current) return;
      if (instances.some((instance) => instance.id === id)) {
        void fetchDetail();
      } else {
        // Removed elsewhere (the CLI, another window): drop any answer still on its way.
        latest.current += 1;
        setState({ status: 'not-found' });
      }
    });
    return () => {
      offState();
      offList();
    };
  }, [api, id, valid, fetchDetail]);

  const ready = state.status === 'ready';
  useEffect(() => {
    if (!ready || epoch === 0) return undefined;
    const poll = () => {
      if (document.visibilityState === 'visible' && !inFlight.current && !pausedRef.current)
        void fetchDetail();
    };
    const timer = setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [ready, epoch, fetchDetail]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry, refresh: fetchDetail };
}
