import './instance-detail.css';
import { useId, useRef, useState } from 'react';
import type { InstanceDetail } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Icon } from '../../components/icon';
import { instanceHref, routeHref } from '../../routing/routes';
import { navigate } from '../../routing/use-route';

type Action = 'restart' | 'toggle' | 'remove';

interface InstanceActionsProps {
  instance: InstanceDetail;
  /** Refetches the detail; an action counts as done once the new state is shown. */
  refresh: () => Promise<void>;
  /** Live updates pause while removing, so the view does not flash "not found" first. */
  onRemovingChange: (removing: boolean) => void;
  /** The provider rejected its API key: "Enter a new key" opens Settings on the secret field. */
  onEnterKey?: () => void;
}

const PENDING_TEXT: Record<Action, (instance: InstanceDetail) => string> = {
  restart: ({ name }) => `Restarting ${name}…`,
  toggle: ({ name, enabled }) => `${enabled ? 'Disabling' : 'Enabling'} ${name}…`,
  remove: ({ name }) => `Removing ${name}…`,
};

/**
 * Restart, Disable/Enable and Remove. One action at a time: while one runs the buttons are
 * `aria-disabled` (not `disabled`, which would drop keyboard focus) and say what is happening.
 */
export function InstanceActions({ instance, refresh, onRemovingChange, onEnterKey }: InstanceActionsProps) {
  const api = useApi();
  const { id, enabled } = instance;
  const [pending, setPending] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();

  const run = async (action: Action, request: () => Promise<unknown>) => {
    if (pending) return;
    setPending(action);
    setError(null);
    try {
      await request();
      await refresh();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setPending(null);
    }
  };

  const restart = () => {
    if (enabled) void run('restart', () => api.restartInstance({ id }));
  };
  const toggle = () => void run('toggle', () => api.setInstanceEnabled({ id, enabled: !enabled }));

  const askToRemove = () => {
    if (pending) return;
    setError(null);
    setRemoveError(null);
    setConfirming(true);
  };

  const remove = async () => {
    setPending('remove');
    setRemoveError(null);
    onRemovingChange(true);
    try {
      await api.removeInstance({ id });
    } catch (failure) {
      setRemoveError(messageOf(failure));
      setPending(null);
      onRemovingChange(false);
      return;
    }
    // Unless the user has gone somewhere else meanwhile, go back to the list, and leave no
    // history entry for a page that no longer exists.
    if (window.location.hash === instanceHref(id)) navigate(routeHref('services'), { replace: true });
  };

  const busy = pending !== null;
  return (
    <div className="actions-area">
      <div className="actions" role="group" aria-label="Actions" data-testid="instance-actions">
        {onEnterKey && (
          // The fix comes first: it is what this service is waiting for.
          <button
            type="button"
            className="button button--primary"
            onClick={onEnterKey}
            data-testid="action-new-key"
          >
            <Icon name="lock" />
            Enter a new key
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-disabled={busy || !enabled}
          aria-describedby={enabled ? undefined : hintId}
          onClick={restart}
          data-testid="action-restart"
        >
          <Icon name="reconnect" />
          {pending === 'restart' ? 'Restarting…' : 'Restart'}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={busy ? undefined : toggle}
          data-testid="action-toggle"
        >
          <Icon name="power" />
          {pending === 'toggle' ? (enabled ? 'Disabling…' : 'Enabling…') : enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          ref={removeButton}
          type="button"
          className="button button--danger-quiet"
          aria-disabled={busy}
          aria-haspopup="dialog"
          onClick={askToRemove}
          data-testid="action-remove"
        >
          <Icon name="trash" />
          Remove…
        </button>
      </div>
      {!enabled && (
        <p id={hintId} className="muted">
          This service is disabled: it does not run and AI clients do not see its tools.
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {pending ? PENDING_TEXT[pending](instance) : ''}
      </p>
      {confirming && (
        <ConfirmDialog
          title={`Remove ${instance.name}?`}
          confirmLabel="Remove"
          pendingLabel="Removing…"
          pending={pending === 'remove'}
          error={removeError}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
          returnFocus={removeButton}
          testId="remove-dialog"
        >
          <p>
            MCP Tray stops it and forgets it, including any secrets it keeps in the keychain. Your AI clients
            lose its tools.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
