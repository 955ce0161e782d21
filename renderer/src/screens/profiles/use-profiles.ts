import type { ProfileInfo } from '../../../../electron/shared/contract';
import type { Loader, Watcher } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';

const load: Loader<ProfileInfo[]> = (api) => api.listProfiles();
const watch: Watcher<ProfileInfo[]> = (api, apply) =>
  api.onProfilesChanged(({ profiles }) => apply(() => profiles));

/** The profiles, kept live from `profilesChanged`. */
export const useProfiles = () => useApiData(load, watch);
