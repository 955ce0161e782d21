import './add.css';
import '../clients/clients.css';
import { useId, useState } from 'react';
import type { ClientInfo, ClientPlan } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { Icon } from '../../components/icon';
import { LoadingState } from '../../components/load-states';
import { blockedReason } from '../clients/client-model';
import { DiffView } from '../clients/diff-view';

type Preview =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; plan: ClientPlan }
  | { status: 'error'; message: string };

/** The exact change to the client's file, planned only when the user opens it (nothing is saved). */
function ChangePreview({ client, instanceId }: { client: ClientInfo; instanceId: string }) {
  const api = useApi();
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const load = () => {
    if (preview.status !== 'idle') return;
    setPreview({ status: 'loading' });
    const instances = [...new Set([...client.selected, instanceId])];
    api.planClientConfig({ client: client.id, instances }).then(
      (plan) => setPreview({ status: 'ready', plan }),
      (error: unknown) => setPreview({ status: 'error', message: messageOf(error) }),
    );
  };
  return (
    <details className="client-choice__preview" onToggle={(event) => event.currentTarget.open && load()}>
      <summary>See the change to its file</summary>
      {preview.status === 'loading' && <LoadingState label="Preparing the change…" />}
      {preview.status === 'error' && (
        <p className="inline-error" role="alert">
          Couldn’t prepare the change: {preview.message}
        </p>
      )}
      {preview.status === 'ready' &&
        (preview.plan.changed ? (
          <>
            <p className="change__file">
              <code className="path">{preview.plan.file}</code>
            </p>
            <DiffView hunks={preview.plan.hunks} label={`Change to ${client.name}’s file`} />
          </>
        ) : (
          <p className="muted">Nothing to change: the file already has it.</p>
        ))}
    </details>
  );
}

interface ClientChoiceProps {
  client: ClientInfo;
  instanceId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One AI client: a checkbox, whether it is here (words and icon), and the change it would get. */
export function ClientChoice({ client, instanceId, checked, onChange }: ClientChoiceProps) {
  const id = useId();
  const blocked = blockedReason(client);
  return (
    <li className="client-choice" data-testid="client-choice" data-client={client.id}>
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked && !blocked}
          disabled={blocked !== null}
          aria-describedby={`${id}-state`}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="client-choice__name">{client.name}</span>
      </label>
      <p
        id={`${id}-state`}
        className={blocked ? 'client-choice__state client-choice__state--blocked' : 'client-choice__state'}
      >
        <Icon name={blocked ? 'slash' : client.installed ? 'check' : 'search'} />
        {blocked ?? (client.installed ? 'Installed' : 'Not found on this computer')}
      </p>
      {checked && !blocked && <ChangePreview client={client} instanceId={instanceId} />}
    </li>
  );
}
