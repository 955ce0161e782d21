export const ROUTES = ['services', 'clients', 'logs', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

export const DEFAULT_ROUTE: Route = 'services';

export const ROUTE_LABELS: Record<Route, string> = {
  services: 'Services',
  clients: 'Clients',
  logs: 'Logs',
  settings: 'Settings',
};

export const routeHref = (route: Route): string => `#/${route}`;

const isRoute = (value: string): value is Route => (ROUTES as readonly string[]).includes(value);

/** `#/clients` → `clients`; anything unknown falls back to Services rather than a blank page. */
export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRoute(name) ? name : DEFAULT_ROUTE;
}
