import os from 'node:os';
import path from 'node:path';
import { AppCaller } from '../broker/app-caller';
import { Broker } from '../broker/broker';
import { ToolCallLog } from '../calllog/tool-call-log';
import { clientAdapters } from '../clients/adapters/index';
import { LaunchResolver } from '../integrations/launch-spec';
import { PinStore } from '../pinning/pin-store';
import { ToolPinning } from '../pinning/tool-pinning';
import { CombinedHub } from '../profiles/combined-members';
import { profileGate } from '../profiles/profile-gate';
import { ProfilesService } from '../profiles/profiles-service';
import { instanceOrigin } from '../registry/registry-services';
import { remoteHeaders } from '../remote/remote-headers';
import { SandboxEngine } from '../sandbox/sandbox-engine';
import { SandboxService } from '../sandbox/sandbox-service';
import type { AccountsService } from '../services/accounts-service';
import { DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_START_TIMEOUT_MS } from '../settings/settings-schema';
import { DEFAULT_RESTART_POLICY } from '../supervisor/backoff';
import { DEFAULT_STOP_TIMING } from '../supervisor/process-group';
import { DEFAULT_HEALTH_POLICY } from '../supervisor/runner-base';
import type { SupervisorTuning } from '../supervisor/supervisor';
import { Supervisor } from '../supervisor/supervisor';
import { Watchdog } from '../supervisor/watchdog';
import { APP_VERSION } from '../version';
import type { CoreBase } from './base';

const DEFAULT_TUNING: SupervisorTuning = {
  restartPolicy: DEFAULT_RESTART_POLICY,
  health: DEFAULT_HEALTH_POLICY,
  initTimeoutMs: DEFAULT_START_TIMEOUT_MS,
  stopTiming: DEFAULT_STOP_TIMING,
  statsIntervalMs: 5_000,
};

/** The servers and everything on their call path. */
export interface CoreRuntime {
  readonly launch: LaunchResolver;
  readonly calls: ToolCallLog;
  readonly pinning: ToolPinning;
  readonly sandboxEngine: SandboxEngine;
  readonly sandbox: SandboxService;
  readonly supervisor: Supervisor;
  readonly broker: Broker;
  readonly combined: CombinedHub;
  readonly profiles: ProfilesService;
  /** The app's own MCP client ("try it" in the window). */
  readonly caller: AppCaller;
  readonly tuning: SupervisorTuning;
}

/** Step 3: the servers (supervisor), the broker in front of them, the call log and tool pins. */
export function wireRuntime(base: CoreBase, accounts: AccountsService): CoreRuntime {
  const { deps, bus, signals, catalog } = base;
  const touched = (): void => void signals.emit('instancesTouched', undefined);
  const launch = new LaunchResolver(
    catalog,
    deps.secrets,
    { platform: process.platform, home: os.homedir() },
    (config) => accounts.environment(config),
  );
  const calls = new ToolCallLog({
    dir: path.join(deps.paths.dataDir, 'calls'),
    clock: deps.clock,
    logger: deps.logger.child('calls'),
    maxAgeMs: deps.settings.read().logRetentionDays * 24 * 60 * 60 * 1000,
  });
  const pinning = new ToolPinning({
    store: new PinStore(path.join(deps.paths.dataDir, 'tool-pins'), deps.clock, deps.logger.child('pins')),
    clock: deps.clock,
    logger: deps.logger.child('pins'),
    onReviewChanged: (id, pending) => {
      bus.emit('toolReviewChanged', { id, name: base.config(id)?.name ?? id, pending });
      touched();
    },
  });
  const watchdog = new Watchdog(deps.runtime);
  const sandboxEngine =
    deps.sandboxEngine ?? new SandboxEngine(process.platform, (pid) => watchdog.adopt(pid));
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
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const supervisor = new Supervisor({
    ...tuning,
    sandbox,
    instances: () => deps.settings.read().instances,
    launch,
    commands: deps.commands,
    spawner: deps.spawner,
    watchdog,
    sampler: deps.sampler,
    clock: deps.clock,
    logger: deps.logger.child('supervisor'),
    env: deps.env,
    logsDir: path.join(deps.paths.logsDir, 'instances'),
    clientInfo: { name: 'MCP Tray', version: APP_VERSION },
    onTransition: (id, transition) => bus.emit('instanceStateChanged', { id, transition }),
    onChange: touched,
    tokenRejected: (id) => accounts.tokenRejected(id),
    remote: { ...accounts.remoteHooks(base.fetch), headers: remoteHeaders(deps.settings, deps.secrets) },
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
  const broker = new Broker({
    supervisor,
    config: base.config,
    log: calls,
    bus,
    clock: deps.clock,
    logger: deps.logger.child('broker'),
    readyWaitMs: 30_000,
    defaultTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    onSessionsChanged: touched,
    pins: pinning,
    profileGate: (selector, id) => profileGate(deps.settings.read(), selector, id),
    settingsVersion: () => deps.settings.read(),
  });
  supervisor.route(broker);
  answerAccounts(base, supervisor, broker);
  const combined = new CombinedHub({
    settings: () => deps.settings.read(),
    runner: (id) => supervisor.runner(id),
    access: (id, selector) => broker.access(id, selector),
    attach: (id, transport, selector) => broker.attach(id, transport, 'client', selector),
    whenReady: (id, waitMs) => broker.whenReady(id, waitMs),
    start: (id) => supervisor.restart(id),
    bus,
    logger: deps.logger.child('combined'),
    version: APP_VERSION,
    startWaitMs: 10_000,
  });
  const profiles = new ProfilesService({
    settings: deps.settings,
    bus,
    sessionsChanged: (affected) => broker.profilesChanged(affected),
    combinedChanged: () => combined.refresh(),
    toolNames: (id) => {
      const runner = supervisor.runner(id);
      return runner && runner.tools.length > 0 ? runner.tools.map((t) => t.name) : null;
    },
  });
  const caller = new AppCaller(broker, APP_VERSION);
  return {
    launch,
    calls,
    pinning,
    sandboxEngine,
    sandbox,
    supervisor,
    broker,
    combined,
    profiles,
    caller,
    tuning,
  };
}

/** What accounts ask of the servers: a restart for a new token, or `needs-auth`. */
function answerAccounts({ signals }: CoreBase, supervisor: Supervisor, broker: Broker): void {
  // "When idle": calls in flight get their answers first and new ones wait (the broker drains).
  signals.on('restartRequested', async ({ id, whenIdle }) => {
    if (whenIdle) await broker.whenIdle(id, () => supervisor.restart(id));
    else await supervisor.restart(id);
  });
  signals.on('needsAuthRequested', async ({ id, reason, whenIdle }) => {
    if (!whenIdle) return supervisor.runner(id)?.needsAuth(reason);
    await broker.whenIdle(id, async () => {
      const runner = supervisor.runner(id);
      // A connection that failed for this very reason is already waiting for the sign-in.
      if (runner && runner.state !== 'needs-auth') await runner.needsAuth(reason);
    });
  });
}
