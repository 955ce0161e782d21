import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppInfo } from '../shared/contract';
import { SignInService } from './auth/sign-in';
import { RemoteSignIn } from './remote/remote-sign-in';
import { remoteHeaders } from './remote/remote-headers';
import { systemTimers } from './auth/timers';
import { AppCaller } from './broker/app-caller';
import { Broker } from './broker/broker';
import { HttpEndpoint } from './broker/http-endpoint';
import { ToolCallLog } from './calllog/tool-call-log';
import { EventBus } from './event-bus';
import type { AdapterContext, ConnectorRuntime } from './clients';
import type { DetectorDeps } from './clients/client-detector';
import { ClientDetector } from './clients/client-detector';
import { ConfigWriter } from './clients';
import { Catalog } from './integrations/catalog';
import { LaunchResolver } from './integrations/launch-spec';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { Notifier } from './platform/notifier';
import { LogNotifier } from './platform/notifier';
import type { Opener } from './platform/opener';
import type { AppPaths } from './platform/paths';
import { Dispatcher } from './rpc/dispatcher';
import { createHandlers } from './rpc/handlers';
import type { SecretStore } from './secrets/secret-store';
import { AccountsService } from './services/accounts-service';
import { CatalogService } from './services/catalog-service';
import { AppInfoService } from './services/app-info-service';
import type { RegistryUpdatesService } from './services/registry-updates-service';
import { BundlesService } from './services/bundles-service';
import { ClientsService } from './services/clients-service';
import { DeepLinkService } from './services/deep-link-service';
import { DiagnosticsService } from './services/diagnostics-service';
import { SecretSweepService } from './services/secret-sweep-service';
import { DriftWatcher } from './services/drift-watcher';
import { LifecycleService } from './services/lifecycle-service';
import { HttpBrokerService } from './services/http-broker-service';
import { InstancesService } from './services/instances-service';
import { NoticeService } from './services/notice-service';
import { NotificationService } from './services/notification-service';
import { UiStateService } from './services/ui-state-service';
import { PreferencesService } from './services/preferences-service';
import { ToolsService } from './services/tools-service';
import { createRegistryServices, instanceOrigin } from './registry/registry-services';
import { ToolReviewService } from './services/tool-review-service';
import { PinStore } from './pinning/pin-store';
import { ToolPinning } from './pinning/tool-pinning';
import { APP_VERSION } from './version';
import { DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_START_TIMEOUT_MS } from './settings/settings-schema';
import type { SettingsStore } from './settings/settings-store';
import { DEFAULT_RESTART_POLICY } from './supervisor/backoff';
import type { CommandResolver } from './supervisor/command-resolver';
import { DEFAULT_HEALTH_POLICY } from './supervisor/runner-base';
import { DEFAULT_STOP_TIMING } from './supervisor/process-group';
import type { Spawner } from './supervisor/process-group';
import type { ProcessSampler } from './supervisor/process-stats';
import { Supervisor } from './supervisor/supervisor';
import type { SupervisorTuning } from './supervisor/supervisor';
import type { NodeRuntime } from './supervisor/watchdog';
import { Watchdog } from './supervisor/watchdog';
import { clientAdapters } from './clients/adapters/index';
import { SandboxEngine } from './sandbox/sandbox-engine';
import { SandboxService } from './sandbox/sandbox-service';
import { PermissionsService } from './services/permissions-service';
import { CombinedHub } from './profiles/combined-members';
import { profileGate } from './profiles/profile-gate';
import { ProfilesService } from './profiles/profiles-service';
import { SetupService } from './profiles/setup-service';

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

const DEFAULT_TUNING: SupervisorTuning = {
  restartPolicy: DEFAULT_RESTART_POLICY,
  health: DEFAULT_HEALTH_POLICY,
  initTimeoutMs: DEFAULT_START_TIMEOUT_MS,
  stopTiming: DEFAULT_STOP_TIMING,
  statsIntervalMs: 5_000,
};

/** The user's Downloads folder, when there is one. */
function defaultDownloadsDir(): string | null {
  const dir = path.join(os.homedir(), 'Downloads');
  return fs.existsSync(dir) ? dir : null;
}

/** Builds the core object graph. Pure wiring: no I/O beyond what the deps do. */
export function createCore(deps: CoreDeps): Core {
  const startedAt = new Date(deps.clock.now()).toISOString();
  const bus = new EventBus();
  const notices = new NoticeService(bus);
  const catalog = new Catalog(deps.builtInServersDir, deps.logger.child('catalog'));
  let supervisorRef: Supervisor | null = null;
  const fetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const signInDeps = {
    opener: deps.opener,
    clock: deps.clock,
    logger: deps.logger.child('sign-in'),
    fetch,
    timers: systemTimers,
    secrets: deps.secrets,
  };
  const accounts = new AccountsService({
    settings: deps.settings,
    catalog,
    signIn: new SignInService(signInDeps),
    remote: new RemoteSignIn({ ...signInDeps, settings: deps.settings }),
    supervisor: () => supervisorRef!,
    restartForNewToken: (id) => broker!.whenIdle(id, () => supervisorRef!.restart(id)),
    whenIdle: (id, work) => broker!.whenIdle(id, work),
    bus,
    secrets: deps.secrets,
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
    maxAgeMs: deps.settings.read().logRetentionDays * 24 * 60 * 60 * 1000,
  });
  const preferences = new PreferencesService({
    settings: deps.settings,
    bus,
    setLogRetentionMs: (ms) => calls.setMaxAgeMs(ms),
  });
  const pinning = new ToolPinning({
    store: new PinStore(path.join(deps.paths.dataDir, 'tool-pins'), deps.clock, deps.logger.child('pins')),
    clock: deps.clock,
    logger: deps.logger.child('pins'),
    onReviewChanged: (id, pending) => {
      const name = deps.settings.read().instances.find((c) => c.id === id)?.name ?? id;
      bus.emit('toolReviewChanged', { id, name, pending });
      instances?.publish();
    },
  });
  const sandboxEngine = deps.sandboxEngine ?? new SandboxEngine();
  const sandbox = new SandboxService({
    engine: sandboxEngine,
    platform: process.platform,
    home: deps.clientContext.home,
    dataDir: deps.paths.dataDir,
    tmpDir: os.tmpdir(),
    clientConfigs: () => clientAdapters.map((adapter) => adapter.configPath(deps.clientContext)),
    isBuiltIn: (integrationId) => catalog.get(integrationId)?.category === 'built-in',
    logger: deps.logger.child('sandbox'),
  });
  const supervisor = new Supervisor({
    ...DEFAULT_TUNING,
    sandbox,
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
    tokenRejected: (id) => accounts.tokenRejected(id),
    clients: (id) => broker?.clientNames(id) ?? [],
    remote: { ...accounts.remoteHooks(fetch), headers: remoteHeaders(deps.settings, deps.secrets) },
    origin: (config) => instanceOrigin(catalog, config),
    onToolsListed: (id, tools) => {
      // A pins file that cannot be written must not crash the server: its tools then count as
      // unapproved (hidden), which is the safe side.
      try {
        pinning.observe(id, tools);
      } catch (error) {
        deps.logger.error('could not compare tools with their pins', { id, error: String(error) });
      }
    },
    toolsToReview: (id) => pinning.pending(id),
    toolStatus: (id, tool) => pinning.status(id, tool),
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
    defaultTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    onSessionsChanged: () => instances?.publish(),
    pins: pinning,
    profileGate: (selector, id) => profileGate(deps.settings.read(), selector, id),
  });
  const combined = new CombinedHub({
    settings: () => deps.settings.read(),
    runner: (id) => supervisor.runner(id),
    access: (id, selector) => broker!.access(id, selector),
    attach: (id, transport, selector) => broker!.attach(id, transport, 'client', selector),
    whenReady: (id, waitMs) => broker!.whenReady(id, waitMs),
    start: (id) => supervisor.restart(id),
    bus,
    logger: deps.logger.child('combined'),
    version: APP_VERSION,
    startWaitMs: 10_000,
  });
  const profiles = new ProfilesService({
    settings: deps.settings,
    bus,
    sessionsChanged: (affected) => broker!.profilesChanged(affected),
    combinedChanged: () => combined.refresh(),
    toolNames: (id) => {
      const runner = supervisor.runner(id);
      return runner && runner.tools.length > 0 ? runner.tools.map((t) => t.name) : null;
    },
  });
  const caller = new AppCaller(broker, APP_VERSION);
  instances = new InstancesService(deps.settings, deps.secrets, supervisor, bus, deps.clock, accounts);
  // The HTTP endpoint and the clients service refer to each other: entries need its token, and
  // turning it on or off rewrites the entries of clients set to HTTP.
  let clientsRef: ClientsService | null = null;
  let driftRef: DriftWatcher | null = null;
  const http = new HttpBrokerService({
    settings: deps.settings,
    secrets: deps.secrets,
    notices,
    logger: deps.logger.child('http'),
    endpoint: ({ port, token }) =>
      new HttpEndpoint({
        port,
        token,
        broker: broker!,
        config: (id) => deps.settings.read().instances.find((c) => c.id === id),
        logger: deps.logger.child('http'),
      }),
    onEnabledChanged: async () => {
      await clientsRef!.rewriteHttpClients();
      driftRef?.refresh();
      await clientsRef!.publish();
    },
  });
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
    detector: new ClientDetector(deps.clientDetector),
    runtime: deps.connectorRuntime,
    dataDirArg: deps.dataDirArg,
    bus,
    logger: deps.logger.child('clients'),
    httpAccess: () => http.access(),
  });
  clientsRef = clients;
  const drift = new DriftWatcher(clients, deps.settings, notices, deps.logger.child('drift'));
  driftRef = drift;
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
  const catalogService = new CatalogService({
    catalog,
    launch,
    commands: deps.commands,
    secrets: deps.secrets,
    instances,
    clock: deps.clock,
    // Packaged, the connector runs on the app's own binary: so do built-in servers' `node`.
    bundledNode: !/^node(\.exe)?$/i.test(path.basename(deps.connectorRuntime.command)),
    fetch,
    logger: deps.logger.child('catalog'),
  });
  const deepLinks = new DeepLinkService(bus, notices, deps.logger.child('deep-link'));
  const notifications = new NotificationService({
    bus,
    notifier: deps.notifier ?? new LogNotifier(deps.logger.child('notify')),
    clock: deps.clock,
    timers: systemTimers,
    instanceName: (id) => deps.settings.read().instances.find((c) => c.id === id)?.name ?? null,
    driftPolicy: () => deps.settings.read().driftPolicy,
  });
  const tools = new ToolsService({
    settings: deps.settings,
    broker,
    caller,
    clock: deps.clock,
    publish: () => instances?.publish(),
  });
  const toolReview = new ToolReviewService({
    pinning,
    config: (id) => deps.settings.read().instances.find((c) => c.id === id),
    ids: () => deps.settings.read().instances.map((c) => c.id),
    toolsChanged: (id) => broker!.toolsChanged(id),
    publish: () => instances?.publish(),
  });
  const diagnostics = new DiagnosticsService({
    paths: deps.paths,
    settings: deps.settings,
    secrets: deps.secrets,
    calls,
    appInfo,
    instances: () => instances!.list(),
    runningSecrets: () =>
      deps.settings.read().instances.flatMap((c) => supervisor.runner(c.id)?.secretValues ?? []),
    clock: deps.clock,
    downloadsDir: deps.downloadsDir ?? defaultDownloadsDir,
    runtime: { node: process.versions.node, electron: process.versions.electron ?? null },
  });
  const registryServices = createRegistryServices({
    ...deps,
    dataDir: deps.paths.dataDir,
    fetch,
    logger: deps.logger.child('registry'),
    timers: systemTimers,
    instances,
    bundles,
    bus,
    launch,
    stopTiming: { ...DEFAULT_TUNING, ...deps.tuning }.stopTiming,
  });
  const services = {
    ...registryServices,
    appInfo,
    instances,
    notices,
    calls,
    clients,
    drift,
    accounts,
    catalog: catalogService,
    deepLinks,
    http,
    bundles,
    uiState,
    tools,
    toolReview,
    preferences,
    diagnostics,
    secretSweep: new SecretSweepService({
      secrets: deps.secrets,
      instanceIds: () => deps.settings.read().instances.map((c) => c.id),
    }),
    permissions: new PermissionsService(instances, sandbox),
    profiles,
    setup: new SetupService({
      settings: deps.settings,
      secrets: deps.secrets,
      describe: (config) => launch.describe(config),
      add: (config) => instances!.addConfig(config),
      now: () => deps.clock.now(),
      appVersion: APP_VERSION,
    }),
    lifecycle: new LifecycleService(deps.quit ?? null, process.pid),
  };
  const dispatcher = new Dispatcher(createHandlers(services), deps.logger.child('rpc'));
  deps.logger.info('core created', { host: deps.host, dataDir: deps.paths.dataDir, version: APP_VERSION });
  return {
    bus,
    dispatcher,
    supervisor,
    broker,
    combined,
    calls,
    services: {
      appInfo,
      instances,
      notices,
      clients,
      accounts,
      catalog: catalogService,
      deepLinks,
      http,
      preferences,
      updates: registryServices.updates,
    },
    start: async () => {
      notifications.start();
      calls.open();
      // In the background (loading the library takes a moment); no server starts sandboxed or
      // unconfined before it is known, and the list is republished with its answer.
      void sandbox.check().then(() => instances?.publish());
      await supervisor.start();
      await http.start();
      // Entries written by an MCP Tray that has since moved point at nothing: put them right.
      await clients.repairEntries();
      drift.refresh();
      registryServices.updates.start();
    },
    stop: async () => {
      notifications.stop();
      registryServices.updates.stop();
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
