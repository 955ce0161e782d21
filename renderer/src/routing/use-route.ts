import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { RefObject } from 'react';
import type { AppLocation } from './routes';
import { ROUTE_LABELS, locationHref, parseLocation } from './routes';

/**
 * Rewrites an empty or unknown hash to the location actually shown, so the address bar (and a
 * bookmark of it, in the headless host) always names the current screen.
 */
export function canonicalizeHash(): void {
  const canonical = locationHref(parseLocation(window.location.hash));
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

/** The hash, parsed; re-renders on every navigation. */
export function useAppLocation(): AppLocation {
  return parseLocation(useSyncExternalStore(subscribe, getHash));
}

/**
 * Navigates from script. `replace` swaps the current history entry, e.g. after removing the
 * instance it showed, so Back does not lead to a page that no longer exists.
 */
export function navigate(href: string, { replace = false }: { replace?: boolean } = {}): void {
  if (!replace) {
    window.location.hash = href;
    return;
  }
  const oldURL = window.location.href;
  window.history.replaceState(window.history.state, '', href);
  // replaceState fires no hashchange of its own; the route store listens for one.
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

/**
 * After a navigation, moves focus to the new screen's heading so keyboard and screen-reader
 * users land on the content they asked for instead of staying in the sidebar. Screens that show
 * one instance set their own document title (they know its name).
 */
export function useRouteFocus(location: AppLocation, container: RefObject<HTMLElement | null>): void {
  const key = locationHref(location);
  const { route, instanceId } = location;
  const previous = useRef(key);
  useEffect(() => {
    if (!instanceId) document.title = `${ROUTE_LABELS[route]} – MCP Tray`;
    if (previous.current === key) return;
    previous.current = key;
    container.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [key, route, instanceId, container]);
}
