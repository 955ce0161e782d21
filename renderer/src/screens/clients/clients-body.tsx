import './clients.css';
import './client-card.css';
import { useMemo, useRef, useState } from 'react';
import type { ClientInfo, InstanceSummary } from '../../../../electron/shared/contract';
import { EmptyState } from '../../components/empty-state';
import { routeHref } from '../../routing/routes';
import { ApplyDialog } from './apply-dialog';
import { ClientCard } from './client-card';
import { useProfiles } from '../profiles/use-profiles';
import { ClientMatrix } from './client-matrix';
import { formatList, hasPending, instanceNamer, plural, sortClients } from './client-model';
import { DriftBanners } from './drift-banners';
import { ImportDialog } from './import-dialog';
import { useClientSelection } from './use-client-selection';

type OpenDialog = { kind: 'apply'; clients: ClientInfo[] } | { kind: 'import'; client: ClientInfo } | null;

interface ClientsBodyProps {
  clients: ClientInfo[];
  instances: InstanceSummary[];
  refresh: () => void;
  putClient: (client: ClientInfo) => void;
}

function NoServices() {
  return (
    <EmptyState icon="services" title="No services to give yet" testId="clients-no-services">
      <p>
        Add a service on the <a href={routeHref('services')}>Services</a> screen, or import one that a client
        below already runs.
      </p>
    </EmptyState>
  );
}

/** The Clients screen once loaded: drift warnings, pending changes, the matrix, and the cards. */
export function ClientsBody({ clients, instances, refresh, putClient }: ClientsBodyProps) {
  const sorted = useMemo(() => sortClients(clients), [clients]);
  const instanceIds = useMemo(() => new Set(instances.map((i) => i.id)), [instances]);
  const nameOf = useMemo(() => instanceNamer(instances), [instances]);
  const selection = useClientSelection(instanceIds, putClient);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const profiles = useProfiles();
  const profileNames = profiles.state.status === 'ready' ? profiles.state.data.map((p) => p.name) : undefined;
  const opener = useRef<HTMLElement | null>(null);

  const open = (next: NonNullable<OpenDialog>, from: HTMLElement) => {
    opener.current = from;
    setDialog(next);
  };
  const review = (client: ClientInfo, from: HTMLElement) => open({ kind: 'apply', clients: [client] }, from);
  const importFrom = (client: ClientInfo, from: HTMLElement) => open({ kind: 'import', client }, from);
  const close = () => setDialog(null);

  const pending = sorted.filter((client) => hasPending(client, instanceIds));
  const selectionError = selection.error;
  const errorClient = selectionError && sorted.find((c) => c.id === selectionError.client);

  return (
    <>
      <DriftBanners clients={sorted} nameOf={nameOf} onRestore={review} />

      {pending.length > 0 && (
        <div className="pending-bar" data-testid="pending-changes">
          <p className="pending-bar__text">
            <strong>
              {plural(pending.length, 'client')} {pending.length === 1 ? 'has' : 'have'} changes that are not
              written yet:
            </strong>{' '}
            {formatList(pending.map((c) => c.name))}.
          </p>
          <button
            type="button"
            className="button button--primary"
            aria-haspopup="dialog"
            onClick={(event) => open({ kind: 'apply', clients: pending }, event.currentTarget)}
            data-testid="apply-all"
          >
            {pending.length === 1 ? 'Review and apply…' : 'Review and apply all…'}
          </button>
        </div>
      )}

      <section className="clients-section" aria-labelledby="clients-matrix-heading">
        <h2 id="clients-matrix-heading" className="details__title">
          Which client gets which service
        </h2>
        {instances.length === 0 ? (
          <NoServices />
        ) : (
          <ClientMatrix clients={sorted} instances={instances} selection={selection} />
        )}
        {selectionError && (
          <p className="inline-error" role="alert" data-testid="selection-error">
            Couldn’t change what {errorClient?.name ?? selectionError.client} gets: {selectionError.message}
          </p>
        )}
      </section>

      <section className="clients-section" aria-labelledby="clients-list-heading">
        <h2 id="clients-list-heading" className="details__title">
          AI clients
        </h2>
        <ul className="client-cards" aria-labelledby="clients-list-heading">
          {sorted.map((client) => (
            <ClientCard
              key={client.id}
              client={client}
              instanceIds={instanceIds}
              nameOf={nameOf}
              onReview={review}
              onImport={importFrom}
              profiles={profileNames}
              onClientChanged={putClient}
            />
          ))}
        </ul>
      </section>

      {dialog?.kind === 'apply' && (
        <ApplyDialog clients={dialog.clients} onClose={close} onApplied={refresh} returnFocus={opener} />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog client={dialog.client} onClose={close} onImported={refresh} returnFocus={opener} />
      )}
    </>
  );
}
