import { useEffect, useId, useRef, useState } from 'react';
import type { AccountInfo, InstanceDetail } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { AccountStatus } from './account-status';
import { DisconnectDialog } from './disconnect-dialog';
import { SignInPanel } from './sign-in-panel';
import { isBusy, useSignIn } from './use-sign-in';

interface AccountCardProps {
  instance: InstanceDetail;
  account: AccountInfo;
  /** Refetches the detail (after signing in, cancelling or out). */
  refresh: () => Promise<void>;
  /** Start signing in at once (the user pressed "Sign in" in the list). */
  autoStart?: boolean;
}

/** The account an instance uses: who is signed in, Connect/Reconnect, Disconnect, and the sign-in itself. */
export function AccountCard({ instance, account, refresh, autoStart = false }: AccountCardProps) {
  const { flow, connect, cancel, reset } = useSignIn(instance.id, () => void refresh());
  const [confirming, setConfirming] = useState(false);
  const connectButton = useRef<HTMLButtonElement>(null);
  const disconnectButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const busy = isBusy(flow);
  // While the panel shows what to do, it has the only actions that make sense (Cancel, Open again).
  const showConnect = flow.phase === 'idle' || flow.phase === 'starting' || flow.phase === 'signed-in';

  useEffect(() => {
    if (autoStart) connect();
  }, [autoStart, connect]);

  // After Cancel or Disconnect the button that had focus is gone: give it to Connect.
  useEffect(() => {
    const active = document.activeElement;
    if (flow.phase === 'idle' && (!active || active === document.body)) connectButton.current?.focus();
  }, [flow.phase, account.signedIn]);

  const connectLabel = account.signedIn ? 'Reconnect' : 'Connect';
  return (
    <section className="account-card" aria-labelledby={headingId} data-testid="account-card">
      <h2 id={headingId} className="account-card__title">
        Account
      </h2>
      <AccountStatus account={account} name={instance.name} />
      {account.pending && flow.phase === 'idle' && (
        <p className="note" data-testid="account-pending">
          <Icon name="clock" />A sign-in is waiting to be finished. {connectLabel} shows it again.
        </p>
      )}
      {(showConnect || account.signedIn) && (
        <div className="actions">
          {showConnect && (
            <button
              ref={connectButton}
              type="button"
              className={account.signedIn ? 'button' : 'button button--primary'}
              aria-disabled={busy}
              onClick={busy ? undefined : connect}
              data-testid="account-connect"
            >
              <Icon name={account.signedIn ? 'reconnect' : 'lock'} />
              {flow.phase === 'starting' ? 'Opening the sign-in…' : connectLabel}
            </button>
          )}
          {account.signedIn && (
            <button
              ref={disconnectButton}
              type="button"
              className="button button--danger-quiet"
              aria-disabled={busy}
              aria-haspopup="dialog"
              onClick={busy ? undefined : () => setConfirming(true)}
              data-testid="account-disconnect"
            >
              <Icon name="power" />
              Disconnect…
            </button>
          )}
        </div>
      )}
      <SignInPanel flow={flow} onCancel={cancel} onRetry={connect} />
      {confirming && (
        <DisconnectDialog
          instance={instance}
          account={account}
          onDone={() => {
            setConfirming(false);
            reset();
            void refresh();
          }}
          onCancel={() => setConfirming(false)}
          returnFocus={disconnectButton}
        />
      )}
    </section>
  );
}
