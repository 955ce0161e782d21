import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../electron/shared/contract';
import type { ApiData, Loader, Watcher } from './use-api-data';
import { useApiData } from './use-api-data';

const loadAppInfo: Loader<AppInfo> = (api) => api.getAppInfo();
const watchNotices: Watcher<AppInfo> = (api, apply) =>
  api.onNoticesChanged(({ notices }) => apply((info) => info && { ...info, notices }));

const AppInfoContext = createContext<ApiData<AppInfo> | null>(null);

/** Loads app info once for the whole shell: the notice banners and Settings share it. */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const data = useApiData(loadAppInfo, watchNotices);
  return <AppInfoContext.Provider value={data}>{children}</AppInfoContext.Provider>;
}

export function useAppInfo(): ApiData<AppInfo> {
  const data = useContext(AppInfoContext);
  if (!data) throw new Error('useAppInfo must be used inside <AppInfoProvider>');
  return data;
}
