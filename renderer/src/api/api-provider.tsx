import type { ReactNode } from 'react';
import type { TrayApi } from '../../../electron/shared/api';
import { ApiContext, ConnectionContext } from './api-context';
import type { ConnectionStore } from './connection-store';
import { ALWAYS_OPEN } from './connection-store';

interface ApiProviderProps {
  api: TrayApi;
  /** Omit for transports that cannot disconnect (Electron IPC, tests). */
  connection?: ConnectionStore;
  children: ReactNode;
}

export function ApiProvider({ api, connection = ALWAYS_OPEN, children }: ApiProviderProps) {
  return (
    <ApiContext.Provider value={api}>
      <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>
    </ApiContext.Provider>
  );
}
