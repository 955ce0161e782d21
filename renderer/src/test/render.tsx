import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { TrayApi } from '../../../electron/shared/api';
import { ApiProvider } from '../api/api-provider';
import { AppInfoProvider } from '../api/app-info';
import type { ConnectionStore } from '../api/connection-store';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

interface Options {
  api: TrayApi;
  connection?: ConnectionStore;
}

/** Renders a screen inside the same providers the app uses. */
export function renderScreen(ui: ReactElement, { api, connection }: Options) {
  return render(
    <ApiProvider api={api} connection={connection}>
      <AppInfoProvider>{ui}</AppInfoProvider>
    </ApiProvider>,
  );
}
