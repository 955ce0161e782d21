import type { AppInfo } from '../shared/contract';
import type { Broker } from './broker/broker';
import type { ToolCallLog } from './calllog/tool-call-log';
import type { AdapterContext, ConnectorRuntime } from './clients';
import type { DetectorDeps } from './clients/client-detector';
import type { EventBus } from './event-bus';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { Notifier } from './platform/notifier';
import type { Opener } from './platform/opener';
import type { AppPaths } from './platform/paths';
import type { CombinedHub } from './profiles/combined-members';
import { Dispatcher } from './rpc/dispatcher';
import { createHandlers } from './rpc/handlers';
import type { SandboxEngine } from './sandbox/sandbox-engine';
import type { SecretStore } from './secrets/secret-store';
import type { AccountsService } from './services/accounts-service';
import type { AppInfoService } from './services/app-info-service';
import type { CatalogService } from './services/catalog-service';
import type { ClientsService } from './services/clients-service';
import type { DeepLinkService } from './services/deep-link-service';
import type { HttpBrokerService } from './services/http-broker-service';
import type { InstancesService } from './services/instances-service';
import type { NoticeService } from './services/notice-service';
import type { PreferencesService } from './services/preferences-service';
import type { RegistryUpdatesService } from './services/registry-updates-service';
import type { SettingsStore } from './settings/settings-store';
import type { CommandResolver } from './supervisor/command-resolver';
import type { Spawner } from './supervisor/process-group';
import type { ProcessSampler } from './supervisor/process-stats';
import type { Supervisor, SupervisorTuning } from './supervisor/supervisor';
import type { NodeRuntime } from './supervisor/watchdog';
import { APP_VERSION } from './version';
import { wireAccounts } from './wiring/accounts';
import type { CoreBase } from './wiring/base';
import { wireBase } from './wiring/base';
import { wireClients } from './wiring/clients';
import { wireRuntime } from './wiring/runtime';
import { wireUiServices } from './wiring/ui-services';

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
  /** How AI clients' programs are found (file system, login-shell PATH). */
  clientDetector: DetectorDeps;
  /** How client entries start the connector. */
  connectorRuntime: ConnectorRuntime;
  /** `--data-dir` for client entries when this core does not use the default folder. */
  dataDirArg: string | null;
  /** Desktop notifications (Electron's); without one they are logged. */
  notifier?: Notifier;
  /** The network stack for sign-ins and remote servers (tests keep the core offline with it). */
  fetch?: typeof globalThis.fetch;
  tuning?: Partial<SupervisorTuning>;
  /** Where "Export diagnostics" writes; default the user's Downloads folder when it exists. */
  downloadsDir?: () => string | null;
  /** Stops the host that runs this core (`mcp-tray quit`); absent where nothing may stop it. */
  quit?: () => void;
  /** The OS sandbox (@anthropic-ai/sandbox-runtime); one per process, since the library is. */
  sandboxEngine?: SandboxEngine;
}

/** The running core: services, the request dispatcher and the event bus for transports. */
export interface Core {
  readonly bus: EventBus;
  readonly dispatcher: Dispatcher;
  readonly supervisor: Supervisor;
  readonly broker: Broker;
  /** Combined entries (`connect --profile`): every service of a profile behind one session. */
  readonly combined: CombinedHub;
  readonly calls: ToolCallLog;
  readonly services: {
    appInfo: AppInfoService;
    instances: InstancesService;
    notices: NoticeService;
    clients: ClientsService;
    accounts: AccountsService;
    catalog: CatalogService;
    deepLinks: DeepLinkService;
    http: HttpBrokerService;
    /** Theme, log retention, drift policy, launch at login (the shell applies the last). */
    preferences: PreferencesService;
    /** Registry updates: the last check's result feeds the tray's "Update available". */
    updates: RegistryUpdatesService;
  };
  /** Starts the enabled instances (and the HTTP endpoint when it is on). */
  start(): Promise<void>;
  /** Stops every server; nothing is left running. */
  stop(): Promise<void>;
}

/**
 * Builds the core object graph, in reading order: each step is built from the ones before it.
 * Parts wired earlier reach later ones through `signals` (accounts → servers, servers → the
 * instance list, the HTTP endpoint → clients' entries). Pure wiring: no I/O beyond the deps'.
 */
export function createCore(deps: CoreDeps): Core {
  const startedAt = new Date(deps.clock.now()).toISOString();
  const base = wireBase(deps);
  postSettingsRecovery(base);
  const accounts = wireAccounts(base);
  const runtime = wireRuntime(base, accounts);
  const clientsStep = wireClients(base, runtime, accounts);
  const { services, notifications } = wireUiServices(base, runtime, accounts, clientsStep, startedAt);
  const dispatcher = new Dispatcher(createHandlers(services), deps.logger.child('rpc'));
  deps.logger.info('core created', { host: deps.host, dataDir: deps.paths.dataDir, version: APP_VERSION });

  const { calls, sandbox, sandboxEngine, supervisor, broker, combined, caller } = runtime;
  const { instances, http, clients, drift } = clientsStep;
  return {
    bus: base.bus,
    dispatcher,
    supervisor,
    broker,
    combined,
    calls,
    services,
    start: async () => {
      notifications.start();
      calls.open();
      // In a worker thread; no server starts sandboxed or unconfined before it is known, and
      // the list is republished with its answer.
      void sandbox.check().then(() => instances.publish());
      await supervisor.start();
      await http.start();
      // Entries written by an MCP Tray that has since moved point at nothing: put them right.
      await clients.repairEntries();
      drift.refresh();
      services.updates.start();
    },
    stop: async () => {
      notifications.stop();
      services.updates.stop();
      drift.stop();
      accounts.stopAll();
      await http.stop();
      await caller.closeAll();
      await combined.closeAll();
      await broker.closeAll();
      await supervisor.shutdown();
      await sandboxEngine.dispose();
      calls.close();
      deps.logger.info('core stopped');
    },
  };
}

/** The settings file could not be read and was set aside: say so where the user looks. */
function postSettingsRecovery({ deps, notices }: CoreBase): void {
  const recovery = deps.settings.recovery;
  if (!recovery) return;
  notices.post({
    id: 'settings-recovered',
    level: 'warning',
    message:
      `Your settings file could not be read because ${recovery.reason}. ` +
      `It was moved to ${recovery.movedTo} and MCP Tray started with default settings.`,
  });
}
