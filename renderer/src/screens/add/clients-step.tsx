import './add.css';
import { useState } from 'react';
import type {
  ClientApplied,
  ClientId,
  ClientInfo,
  InstanceSummary,
} from '../../../../electron/shared/contract';
import { messageOf } from '../../api/error-message';
import { useApi } from '../../api/api-context';
import type { Loader } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { ErrorState, LoadingState } from '../../components/load-states';
import { canConfigure, formatList, sortClients } from '../clients/client-model';
import { ClientChoice } from './client-choice';
import { RequestError } from './form-parts';
import { StepFrame } from './step-frame';

/** What happened to each chosen client when the user pressed Apply. */
export interface ClientOutcome {
  client: ClientInfo;
  applied: ClientApplied | null;
  error: string | null;
}

const loadClients: Loader<ClientInfo[]> = (api) => api.listClients();

/** Installed clients whose file MCP Tray can write: the ones a new service should go to. */
const preselected = (clients: readonly ClientInfo[]): Set<ClientId> =>
  new Set(clients.filter((client) => client.installed && canConfigure(client)).map((client) => client.id));

interface ClientsStepProps {
  instance: InstanceSummary;
  /** A line above the choice, e.g. "Signed in as octocat." */
  lead?: string | null;
  onDone: (outcomes: ClientOutcome[]) => void;
}

function ClientsChoice({ clients, instance, lead, onDone }: ClientsStepProps & { clients: ClientInfo[] }) {
  const api = useApi();
  const sorted = sortClients(clients);
  const [chosen, setChosen] = useState<Set<ClientId>>(() => preselected(clients));
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const installed = sorted.filter((client) => client.installed);
  const others = sorted.filter((client) => !client.installed);

  const toggle = (id: ClientId, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const apply = async () => {
    if (pending) return;
    setPending(true);
    setFailure(null);
    const outcomes: ClientOutcome[] = [];
    for (const client of sorted.filter((c) => chosen.has(c.id))) {
      try {
        const instances = [...new Set([...client.selected, instance.id])];
        await api.setClientSelection({ client: client.id, instances });
        outcomes.push({ client, applied: await api.applyClientConfig({ client: client.id }), error: null });
      } catch (error) {
        outcomes.push({ client, applied: null, error: messageOf(error) });
      }
    }
    if (outcomes.length > 0 && outcomes.every((o) => o.error)) {
      setFailure(outcomes.map((o) => `${o.client.name}: ${o.error}`).join(' '));
      setPending(false);
      return;
    }
    onDone(outcomes);
  };

  const names = sorted.filter((c) => chosen.has(c.id)).map((c) => c.name);
  const choice = (client: ClientInfo) => (
    <ClientChoice
      key={client.id}
      client={client}
      instanceId={instance.id}
      checked={chosen.has(client.id)}
      onChange={(on) => toggle(client.id, on)}
    />
  );
  return (
    <>
      {lead && (
        <p className="step__lead" data-testid="sign-in-done">
          {lead}
        </p>
      )}
      {installed.length === 0 ? (
        <p data-testid="no-clients-found">
          No AI clients were found on this computer. You can still choose one below, for when you install it,
          or skip this and come back from the Clients screen.
        </p>
      ) : (
        <fieldset className="client-choices">
          <legend>Found on this computer</legend>
          <ul className="client-choices__list">{installed.map(choice)}</ul>
        </fieldset>
      )}
      {others.length > 0 && (
        <details className="client-choices__more" open={installed.length === 0 || undefined}>
          <summary>Other clients ({others.length}, not found on this computer)</summary>
          <ul className="client-choices__list">{others.map(choice)}</ul>
        </details>
      )}
      <p className="muted">
        MCP Tray adds one entry for {instance.name} to each client’s settings file and changes nothing else in
        it. A backup of the file is kept.
      </p>
      <RequestError message={failure} />
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={pending || names.length === 0}
          onClick={pending || names.length === 0 ? undefined : () => void apply()}
          data-testid="clients-apply"
        >
          {pending ? 'Applying…' : names.length ? `Apply to ${formatList(names)}` : 'Apply'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onDone([])}
          disabled={pending}
          data-testid="clients-skip"
        >
          Skip for now
        </button>
      </div>
    </>
  );
}

/** Choose the AI clients that get the new service (installed ones preselected), then Apply. */
export function ClientsStep(props: ClientsStepProps) {
  const { state, retry } = useApiData(loadClients);
  return (
    <StepFrame title={`Which AI clients should use ${props.instance.name}?`} testId="step-clients">
      {state.status === 'loading' && <LoadingState label="Looking for AI clients…" />}
      {state.status === 'error' && (
        <ErrorState title="Couldn't look for AI clients." message={state.message} onRetry={retry} />
      )}
      {state.status === 'ready' && <ClientsChoice {...props} clients={state.data} />}
    </StepFrame>
  );
}
