import os from 'node:os';
import path from 'node:path';
import type { AppInfo } from '../shared/contract';
import { SignInService } from './auth/sign-in';
import { systemTimers } from './auth/timers';
import { Broker } from './broker/broker';
import { ToolCallLog } from './calllog/tool-call-log';
import { EventBus } from './event-bus';
import type { AdapterContext, ConnectorRuntime } from './clients';
import { ConfigWriter } from './clients';
import { Catalog } from './integrations/catalog';
import { LaunchResolver } from './integrations/launch-spec';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { Opener } from './platform/opener';
import type { AppPaths } from './platform/paths';
import { Dispatcher } from './rpc/dispatcher';
import { createHandlers } from './rpc/handlers';
import type { SecretStore } from './secrets/secret-store';
import { AccountsService } from './services/accounts-service';
import { AppInfoService } from './services/app-info-service';
import { BundlesService } from './services/bundles-service';
import { ClientsService } from './services/clients-service';
import { DriftWatcher } from './services/drift-watcher';
import { InstancesService } from './services/instances-service';
import { NoticeService } from './services/notice-service';
import { UiStateService } from './services/ui-state-service';
import { APP_VERSION } from './version';
import type { SettingsStore } from './settings/settings-store';
import { DEFAULT_RESTART_POLICY } from './supervisor/backoff';
import type { CommandResolver } from './supervisor/command-resolver';
import { DEFAULT_HEALTH_POLICY } from './supervisor/instance-runner';
import { DEFAULT_STOP_TIMING } from './supervisor/process-group';
import type { Spawner } from './supervisor/process-group';
import type { ProcessSampler } from './supervisor/process-stats';
import { Supervisor } from './supervisor/supervisor';
import type { SupervisorTuning } from './supervisor/supervisor';
import type { NodeRuntime } from './supervisor/watchdog';
import { Watchdog } from './supervisor/watchdog';

/** Everything the core needs from its host; Electron and the headless host pass their own. */
export interface CoreDeps {
  host: AppInfo['host'];
  paths: AppPaths;
  clock: Clock;
  logger: Logger;
  opener: Opener;
  secrets: SecretStore;
  settings: SettingsStore;
  spawner: Spawner;
  commands: CommandResolver;
  sampler: ProcessSampler;
  /** How to run a Node script (the orphan guardian): node, or Electron as Node. */
  runtime: NodeRuntime;
  /** The environment servers inherit an allowlist of. */
  env: NodeJS.ProcessEnv;
  /** Folder of built-in integrations (`servers/`), if this install has one. */
  builtInServersDir: string | null;
  /** Where AI clients' config files are (home, platform, env). */
  clientContext: AdapterContext;
  /** How client entries start the connector. */
  connectorRuntime: ConnectorRuntime;
  /** `--data-dir` for client entries when this core does not use the default folder. */
  dataDirArg: string | null;
  tuning?: Partial<SupervisorTuning>;
}

/** The running core: services, the request dispatcher and the event bus for transports. */
export interface Core {
  readonly bus: EventBus;
  readonly dispatcher: Dispatcher;
  readonly supervisor: Supervisor;
  readonly broker: Broker;
  readonly calls: ToolCallLog;
  readonly services: {
    appInfo: AppInfoService;
    instances: InstancesService;
    notices: NoticeService;
    clients: ClientsService;
    accounts: AccountsService;
  };
  /** Starts the enabled instances. */
  start(): Promise<void>;
  /** Stops every server; nothing is left running. */
  stop(): Promise<void>;
}

export { APP_VERSION };

export const DEFAULT_TUNING: SupervisorTuning = {
  restartPolicy: DEFAULT_RESTART_POLICY,
  health: DEFAULT_HEALTH_POLICY,
  initTimeoutMs: 60_000,
  stopTiming: DEFAULT_STOP_TIMING,
  statsIntervalMs: 5_000,
};

/** Builds the core object graph. Pure wiring: no I/O beyond what the deps do. */
export function createCore(deps: CoreDeps): Core {
  const startedAt = new Date(deps.clock.now()).toISOString();
  const bus = new EventBus();
  const notices = new NoticeService(bus);
  const catalog = new Catalog(deps.builtInServersDir, deps.logger.child('catalog'));
  let supervisorRef: Supervisor | null = null;
  const accounts = new AccountsService({
    settings: deps.settings,
    catalog,
    signIn: new SignInService({
      opener: deps.opener,
      clock: deps.clock,
      logger: deps.logger.child('sign-in'),
      fetch: globalThis.fetch.bind(globalThis),
      timers: systemTimers,
      secrets: deps.secrets,
    }),
    supervisor: () => supervisorRef!,
    restartForNewToken: (id) => broker!.whenIdle(id, () => supervisorRef!.restart(id)),
    clock: deps.clock,
    timers: systemTimers,
    logger: deps.logger.child('accounts'),
  });
  const launch = new LaunchResolver(
    catalog,
    deps.secrets,
    { platform: process.platform, home: os.homedir() },
    (config) => accounts.environment(config),
  );
  // The supervisor, broker and instances service refer to each other through late-bound calls.
  let instances: InstancesService | null = null;
  let broker: Broker | null = null;
  const calls = new ToolCallLog({
    dir: path.join(deps.paths.dataDir, 'calls'),
    clock: deps.clock,
    logger: deps.logger.child('calls'),
  });
  const supervisor = new Supervisor({
    ...DEFAULT_TUNING,
    ...deps.tuning,
    instances: () => deps.settings.read().instances,
    launch,
    commands: deps.commands,
    spawner: deps.spawner,
    watchdog: new Watchdog(deps.runtime),
    sampler: deps.sampler,
    clock: deps.clock,
    logger: deps.logger.child('supervisor'),
    env: deps.env,
    logsDir: path.join(deps.paths.logsDir, 'instances'),
    clientInfo: { name: 'MCP Tray', version: APP_VERSION },
    onTransition: (id, transition) => bus.emit('instanceStateChanged', { id, transition }),
    onChange: () => instances?.publish(),
    upstream: (id) => broker!.hooks(id),
  });
  supervisorRef = supervisor;
  broker = new Broker({
    supervisor,
    config: (id) => deps.settings.read().instances.find((c) => c.id === id),
    log: calls,
    bus,
    clock: deps.clock,
    logger: deps.logger.child('broker'),
    readyWaitMs: 30_000,
    defaultTimeoutMs: 60_000,
  });
  instances = new InstancesService(deps.settings, deps.secrets, supervisor, bus, deps.clock, accounts);
  const bundles = new BundlesService({
    settings: deps.settings,
    secrets: deps.secrets,
    supervisor,
    publish: () => instances?.publish(),
    clock: deps.clock,
    bundlesDir: path.join(deps.paths.dataDir, 'bundles'),
    platform: process.platform,
    runtimes: async (command) => {
      const found = await deps.commands.resolve(command, []);
      return found.ok ? { found: true, hint: null } : { found: false, hint: found.reason };
    },
  });
  const uiState = new UiStateService(deps.settings);
  const clients = new ClientsService({
    settings: deps.settings,
    instances,
    writer: new ConfigWriter({ clock: deps.clock, logger: deps.logger.child('client-config') }),
    context: deps.clientContext,
    runtime: deps.connectorRuntime,
    dataDirArg: deps.dataDirArg,
    bus,
    logger: deps.logger.child('clients'),
  });
  const drift = new DriftWatcher(clients, deps.settings, notices, deps.logger.child('drift'));
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
  const services = { appInfo, instances, notices, calls, clients, drift, accounts, bundles, uiState };
  const dispatcher = new Dispatcher(createHandlers(services), deps.logger.child('rpc'));
  deps.logger.info('core created', { host: deps.host, dataDir: deps.paths.dataDir, version: APP_VERSION });
  return {
    bus,
    dispatcher,
    supervisor,
    broker,
    calls,
    services: { appInfo, instances, notices, clients, accounts },
    start: async () => {
      calls.open();
      await supervisor.start();
      drift.refresh();
    },
    stop: async () => {
      drift.stop();
      accounts.stopAll();
      await broker.closeAll();
      await supervisor.shutdown();
      calls.close();
      deps.logger.info('core stopped');
    },
  };
}
