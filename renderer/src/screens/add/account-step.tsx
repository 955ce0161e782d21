import '../account/account.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountInfo, CatalogEntry, InstanceSummary } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import type { Loadable } from '../../api/use-api-data';
import { Icon } from '../../components/icon';
import { ErrorState, LoadingState } from '../../components/load-states';
import { SignInPanel } from '../account/sign-in-panel';
import { isBusy, useSignIn } from '../account/use-sign-in';
import { ClientSetupForm } from './client-setup-form';
import { ManualTokenForm } from './manual-token-form';
import { StepFrame } from './step-frame';

interface AccountStepProps {
  instance: InstanceSummary;
  entry: CatalogEntry;
  /** The user already asked to sign in ("Add and sign in"): start at once when possible. */
  autoStart: boolean;
  /** Signed in (with who, when known), or there was nothing to sign in to. */
  onDone: (label: string | null) => void;
  onSkip: () => void;
}

function SignInBody({
  instance,
  entry,
  account,
  autoStart,
  onDone,
  onAccount,
}: Omit<AccountStepProps, 'onSkip'> & {
  account: AccountInfo;
  onAccount: (account: AccountInfo) => void;
}) {
  const api = useApi();
  const refresh = useCallback(() => {
    api.getInstance({ id: instance.id }).then(
      (detail) => detail.account && onAccount(detail.account),
      () => undefined,
    );
  }, [api, instance.id, onAccount]);
  const { flow, connect, cancel } = useSignIn(instance.id, refresh);
  const started = useRef(false);
  const needsClient = account.needsClientId;
  const setup = account.clientSetup ?? entry.clientSetup;
  const manual = account.manualToken ?? entry.manualToken;

  useEffect(() => {
    if (!autoStart || started.current || needsClient || account.signedIn) return;
    started.current = true;
    connect();
  }, [autoStart, needsClient, account.signedIn, connect]);

  useEffect(() => {
    if (flow.phase === 'signed-in') onDone(flow.account.label);
  }, [flow, onDone]);

  const manualForm = manual && (
    <ManualTokenForm
      instanceId={instance.id}
      manual={manual}
      beforeSubmit={() => {
        if (flow.phase === 'waiting') cancel();
      }}
      onSignedIn={(next) => onDone(next.label)}
    />
  );

  if (needsClient) {
    return (
      <>
        {setup ? (
          <ClientSetupForm
            instanceId={instance.id}
            serviceName={entry.name}
            setup={setup}
            onSaved={(next) => {
              onAccount(next);
              connect();
            }}
          />
        ) : (
          <p className="inline-error" role="alert">
            {entry.name} needs your own sign-in app, and this version of MCP Tray does not know how to set one
            up.
          </p>
        )}
        {/* A pasted token is often quicker than registering an app. */}
        {manualForm}
      </>
    );
  }

  const idle = flow.phase === 'idle' || flow.phase === 'starting';
  return (
    <>
      <p>
        You sign in on {entry.name}’s own page in your browser; MCP Tray never sees your password. The sign-in
        stays in your system keychain and renews by itself.
      </p>
      {idle && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={isBusy(flow)}
            onClick={isBusy(flow) ? undefined : connect}
            data-testid="add-sign-in"
          >
            <Icon name="lock" />
            {flow.phase === 'starting' ? 'Opening the sign-in…' : `Sign in to ${entry.name}`}
          </button>
        </div>
      )}
      <SignInPanel flow={flow} onCancel={cancel} onRetry={connect} />
      {manualForm}
    </>
  );
}

/**
 * Connecting the account: the user's own OAuth client first where needed, then the browser or
 * device-code sign-in (the Account tab's components), or a pasted token. Moves on by itself.
 */
export function AccountStep({ instance, entry, autoStart, onDone, onSkip }: AccountStepProps) {
  const api = useApi();
  const [state, setState] = useState<Loadable<AccountInfo | null>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.getInstance({ id: instance.id }).then(
      (detail) => !cancelled && setState({ status: 'ready', data: detail.account ?? null }),
      (error: unknown) => !cancelled && setState({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, instance.id, attempt]);

  const account = state.status === 'ready' ? state.data : undefined;
  useEffect(() => {
    // Nothing to sign in to after all, or already signed in (a second window, a CLI sign-in).
    if (account === null) onDone(null);
    else if (account?.signedIn) onDone(account.label);
  }, [account, onDone]);
  const setAccount = useCallback((next: AccountInfo) => setState({ status: 'ready', data: next }), []);

  return (
    <StepFrame title={`Connect your ${entry.name} account`} testId="step-account">
      {state.status === 'loading' && <LoadingState label="Checking the account…" />}
      {state.status === 'error' && (
        <ErrorState
          title="Couldn't check the account."
          message={state.message}
          onRetry={() => {
            setState({ status: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      )}
      {account && (
        <SignInBody
          instance={instance}
          entry={entry}
          account={account}
          autoStart={autoStart}
          onDone={onDone}
          onAccount={setAccount}
        />
      )}
      <p className="step__skip">
        <button type="button" className="link-button" onClick={onSkip} data-testid="sign-in-later">
          Sign in later
        </button>
        <span className="muted"> — {instance.name} waits on the Services screen until you do.</span>
      </p>
    </StepFrame>
  );
}
