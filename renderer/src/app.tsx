import { useEffect, useRef } from 'react';
import type { ComponentType } from 'react';
import { AppInfoProvider } from './api/app-info';
import { useApi } from './api/api-context';
import { Banners } from './components/banners';
import { Sidebar } from './components/sidebar';
import { SkipLink } from './components/skip-link';
import type { Route } from './routing/routes';
import { useAppLocation, useRouteFocus } from './routing/use-route';
import { AddScreen } from './screens/add/add-screen';
import { useBundleDrop } from './screens/add/bundle-drop';
import { requestInstall } from './screens/add/install-request';
import { ClientsScreen } from './screens/clients-screen';
import { InstanceDetailScreen } from './screens/instance-detail/instance-detail-screen';
import { LogsScreen } from './screens/logs-screen';
import { ProfilesScreen } from './screens/profiles/profiles-screen';
import { SettingsScreen } from './screens/settings-screen';
import { ServicesHome } from './screens/welcome/services-home';
import { useAppliedTheme } from './theme/use-applied-theme';

const SCREENS: Record<Route, ComponentType> = {
  services: ServicesHome,
  add: AddScreen,
  clients: ClientsScreen,
  profiles: ProfilesScreen,
  logs: LogsScreen,
  settings: SettingsScreen,
};

/** The shell: sidebar navigation, connection and notice banners, and the current screen. */
export function App() {
  const location = useAppLocation();
  const { route, instanceId } = location;
  const main = useRef<HTMLElement>(null);
  useRouteFocus(location, main);
  useBundleDrop();
  useAppliedTheme();
  const api = useApi();
  // Install links open the Add flow prefilled; nothing runs before the user confirms there.
  useEffect(() => api.onInstallRequested(({ request }) => requestInstall(request)), [api]);
  const CurrentScreen = SCREENS[route];
  return (
    <AppInfoProvider>
      <SkipLink target={main} />
      <div className="shell">
        <Sidebar current={route} nested={instanceId !== null} />
        <main id="main" className="main" ref={main} tabIndex={-1}>
          <Banners route={instanceId ? null : route} />
          {instanceId ? <InstanceDetailScreen key={instanceId} id={instanceId} /> : <CurrentScreen />}
        </main>
      </div>
    </AppInfoProvider>
  );
}
