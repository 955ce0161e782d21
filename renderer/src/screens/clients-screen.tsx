import { EmptyState } from '../components/empty-state';
import { ErrorState, LoadingState } from '../components/load-states';
import { Screen } from '../components/screen';
import { ClientsBody } from './clients/clients-body';
import { useClientsData } from './clients/use-clients-data';

function ClientsContent() {
  const { state, retry, refresh, putClient } = useClientsData();
  if (state.status === 'loading') return <LoadingState label="Loading your AI clients…" />;
  if (state.status === 'error') {
    return <ErrorState title="Couldn't load your AI clients." message={state.message} onRetry={retry} />;
  }
  if (state.data.clients.length === 0) {
    return (
      <EmptyState icon="clients" title="No AI clients known" testId="clients-empty">
        <p>This version of MCP Tray knows no AI clients it can set up on this system.</p>
      </EmptyState>
    );
  }
  return (
    <ClientsBody
      clients={state.data.clients}
      instances={state.data.instances}
      refresh={refresh}
      putClient={putClient}
    />
  );
}

export function ClientsScreen() {
  return (
    <Screen
      title="Clients"
      description="Choose which services each AI client gets. MCP Tray shows you every change to a client’s file before writing it."
      testId="clients-screen"
    >
      <ClientsContent />
    </Screen>
  );
}
