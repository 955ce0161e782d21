import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TrayApi } from '../../../electron/shared/api';
import type { ConnectionSnapshot, ConnectionState, ConnectionStore } from './connection-store';
import { ALWAYS_OPEN } from './connection-store';

export const ApiContext = createContext<TrayApi | null>(null);
export const ConnectionContext = createContext<ConnectionStore>(ALWAYS_OPEN);

export function useApi(): TrayApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}

export function useConnection(): ConnectionSnapshot {
  const store = useContext(ConnectionContext);
  return useSyncExternalStore(store.subscribe, store.get);
}

export function useConnectionState(): ConnectionState {
  return useConnection().state;
}
