import type Conf from 'conf';
import { SETTINGS_VERSION } from './settings-schema';

type Migrations = Record<string, (store: Conf<Record<string, unknown>>) => void>;

/** Conf keys its migrations by semver; ours are schema versions written as `N.0.0`. */
export const settingsSchemaSemver = (version = SETTINGS_VERSION): string => `${version}.0.0`;

/** Schema migrations, oldest first. Each takes the store from the previous version. */
export const settingsMigrations: Migrations = {
  [settingsSchemaSemver(1)]: (store) => {
    if (!store.has('instances')) store.set('instances', []);
  },
  // v2: instances gained launch/userConfig/secretFields; fill the defaults explicitly so the
  // file on disk says what the app assumes.
  [settingsSchemaSemver(2)]: (store) => {
    const instances = store.get('instances');
    if (!Array.isArray(instances)) return;
    store.set(
      'instances',
      instances.map((instance: Record<string, unknown>) => ({
        userConfig: {},
        secretFields: [],
        ...instance,
      })),
    );
  },
  // v3: which instances each AI client gets.
  [settingsSchemaSemver(3)]: (store) => {
    if (!store.has('clients')) store.set('clients', {});
    if (!store.has('driftPolicy')) store.set('driftPolicy', 'ask');
  },
  // v4: per-tool switches on instances; log retention and launch at login preferences.
  [settingsSchemaSemver(4)]: (store) => {
    const instances = store.get('instances');
    if (Array.isArray(instances)) {
      store.set(
        'instances',
        instances.map((instance: Record<string, unknown>) => ({ disabledTools: [], ...instance })),
      );
    }
    if (!store.has('logRetentionDays')) store.set('logRetentionDays', 30);
    if (!store.has('launchAtLogin')) store.set('launchAtLogin', false);
  },
};
