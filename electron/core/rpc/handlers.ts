import type { ToolCallLog } from '../calllog/tool-call-log';
import type { AccountsService } from '../services/accounts-service';
import type { AppInfoService } from '../services/app-info-service';
import type { ClientsService } from '../services/clients-service';
import type { DiagnosticsService } from '../services/diagnostics-service';
import type { DriftWatcher } from '../services/drift-watcher';
import type { InstancesService } from '../services/instances-service';
import type { PreferencesService } from '../services/preferences-service';
import type { ToolsService } from '../services/tools-service';
import type { Handlers } from './dispatcher';

/** Maps each contract request to the service method that answers it. */
export function createHandlers(s: {
  appInfo: AppInfoService;
  instances: InstancesService;
  calls: ToolCallLog;
  clients: ClientsService;
  drift: DriftWatcher;
  accounts: AccountsService;
  tools: ToolsService;
  preferences: PreferencesService;
  diagnostics: DiagnosticsService;
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
    removeInstance: async ({ id }) => {
      await s.instances.remove(id);
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
    listClients: () => s.clients.list(),
    setClientSelection: ({ client, instances }) => s.clients.setSelection(client, instances),
    planClientConfig: ({ client, instances }) => s.clients.plan(client, instances),
    applyClientConfig: ({ client }) => watching(s.clients.apply(client)),
    restartClient: ({ client }) => s.clients.restart(client),
    importClientServers: ({ client, names }) => watching(s.clients.importServers(client, names)),
    callTool: ({ id, tool, arguments: args }) => s.tools.call(id, tool, args ?? {}),
    setToolEnabled: ({ id, tool, enabled }) => s.tools.setEnabled(id, tool, enabled),
    setRequestTimeout: ({ id, timeoutMs }) => s.tools.setRequestTimeout(id, timeoutMs),
    getPreferences: () => s.preferences.get(),
    setPreferences: (change) => s.preferences.set(change),
    exportDiagnostics: () => s.diagnostics.export(),
  };
}
