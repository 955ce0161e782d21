import type { Loader, Watcher } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { ServicesScreen } from '../services-screen';
import { WelcomeScreen } from './welcome-screen';

interface FirstRun {
  dismissed: boolean;
  services: number;
}

const loadFirstRun: Loader<FirstRun> = async (api) => {
  const [ui, instances] = await Promise.all([api.getUiState(), api.listInstances()]);
  return { dismissed: ui.welcomeDismissed, services: instances.length };
};
const watchFirstRun: Watcher<FirstRun> = (api, apply) =>
  api.onInstancesChanged(({ instances }) =>
    apply((current) => current && { ...current, services: instances.length }),
  );

/**
 * The Services route: the welcome for someone with no services who has not closed it yet,
 * otherwise the Services screen (also while loading, so its heading keeps focus after a
 * navigation). If the core cannot say (an older core), Services.
 */
export function ServicesHome() {
  const { state, update } = useApiData(loadFirstRun, watchFirstRun);
  if (state.status === 'ready' && !state.data.dismissed && state.data.services === 0) {
    const dismissed = () => {
      update((current) => current && { ...current, dismissed: true });
      // The button that had focus is gone with the welcome: the Services heading takes it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#main h1')?.focus());
    };
    return <WelcomeScreen onDismissed={dismissed} />;
  }
  return <ServicesScreen />;
}
