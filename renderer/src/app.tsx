import { Suspense, lazy, useEffect, useRef } from 'react';
import type { ComponentType, RefObject } from 'react';
import { AppInfoProvider } from './api/app-info';
import { useApi } from './api/api-context';
import { Banners } from './components/banners';
import { Sidebar } from './components/sidebar';
import { SkipLink } from './components/skip-link';
import type { AppLocation, Route } from './routing/routes';
import { useAppLocation, useRouteFocus } from './routing/use-route';
import { useBundleDrop } from './screens/add/bundle-drop';
import { requestInstall } from './screens/add/install-request';
import { useAppliedTheme } from './theme/use-applied-theme';

// Each screen is its own chunk, loaded the first time it is shown.
const ServicesHome = lazy(() =>
  import('./screens/welcome/services-home').then((m) => ({ default: m.ServicesHome })),
);
const AddScreen = lazy(() => import('./screens/add/add-screen').then((m) => ({ default: m.AddScreen })));
const ClientsScreen = lazy(() =>
  import('./screens/clients-screen').then((m) => ({ default: m.ClientsScreen })),
);
const ProfilesScreen = lazy(() =>
  import('./screens/profiles/profiles-screen').then((m) => ({ default: m.ProfilesScreen })),
);
const LogsScreen = lazy(() => import('./screens/logs-screen').then((m) => ({ default: m.LogsScreen })));
const SettingsScreen = lazy(() =>
  import('./screens/settings-screen').then((m) => ({ default: m.SettingsScreen })),
);
const InstanceDetailScreen = lazy(() =>
  import('./screens/instance-detail/instance-detail-screen').then((m) => ({
    default: m.InstanceDetailScreen,
  })),
);

const SCREENS: Record<Route, ComponentType> = {
  services: ServicesHome,
  add: AddScreen,
  clients: ClientsScreen,
  profiles: ProfilesScreen,
  logs: LogsScreen,
  settings: SettingsScreen,
};

/**
 * Moves focus to the screen's heading after a navigation. Inside the screen's Suspense boundary,
 * so it runs once a screen loaded on demand is on the page.
 */
function RouteFocus({
  location,
  container,
}: {
  location: AppLocation;
  container: RefObject<HTMLElement | null>;
}) {
  useRouteFocus(location, container);
  return null;
}

/** The shell: sidebar navigation, connection and notice banners, and the current screen. */
export function App() {
  const location = useAppLocation();
  const { route, instanceId } = location;
  const main = useRef<HTMLElement>(null);
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
          <Suspense
            fallback={
              <p className="muted" role="status">
                Loading…
              </p>
            }
          >
            {instanceId ? <InstanceDetailScreen key={instanceId} id={instanceId} /> : <CurrentScreen />}
            <RouteFocus location={location} container={main} />
          </Suspense>
        </main>
      </div>
    </AppInfoProvider>
  );
}
