import './account.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { AccountInfo, InstanceDetail } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { ClientSetupForm } from '../add/client-setup-form';
import { ManualTokenForm } from '../add/manual-token-form';
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

/**
 * The account an instance uses: who is signed in, Connect/Reconnect, Disconnect, and the
 * sign-in itself; the user's own OAuth client first where the app ships none, and a pasted
 * token instead of the browser where the provider offers one.
 */
export function AccountCard({ instance, account, refresh, autoStart = false }: AccountCardProps) {
  const { flow, connect, cancel, reset } = useSignIn(instance.id, () => void refresh());
  const [confirming, setConfirming] = useState(false);
  // Each token sign-in remounts the (closed) token form and says it worked.
  const [tokenSignIns, setTokenSignIns] = useState(0);
  const connectButton = useRef<HTMLButtonElement>(null);
  const disconnectButton = useRef<HTMLButtonElement>(null);
  const tokenMessage = useRef<HTMLParagraphElement>(null);
  const headingId = useId();
  const busy = isBusy(flow);
  const needsClient = account.needsClientId;
  // While the panel shows what to do, it has the only actions that make sense (Cancel, Open again).
  const showConnect =
    !needsClient && (flow.phase === 'idle' || flow.phase === 'starting' || flow.phase === 'signed-in');
  const tokenSignedIn = tokenSignIns > 0 && flow.phase === 'idle';

  useEffect(() => {
    // Without a client of their own there is nothing to start yet: the set-up comes first.
    if (autoStart && !needsClient) connect();
  }, [autoStart, needsClient, connect]);

  // The token form that had focus has closed: its outcome takes it.
  useEffect(() => {
    if (tokenSignIns > 0) tokenMessage.current?.focus();
  }, [tokenSignIns]);

  const startSignIn = () => {
    setTokenSignIns(0);
    connect();
  };

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
              onClick={busy ? undefined : startSignIn}
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
      {needsClient &&
        (account.clientSetup ? (
          <ClientSetupForm
            instanceId={instance.id}
            serviceName={instance.name}
            setup={account.clientSetup}
            onSaved={() => {
              void refresh();
              startSignIn();
            }}
          />
        ) : (
          <p className="inline-error" role="alert" data-testid="client-setup-unknown">
            {instance.name} needs your own sign-in app, and this version of MCP Tray does not know how to set
            one up.
          </p>
        ))}
      <SignInPanel flow={flow} onCancel={cancel} onRetry={startSignIn} />
      {tokenSignedIn && (
        <p
          ref={tokenMessage}
          className="sign-in-result sign-in-result--ok"
          role="status"
          tabIndex={-1}
          data-testid="token-sign-in-success"
        >
          <Icon name="check" />
          Signed in with your token.
        </p>
      )}
      {account.manualToken && (
        // Also for someone signed in: replacing a token, or using one instead of reconnecting.
        <ManualTokenForm
          key={tokenSignIns}
          instanceId={instance.id}
          manual={account.manualToken}
          open={account.manual && !account.signedIn}
          beforeSubmit={() => {
            if (flow.phase === 'waiting') cancel();
          }}
          onSignedIn={() => {
            reset();
            setTokenSignIns((n) => n + 1);
            void refresh();
          }}
        />
      )}
      {confirming && (
        <DisconnectDialog
          instance={instance}
          account={account}
          onDone={() => {
            setConfirming(false);
            setTokenSignIns(0);
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
