import type Conf from 'conf';
import { LEGACY_PROFILE } from '../sandbox/profile-defaults';
import { DEFAULT_HTTP_BROKER_PORT, OFFICIAL_REGISTRY_URL, SETTINGS_VERSION } from './settings-schema';

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
  // v4: the broker over HTTP (off) and each client's transport (stdio, as before).
  [settingsSchemaSemver(4)]: (store) => {
    if (!store.has('httpBroker')) store.set('httpBroker', { enabled: false, port: DEFAULT_HTTP_BROKER_PORT });
    const clients = store.get('clients');
    if (typeof clients !== 'object' || clients === null || Array.isArray(clients)) return;
    store.set(
      'clients',
      Object.fromEntries(
        Object.entries(clients as Record<string, Record<string, unknown>>).map(([id, client]) => [
          id,
          { transport: 'stdio', ...client },
        ]),
      ),
    );
  },
  // v5: the first-run welcome. Someone who already has services is no new user: they never see
  // it. (Instances may also carry `bundleDir` now; it is optional, so there is nothing to fill.)
  [settingsSchemaSemver(5)]: (store) => {
    const ui = store.get('ui');
    const current = typeof ui === 'object' && ui !== null ? (ui as Record<string, unknown>) : {};
    if ('welcomeDismissed' in current) return;
    const instances = store.get('instances');
    const hasServices = Array.isArray(instances) && instances.length > 0;
    store.set('ui', { theme: 'system', ...current, welcomeDismissed: hasServices });
  },
  // v6: per-tool switches on instances; log retention and launch at login preferences.
  [settingsSchemaSemver(6)]: (store) => {
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
  // v7: MCP registries (the official one) and how often installed registry servers are checked
  // for updates. Instances may carry `registry` now; it is optional, so there is nothing to fill.
  [settingsSchemaSemver(7)]: (store) => {
    if (!store.has('registries')) {
      store.set('registries', [{ url: OFFICIAL_REGISTRY_URL, name: 'Official MCP Registry' }]);
    }
    if (!store.has('updateCheckHours')) store.set('updateCheckHours', 24);
  },
  // v8: sandbox profiles. Local servers that existed before keep running unconfined, and say
  // so (a sandbox switched on silently could break a server that worked); new ones get the
  // defaults of their kind when they are added.
  [settingsSchemaSemver(8)]: (store) => {
    const instances = store.get('instances');
    if (!Array.isArray(instances)) return;
    store.set(
      'instances',
      instances.map((instance: Record<string, unknown>) =>
        instance.remote || instance.permissions
          ? instance
          : { ...instance, permissions: { ...LEGACY_PROFILE } },
      ),
    );
  },
  // v9: profiles (none yet: every client keeps getting everything). Clients may carry
  // `profile` and `entryMode` now; both are optional.
  [settingsSchemaSemver(9)]: (store) => {
    if (!store.has('profiles')) store.set('profiles', []);
  },
};
