import { useEffect } from 'react';
import type { ClientInfo, InstanceSummary } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import type { ApiData, Loadable, Loader, Update, Watcher } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';

const loadClients: Loader<ClientInfo[]> = (api) => api.listClients();
const watchClients: Watcher<ClientInfo[]> = (api, apply) =>
  api.onClientsChanged(({ clients }) => apply(() => clients));

const loadInstances: Loader<InstanceSummary[]> = (api) => api.listInstances();
const watchInstances: Watcher<InstanceSummary[]> = (api, apply) =>
  api.onInstancesChanged(({ instances }) => apply(() => instances));

export interface ClientsData {
  /** Ready once both the clients and the services are in. */
  state: Loadable<{ clients: ClientInfo[]; instances: InstanceSummary[] }>;
  retry: () => void;
  /** Loads both again quietly (after a write, whose announcement may come later or not at all). */
  refresh: () => void;
  /** Puts one client's new state in (e.g. the answer to a selection change). */
  putClient: (client: ClientInfo) => void;
}

function combine(
  clients: ApiData<ClientInfo[]>['state'],
  instances: ApiData<InstanceSummary[]>['state'],
): ClientsData['state'] {
  if (clients.status === 'error') return clients;
  if (instances.status === 'error') return instances;
  if (clients.status === 'loading' || instances.status === 'loading') return { status: 'loading' };
  return { status: 'ready', data: { clients: clients.data, instances: instances.data } };
}

/**
 * The clients and the services, kept live: `clientsChanged` replaces the clients; a changed
 * service list also reloads the clients, whose selections and entries refer to services.
 */
export function useClientsData(): ClientsData {
  const api = useApi();
  const clients = useApiData(loadClients, watchClients);
  const instances = useApiData(loadInstances, watchInstances);
  const { refresh: refreshClients, update: updateClients } = clients;

  useEffect(() => api.onInstancesChanged(() => refreshClients()), [api, refreshClients]);

  const putClient = (client: ClientInfo) => {
    const replace: Update<ClientInfo[]> = (current) => current?.map((c) => (c.id === client.id ? client : c));
    updateClients(replace);
  };

  return {
    state: combine(clients.state, instances.state),
    retry: () => {
      if (clients.state.status === 'error') clients.retry();
      if (instances.state.status === 'error') instances.retry();
    },
    refresh: () => {
      clients.refresh();
      instances.refresh();
    },
    putClient,
  };
}
