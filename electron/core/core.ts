import pkg from '../../package.json' with { type: 'json' };
import type { AppInfo } from '../shared/contract';
import { EventBus } from './event-bus';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { Opener } from './platform/opener';
import type { AppPaths } from './platform/paths';
import { Dispatcher } from './rpc/dispatcher';
import { createHandlers } from './rpc/handlers';
import type { SecretStore } from './secrets/secret-store';
import { AppInfoService } from './services/app-info-service';
import { InstancesService } from './services/instances-service';
import { NoticeService } from './services/notice-service';
import type { SettingsStore } from './settings/settings-store';

/** Everything the core needs from its host; Electron and the headless host pass their own. */
export interface CoreDeps {
  host: AppInfo['host'];
  paths: AppPaths;
  clock: Clock;
  logger: Logger;
  opener: Opener;
  secrets: SecretStore;
  settings: SettingsStore;
}

/** The running core: services, the request dispatcher and the event bus for transports. */
export interface Core {
  readonly bus: EventBus;
  readonly dispatcher: Dispatcher;
  readonly services: {
    appInfo: AppInfoService;
    instances: InstancesService;
    notices: NoticeService;
  };
  stop(): Promise<void>;
}

export const APP_VERSION: string = pkg.version;

/** Builds the core object graph. Pure wiring: no I/O beyond what the deps do. */
export function createCore(deps: CoreDeps): Core {
  const startedAt = new Date(deps.clock.now()).toISOString();
  const bus = new EventBus();
  const notices = new NoticeService(bus);
  const instances = new InstancesService(deps.settings, bus, startedAt);
  const appInfo = new AppInfoService(
    {
      name: 'MCP Tray',
      version: APP_VERSION,
      host: deps.host,
      platform: process.platform,
      dataDir: deps.paths.dataDir,
      pid: process.pid,
      startedAt,
    },
    deps.secrets,
    notices,
  );
  const recovery = deps.settings.recovery;
  if (recovery) {
    notices.post({
      id: 'settings-recovered',
      level: 'warning',
      message:
        `Your settings file could not be read because ${recovery.reason}. ` +
        `It was moved to ${recovery.movedTo} and MCP Tray started with default settings.`,
    });
  }
  const services = { appInfo, instances, notices };
  const dispatcher = new Dispatcher(createHandlers(services), deps.logger.child('rpc'));
  deps.logger.info('core started', { host: deps.host, dataDir: deps.paths.dataDir, version: APP_VERSION });
  return {
    bus,
    dispatcher,
    services,
    stop: () => {
      deps.logger.info('core stopped');
      return Promise.resolve();
    },
  };
}
