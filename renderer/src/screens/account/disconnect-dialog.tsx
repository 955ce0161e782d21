import type { RefObject } from 'react';
import { useState } from 'react';
import type { AccountInfo, InstanceDetail } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { ConfirmDialog } from '../../components/confirm-dialog';

interface DisconnectDialogProps {
  instance: InstanceDetail;
  account: AccountInfo;
  /** Signed out: the caller closes the dialog and refetches. */
  onDone: () => void;
  onCancel: () => void;
  returnFocus: RefObject<HTMLElement | null>;
}

/** Asks before signing out, saying what it does: the service stops until the user connects again. */
export function DisconnectDialog({
  instance,
  account,
  onDone,
  onCancel,
  returnFocus,
}: DisconnectDialogProps) {
  const api = useApi();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const disconnect = async () => {
    setPending(true);
    setError(null);
    try {
      await api.signOut({ id: instance.id });
    } catch (failure) {
      setError(messageOf(failure));
      setPending(false);
      return;
    }
    onDone();
  };

  return (
    <ConfirmDialog
      title={`Disconnect ${instance.name}?`}
      confirmLabel="Disconnect"
      pendingLabel="Disconnecting…"
      pending={pending}
      error={error}
      onConfirm={() => void disconnect()}
      onCancel={onCancel}
      returnFocus={returnFocus}
      testId="disconnect-dialog"
    >
      <p>
        MCP Tray signs you out{account.label ? ` of ${account.label}` : ''}, withdraws its access where the
        provider allows it, and forgets the sign-in. {instance.name} stops, and your AI clients can’t use its
        tools until you connect again.
      </p>
    </ConfirmDialog>
  );
}
