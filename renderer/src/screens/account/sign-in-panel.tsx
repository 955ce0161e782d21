import './account.css';
import { useEffect, useId, useRef } from 'react';
import type { SignInStart } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { webLink } from './account-format';
import { BrowserSteps } from './browser-steps';
import { DeviceSteps, devicePage } from './device-steps';
import type { SignInFlow } from './use-sign-in';

interface SignInPanelProps {
  flow: SignInFlow;
  onCancel: () => void;
  onRetry: () => void;
}

/** Moves focus to `target` when the control that had it has just gone (Connect, Cancel). */
function useFocusWhenLost(target: { current: HTMLElement | null }, key: string) {
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
  }, [target, key]);
}

function WaitingPanel({
  start,
  cancelling,
  onCancel,
}: {
  start: SignInStart;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useFocusWhenLost(heading, start.kind);
  const page = start.kind === 'browser' ? webLink(start.url) : devicePage(start);
  return (
    <section
      className="sign-in"
      aria-labelledby={headingId}
      data-testid="sign-in-panel"
      data-kind={start.kind}
    >
      <h3 ref={heading} id={headingId} className="sign-in__title" tabIndex={-1}>
        {start.kind === 'browser' ? 'Finish signing in in your browser' : 'Enter the code in your browser'}
      </h3>
      {start.kind === 'browser' ? <BrowserSteps url={start.url} /> : <DeviceSteps start={start} />}
      <div className="actions">
        {page && (
          // The app sends new-window links to the system browser, where the user is signed in.
          <a className="button" href={page} target="_blank" rel="noreferrer" data-testid="sign-in-open">
            <Icon name="external" />
            {start.kind === 'browser' ? 'Open again' : 'Open sign-in page'}
          </a>
        )}
        <button
          type="button"
          className="button"
          aria-disabled={cancelling}
          onClick={cancelling ? undefined : onCancel}
          data-testid="sign-in-cancel"
        >
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      <p className="sign-in__waiting" role="status">
        <span className="spinner" aria-hidden="true" />
        {cancelling ? 'Cancelling the sign-in…' : 'Waiting for you to finish signing in…'}
      </p>
    </section>
  );
}

function Outcome({
  flow,
  onRetry,
}: {
  flow: Extract<SignInFlow, { phase: 'signed-in' | 'failed' }>;
  onRetry: () => void;
}) {
  const message = useRef<HTMLParagraphElement>(null);
  useFocusWhenLost(message, flow.phase);
  if (flow.phase === 'signed-in') {
    const { label } = flow.account;
    return (
      <p
        ref={message}
        className="sign-in-result sign-in-result--ok"
        role="status"
        tabIndex={-1}
        data-testid="sign-in-success"
      >
        <Icon name="check" />
        {label ? `Signed in as ${label}.` : 'Signed in.'}
      </p>
    );
  }
  return (
    <div className="sign-in-result sign-in-result--error" role="alert" data-testid="sign-in-error">
      <p ref={message} className="sign-in-result__message" tabIndex={-1}>
        {flow.message}
      </p>
      <button type="button" className="button button--small" onClick={onRetry} data-testid="sign-in-retry">
        Try again
      </button>
    </div>
  );
}

/** The running sign-in (what to do in the browser, Cancel) or how the last one ended. */
export function SignInPanel({ flow, onCancel, onRetry }: SignInPanelProps) {
  switch (flow.phase) {
    case 'waiting':
    case 'cancelling':
      return <WaitingPanel start={flow.start} cancelling={flow.phase === 'cancelling'} onCancel={onCancel} />;
    case 'signed-in':
    case 'failed':
      return <Outcome flow={flow} onRetry={onRetry} />;
    default:
      return null;
  }
}
