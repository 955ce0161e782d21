import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountInfo, SignInStart } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';

export type SignInFlow =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'waiting'; start: SignInStart }
  | { phase: 'cancelling'; start: SignInStart }
  | { phase: 'signed-in'; account: AccountInfo }
  | { phase: 'failed'; message: string };

export interface SignIn {
  flow: SignInFlow;
  /** Starts a sign-in, or shows the one already running (the core returns it). */
  connect: () => void;
  cancel: () => void;
  /** Forgets the last outcome (e.g. after signing out). */
  reset: () => void;
}

/** Phases with a request on its way: Connect does nothing then. */
export const isBusy = (flow: SignInFlow): boolean =>
  flow.phase === 'starting' || flow.phase === 'waiting' || flow.phase === 'cancelling';

/**
 * One instance's sign-in as the user sees it: start (the core opens the browser), wait for the
 * user to finish at the provider, then success or the core's words for what went wrong.
 * `onChange` runs when the account may have changed (signed in, cancelled), to refetch it.
 */
export function useSignIn(id: string, onChange: () => void): SignIn {
  const api = useApi();
  const [flow, setFlowState] = useState<SignInFlow>({ phase: 'idle' });
  // The phase as of now, for handlers called twice before a re-render (StrictMode, double clicks).
  const current = useRef<SignInFlow>(flow);
  // Each start or cancel takes a number; answers for an older one are ignored.
  const run = useRef(0);
  const mounted = useRef(false);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const setFlow = useCallback((next: SignInFlow) => {
    current.current = next;
    setFlowState(next);
  }, []);
  const live = (ticket: number) => mounted.current && ticket === run.current;

  const connect = useCallback(() => {
    if (isBusy(current.current)) return;
    const ticket = ++run.current;
    setFlow({ phase: 'starting' });
    const settle = async () => {
      let start: SignInStart;
      try {
        start = await api.startSignIn({ id, openBrowser: true });
      } catch (error) {
        if (live(ticket)) setFlow({ phase: 'failed', message: messageOf(error) });
        return;
      }
      if (!live(ticket)) return;
      setFlow({ phase: 'waiting', start });
      try {
        const account = await api.waitSignIn({ id });
        if (!live(ticket)) return;
        setFlow({ phase: 'signed-in', account });
        changed.current();
      } catch (error) {
        if (live(ticket)) setFlow({ phase: 'failed', message: messageOf(error) });
      }
    };
    void settle();
  }, [api, id, setFlow]);

  const cancel = useCallback(() => {
    const now = current.current;
    if (now.phase !== 'waiting') return;
    // A new ticket first: the wait rejects with "cancelled", which is no error to show.
    const ticket = ++run.current;
    setFlow({ phase: 'cancelling', start: now.start });
    api.cancelSignIn({ id }).then(
      () => {
        if (!live(ticket)) return;
        setFlow({ phase: 'idle' });
        changed.current();
      },
      (error: unknown) => {
        if (live(ticket)) setFlow({ phase: 'failed', message: messageOf(error) });
      },
    );
  }, [api, id, setFlow]);

  const reset = useCallback(() => {
    run.current += 1;
    setFlow({ phase: 'idle' });
  }, [setFlow]);

  return { flow, connect, cancel, reset };
}
