import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { ToolCallRecord } from '../../../../electron/shared/contract';
import { useApi, useConnection } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import type { CallQuery } from './call-query';
import { PAGE_SIZE, matchesQuery, queryKey } from './call-query';
import type { ToolCallsState } from './tool-calls-state';
import { INITIAL_STATE, toolCallsReducer } from './tool-calls-state';

/** Live calls are shown at most this often (and at the latest this late, frames or not). */
export const LIVE_FLUSH_MS = 100;

export interface ToolCallsData extends ToolCallsState {
  /** Fetches the next older page, if there is one and none is on its way. */
  loadMore: () => void;
  /** After a failed first page: show the spinner and ask again. */
  retry: () => void;
  /** After a failed older page: clear the error and ask again. */
  retryMore: () => void;
}

/**
 * The tool-call log for one query: loads the newest page once connected, prepends matching calls
 * as they are recorded, pages back with `beforeId` on demand, and after a reconnect fetches what
 * it missed (events sent while disconnected are lost) without dropping the pages already loaded.
 */
export function useToolCalls(query: CallQuery): ToolCallsData {
  const api = useApi();
  const { epoch } = useConnection();
  const [state, dispatch] = useReducer(toolCallsReducer, INITIAL_STATE);
  const [attempt, setAttempt] = useState(0);
  const key = queryKey(query);
  // The query as of this key; effects read it through a ref so they depend on the key alone.
  const queryRef = useRef(query);
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    queryRef.current = query;
    stateRef.current = state;
  });
  // Requests belong to a "session" (one query on one connection); answers to an old one are dropped.
  const session = useRef(0);
  const loadedKey = useRef<string | null>(null);
  const firstPageDone = useRef(false);
  const moreInFlight = useRef(false);

  useEffect(() => {
    // Before the first open every request would fail at once with "disconnected".
    if (epoch === 0) return undefined;
    const current = ++session.current;
    const active = () => current === session.current;
    const asked = queryRef.current;
    const catchUp = loadedKey.current === key;
    const buffered: ToolCallRecord[] = [];
    firstPageDone.current = false;
    moreInFlight.current = false;

    // Live calls are added on the next frame; once they come more than one a frame, at most every
    // LIVE_FLUSH_MS: one render per call would take the whole main thread at 1000 calls a second,
    // while calls one by one still show at once. A hidden window (no frames) catches up by timer.
    const live: ToolCallRecord[] = [];
    let frame: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastFlush = -Infinity;
    let burst = false;
    const flush = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = timer = null;
      lastFlush = performance.now();
      burst = live.length > 1;
      if (active() && live.length) dispatch({ type: 'live', records: live.splice(0) });
    };
    const schedule = () => {
      if (frame !== null || timer !== null) return;
      const wait = burst ? lastFlush + LIVE_FLUSH_MS - performance.now() : 0;
      if (wait > 0) timer = setTimeout(flush, wait);
      else {
        frame = requestAnimationFrame(flush);
        timer = setTimeout(flush, LIVE_FLUSH_MS);
      }
    };
    const off = api.onToolCallRecorded(({ record }) => {
      if (!active() || !matchesQuery(record, asked)) return;
      // Until the first page is in, the record may or may not be in it: keep it, merge by id later.
      if (!firstPageDone.current) {
        buffered.push(record);
        return;
      }
      live.push(record);
      schedule();
    });
    if (!catchUp) dispatch({ type: 'start' });
    api.queryToolCalls({ ...asked, limit: PAGE_SIZE }).then(
      (page) => {
        if (!active()) return;
        firstPageDone.current = true;
        loadedKey.current = key;
        dispatch({ type: catchUp ? 'catch-up' : 'page', page, buffered });
      },
      (error: unknown) => {
        if (!active()) return;
        firstPageDone.current = true;
        // A failed catch-up keeps the rows; the connection banner explains a lost connection.
        if (!catchUp) dispatch({ type: 'error', message: messageOf(error) });
      },
    );
    return () => {
      session.current += 1;
      off();
      flush();
    };
  }, [api, key, epoch, attempt]);

  const loadMore = useCallback(() => {
    const { status, refreshing, hasMore, moreError, records } = stateRef.current;
    const oldest = records[records.length - 1];
    if (status !== 'ready' || refreshing || !hasMore || moreError || !oldest || moreInFlight.current) return;
    if (!firstPageDone.current) return;
    const current = session.current;
    moreInFlight.current = true;
    dispatch({ type: 'more-start' });
    api.queryToolCalls({ ...queryRef.current, beforeId: oldest.id, limit: PAGE_SIZE }).then(
      (page) => {
        if (current !== session.current) return;
        moreInFlight.current = false;
        dispatch({ type: 'more', page });
      },
      (error: unknown) => {
        if (current !== session.current) return;
        moreInFlight.current = false;
        dispatch({ type: 'more-error', message: messageOf(error) });
      },
    );
  }, [api]);

  const retry = useCallback(() => {
    loadedKey.current = null;
    dispatch({ type: 'start' });
    setAttempt((n) => n + 1);
  }, []);

  const retryMore = useCallback(() => {
    dispatch({ type: 'more-retry' });
    stateRef.current = { ...stateRef.current, moreError: null };
    loadMore();
  }, [loadMore]);

  return { ...state, loadMore, retry, retryMore };
}
