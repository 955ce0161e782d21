import { useEffect, useLayoutEffect } from 'react';
import type { Preferences } from '../../../electron/shared/contract';
import type { Loader, Watcher } from '../api/use-api-data';
import { useApiData } from '../api/use-api-data';

type Theme = Preferences['theme'];

/** The last theme seen, so the next start paints in it before the core answers. */
const CACHE_KEY = 'mcp-tray.theme';

const loadPreferences: Loader<Preferences> = (api) => api.getPreferences();
const watchPreferences: Watcher<Preferences> = (api, apply) =>
  api.onPreferencesChanged(({ preferences }) => apply(() => preferences));

/** Sets `data-theme` on the root: `light`/`dark` force a scheme, none follows the system. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

function cachedTheme(): Theme {
  try {
    const value = window.localStorage.getItem(CACHE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Keeps the window in the theme the user chose in Settings, in every open window. */
export function useAppliedTheme(): void {
  const { state } = useApiData(loadPreferences, watchPreferences);
  const theme = state.status === 'ready' ? state.data.theme : null;
  useLayoutEffect(() => applyTheme(cachedTheme()), []);
  useEffect(() => {
    if (theme === null) return;
    applyTheme(theme);
    try {
      window.localStorage.setItem(CACHE_KEY, theme);
    } catch {
      // Storage can be off (private mode); the theme still applies once the core answers.
    }
  }, [theme]);
}
