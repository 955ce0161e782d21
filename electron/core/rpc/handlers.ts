import type { ToolCallLog } from '../calllog/tool-call-log';
import type { AccountsService } from '../services/accounts-service';
import type { CatalogService } from '../services/catalog-service';
import type { AppInfoService } from '../services/app-info-service';
import type { BundlesService } from '../services/bundles-service';
import type { ClientsService } from '../services/clients-service';
import type { DeepLinkService } from '../services/deep-link-service';
import type { DiagnosticsService } from '../services/diagnostics-service';
import type { DriftWatcher } from '../services/drift-watcher';
import type { HttpBrokerService } from '../services/http-broker-service';
import type { InstancesService } from '../services/instances-service';
import type { UiStateService } from '../services/ui-state-service';
import type { PreferencesService } from '../services/preferences-service';
import type { RegistryInstallService } from '../services/registry-install-service';
import type { RegistryService } from '../services/registry-service';
import type { RegistryUpdatesService } from '../services/registry-updates-service';
import type { ToolsService } from '../services/tools-service';
import type { SecretSweepService } from '../services/secret-sweep-service';
import type { ToolReviewService } from '../services/tool-review-service';
import type { PermissionsService } from '../services/permissions-service';
import type { ProfilesService } from '../profiles/profiles-service';
import type { SetupService } from '../profiles/setup-service';
import type { LifecycleService } from '../services/lifecycle-service';
import type { Handlers } from './dispatcher';

/** Maps each contract request to the service method that answers it. */
export function createHandlers(s: {
  appInfo: AppInfoService;
  instances: InstancesService;
  calls: ToolCallLog;
  clients: ClientsService;
  drift: DriftWatcher;
  accounts: AccountsService;
  catalog: CatalogService;
  deepLinks: DeepLinkService;
  http: HttpBrokerService;
  bundles: BundlesService;
  uiState: UiStateService;
  tools: ToolsService;
  toolReview: ToolReviewService;
  preferences: PreferencesService;
  diagnostics: DiagnosticsService;
  secretSweep: SecretSweepService;
  registry: RegistryService;
  registryInstall: RegistryInstallService;
  updates: RegistryUpdatesService;
  permissions: PermissionsService;
  profiles: ProfilesService;
  setup: SetupService;
  lifecycle: LifecycleService;
}): Handlers {
  // A write changes which files we own entries in: watch those for drift.
  const watching = async <T>(result: Promise<T>): Promise<T> => {
    const value = await result;
    s.drift.refresh();
    return value;
  };
  return {
    getAppInfo: () => s.appInfo.info(),
    listInstances: () => s.instances.list(),
    getInstance: ({ id }) => s.instances.get(id),
    addCustomInstance: (input) => s.instances.addCustom(input),
    addRemoteInstance: (input) => s.instances.addRemote(input),
    removeInstance: async ({ id }) => {
      await s.instances.remove(id);
      s.bundles.forget(id);
      s.toolReview.forget(id);
      await watching(s.clients.forget(id));
      return { removed: true as const };
    },
    restartInstance: ({ id }) => s.instances.restart(id),
    setInstanceEnabled: ({ id, enabled }) => s.instances.setEnabled(id, enabled),
    queryToolCalls: (query) => s.calls.query(query),
    startSignIn: ({ id, openBrowser }) => s.accounts.start(id, openBrowser ?? true),
    waitSignIn: ({ id }) => s.accounts.wait(id),
    cancelSignIn: ({ id }) => ({ cancelled: s.accounts.cancel(id) }),
    signOut: ({ id }) => s.accounts.signOut(id),
    setOAuthClient: ({ id, clientId, clientSecret }) => s.accounts.setOAuthClient(id, clientId, clientSecret),
    signInWithToken: ({ id, token }) => s.accounts.signInWithToken(id, token),
    listCatalog: () => s.catalog.list(),
    getInstanceIntegration: ({ id }) => s.catalog.ofInstance(id),
    addCatalogInstance: (input) => s.catalog.add(input),
    updateInstanceSettings: (input) => s.catalog.update(input),
    listClients: () => s.clients.list(),
    setClientSelection: ({ client, instances }) => s.clients.setSelection(client, instances),
    planClientConfig: ({ client, instances }) => s.clients.plan(client, instances),
    applyClientConfig: ({ client }) => watching(s.clients.apply(client)),
    restartClient: ({ client }) => s.clients.restart(client),
    importClientServers: ({ client, names }) => watching(s.clients.importServers(client, names)),
    openInstallLink: ({ url }) => ({ request: s.deepLinks.open(url) }),
    setClientTransport: ({ client, transport }) => s.clients.setTransport(client, transport),
    getHttpEndpoint: ({ showToken }) => s.http.status(showToken),
    setHttpEndpointEnabled: ({ enabled }) => s.http.setEnabled(enabled),
    inspectBundle: (input) => s.bundles.inspect(input),
    addBundleInstance: (input) => s.bundles.add(input),
    getUiState: () => s.uiState.get(),
    setUiFlag: ({ flag, value }) => s.uiState.set(flag, value),
    callTool: ({ id, tool, arguments: args }) => s.tools.call(id, tool, args ?? {}),
    setToolEnabled: ({ id, tool, enabled }) => s.tools.setEnabled(id, tool, enabled),
    setRequestTimeout: ({ id, timeoutMs }) => s.tools.setRequestTimeout(id, timeoutMs),
    setStartTimeout: ({ id, timeoutMs }) => s.tools.setStartTimeout(id, timeoutMs),
    getPreferences: () => s.preferences.get(),
    setPreferences: (change) => s.preferences.set(change),
    exportDiagnostics: () => s.diagnostics.export(),
    quitApp: () => s.lifecycle.quit(),
    listOrphanSecrets: () => s.secretSweep.orphans(),
    removeOrphanSecrets: ({ instanceId }) => s.secretSweep.remove(instanceId),
    searchRegistry: (input) => s.registry.search(input),
    getRegistryEntry: (input) => s.registry.detail(input),
    installFromRegistry: (input) => s.registryInstall.install(input),
    listUpdates: () => s.updates.last(),
    checkUpdates: () => s.updates.check(),
    planUpdate: (input) => s.updates.plan(input),
    applyUpdate: (input) => s.updates.apply(input),
    rollbackUpdate: ({ id }) => s.updates.rollback(id),
    getRegistrySettings: () => s.registry.settings(),
    setRegistrySettings: (change) => {
      const result = s.registry.setSettings(change);
      s.updates.start();
      return result;
    },
    getToolReview: ({ id }) => s.toolReview.review(id),
    approveTools: (input) => s.toolReview.approve(input),
    rejectTools: (input) => s.toolReview.reject(input),
    getPermissions: ({ id }) => s.permissions.get(id),
    editPermissions: (edit) => s.permissions.edit(edit),
    listProfiles: () => s.profiles.list(),
    createProfile: ({ name }) => s.profiles.create(name),
    deleteProfile: async ({ name }) => {
      const left = await s.profiles.remove(name);
      await s.clients.publish();
      return left;
    },
    renameProfile: async ({ name, to }) => {
      const renamed = await s.profiles.rename(name, to);
      await s.clients.publish();
      return renamed;
    },
    editProfile: async (input) => {
      const edited = await s.profiles.edit(input);
      await s.clients.publish();
      return edited;
    },
    setClientProfile: async ({ client, profile }) => {
      await s.profiles.assign(client, profile);
      return watching(s.clients.profileChanged(client));
    },
    setClientEntryMode: ({ client, mode }) => s.clients.setEntryMode(client, mode),
    exportSetup: ({ profile }) => s.setup.export(profile),
    planImport: ({ text }) => s.setup.plan(text),
    applyImport: async ({ text, secrets }) => {
      const result = await s.setup.apply(text, secrets ?? {});
      await s.clients.publish();
      return result;
    },
  };
}
