export const ROUTES = ['services', 'clients', 'logs', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

export const DEFAULT_ROUTE: Route = 'services';

export const ROUTE_LABELS: Record<Route, string> = {
  services: 'Services',
  clients: 'Clients',
  logs: 'Logs',
  settings: 'Settings',
};

/** Where the app is: a screen, and for Services optionally one instance's detail. */
export interface AppLocation {
  route: Route;
  instanceId: string | null;
}

export const routeHref = (route: Route): string => `#/${route}`;

export const instanceHref = (id: string): string => `#/services/${encodeURIComponent(id)}`;

export const locationHref = ({ route, instanceId }: AppLocation): string =>
  route === 'services' && instanceId ? instanceHref(instanceId) : routeHref(route);

const isRoute = (value: string): value is Route => (ROUTES as readonly string[]).includes(value);

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * `#/clients` → Clients; `#/services/notes` → the detail of instance "notes". Anything unknown
 * falls back to Services rather than a blank page; extra segments are dropped.
 */
export function parseLocation(hash: string): AppLocation {
  const [name = '', sub = ''] = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/');
  const route = isRoute(name) ? name : DEFAULT_ROUTE;
  const instanceId = name === 'services' && sub ? decode(sub) : null;
  return { route, instanceId };
}

/** `#/clients` → `clients`. */
export function parseRoute(hash: string): Route {
  return parseLocation(hash).route;
}
