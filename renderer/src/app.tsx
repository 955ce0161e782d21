import { useRef } from 'react';
import type { ComponentType } from 'react';
import { AppInfoProvider } from './api/app-info';
import { Banners } from './components/banners';
import { Sidebar } from './components/sidebar';
import { SkipLink } from './components/skip-link';
import type { Route } from './routing/routes';
import { useRoute, useRouteFocus } from './routing/use-route';
import { ClientsScreen } from './screens/clients-screen';
import { LogsScreen } from './screens/logs-screen';
import { ServicesScreen } from './screens/services-screen';
import { SettingsScreen } from './screens/settings-screen';

const SCREENS: Record<Route, ComponentType> = {
  services: ServicesScreen,
  clients: ClientsScreen,
  logs: LogsScreen,
  settings: SettingsScreen,
};

/** The shell: sidebar navigation, connection and notice banners, and the current screen. */
export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  useRouteFocus(route, main);
  const CurrentScreen = SCREENS[route];
  return (
    <AppInfoProvider>
      <SkipLink target={main} />
      <div className="shell">
        <Sidebar current={route} />
        <main id="main" className="main" ref={main} tabIndex={-1}>
          <Banners />
          <CurrentScreen />
        </main>
      </div>
    </AppInfoProvider>
  );
}
