import './services-screen.css';
import type { InstanceSummary } from '../../../electron/shared/contract';
import type { Loader, Watcher } from '../api/use-api-data';
import { useApiData } from '../api/use-api-data';
import { EmptyState } from '../components/empty-state';
import { ErrorState, LoadingState } from '../components/load-states';
import { Screen } from '../components/screen';
import { addHref } from '../routing/routes';
import { InstanceRow } from './instance-row';
import { useUpdates } from './updates/use-updates';

const loadInstances: Loader<InstanceSummary[]> = (api) => api.listInstances();
const watchInstances: Watcher<InstanceSummary[]> = (api, apply) =>
  api.onInstancesChanged(({ instances }) => apply(() => instances));

function ServicesBody() {
  const { state, retry } = useApiData(loadInstances, watchInstances);
  const { updates } = useUpdates();
  if (state.status === 'loading') return <LoadingState label="Loading your services…" />;
  if (state.status === 'error') {
    return <ErrorState title="Couldn't load your services." message={state.message} onRetry={retry} />;
  }
  if (state.data.length === 0) {
    return (
      <EmptyState icon="services" title="No services yet" testId="services-empty">
        <p>Services you add appear here with their live status.</p>
        <p>
          <a className="button button--primary" href={addHref()} data-testid="services-add">
            Add a service
          </a>
        </p>
      </EmptyState>
    );
  }
  return (
    <ul className="instance-list" aria-label="Services">
      {state.data.map((instance) => (
        <InstanceRow key={instance.id} instance={instance} update={updates.get(instance.id)} />
      ))}
    </ul>
  );
}

export function ServicesScreen() {
  return (
    <Screen
      title="Services"
      description="The tools your AI clients can use, and whether each one is working."
      testId="services-screen"
    >
      <ServicesBody />
    </Screen>
  );
}
