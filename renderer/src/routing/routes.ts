export const ROUTES = ['services', 'add', 'clients', 'profiles', 'logs', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

const DEFAULT_ROUTE: Route = 'services';

export const ROUTE_LABELS: Record<Route, string> = {
  services: 'Services',
  add: 'Add a service',
  clients: 'Clients',
  profiles: 'Profiles',
  logs: 'Logs',
  settings: 'Settings',
};

/** Where the app is: a screen, and for Services optionally one instance's detail. */
export interface AppLocation {
  route: Route;
  instanceId: string | null;
  /** Under Add: what is being added (`custom`, `bundle`, an integration id); absent for the catalog. */
  adding?: string;
}

export const routeHref = (route: Route): string => `#/${route}`;

export const instanceHref = (id: string): string => `#/services/${encodeURIComponent(id)}`;

/** `#/add` (the catalog), `#/add/custom`, `#/add/bundle`, or `#/add/<integration id>`. */
export const addHref = (adding?: string): string =>
  adding ? `#/add/${encodeURIComponent(adding)}` : routeHref('add');

/** Registry entries live under Add with a prefix no integration id can have (ids have no colon). */
export const REGISTRY_PREFIX = 'registry:';

/** `#/add/registry%3Aio.github.owner%2Fserver`: the detail and install flow of a registry entry. */
export const registryHref = (name: string): string => addHref(`${REGISTRY_PREFIX}${name}`);

export const locationHref = ({ route, instanceId, adding }: AppLocation): string => {
  if (route === 'services' && instanceId) return instanceHref(instanceId);
  if (route === 'add') return addHref(adding);
  return routeHref(route);
};

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
  if (route === 'add' && sub) return { route, instanceId, adding: decode(sub) };
  return { route, instanceId };
}

/** `#/clients` → `clients`. */
export function parseRoute(hash: string): Route {
  return parseLocation(hash).route;
}
