import type { ToolCallLog } from '../calllog/tool-call-log';
import type { AppInfoService } from '../services/app-info-service';
import type { InstancesService } from '../services/instances-service';
import type { Handlers } from './dispatcher';

/** Maps each contract request to the service method that answers it. */
export function createHandlers(s: {
  appInfo: AppInfoService;
  instances: InstancesService;
  calls: ToolCallLog;
}): Handlers {
  return {
    getAppInfo: () => s.appInfo.info(),
    listInstances: () => s.instances.list(),
    getInstance: ({ id }) => s.instances.get(id),
    addCustomInstance: (input) => s.instances.addCustom(input),
    removeInstance: async ({ id }) => {
      await s.instances.remove(id);
      return { removed: true as const };
    },
    restartInstance: ({ id }) => s.instances.restart(id),
    setInstanceEnabled: ({ id, enabled }) => s.instances.setEnabled(id, enabled),
    queryToolCalls: (query) => s.calls.query(query),
  };
}
