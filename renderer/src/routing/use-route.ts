import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { RefObject } from 'react';
import type { Route } from './routes';
import { ROUTE_LABELS, parseRoute, routeHref } from './routes';

/**
 * Rewrites an empty or unknown hash to the route actually shown, so the address bar (and a
 * bookmark of it, in the headless host) always names the current screen.
 */
export function canonicalizeHash(): void {
  const canonical = routeHref(parseRoute(window.location.hash));
  if (window.location.hash !== canonical) window.history.replaceState(window.history.state, '', canonical);
}

const subscribe = (listener: () => void): (() => void) => {
  const onHashChange = () => {
    canonicalizeHash();
    listener();
  };
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
};

const getHash = (): string => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}

/**
 * After a navigation, moves focus to the new screen's heading so keyboard and screen-reader
 * users land on the content they asked for instead of staying in the sidebar.
 */
export function useRouteFocus(route: Route, container: RefObject<HTMLElement | null>): void {
  const previous = useRef(route);
  useEffect(() => {
    document.title = `${ROUTE_LABELS[route]} – MCP Tray`;
    if (previous.current === route) return;
    previous.current = route;
    container.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route, container]);
}
