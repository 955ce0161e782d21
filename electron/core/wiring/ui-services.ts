import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemTimers } from '../auth/timers';
import { SetupService } from '../profiles/setup-service';
import { LogNotifier } from '../platform/notifier';
import { createRegistryServices } from '../registry/registry-services';
import type { AccountsService } from '../services/accounts-service';
import { AppInfoService } from '../services/app-info-service';
import { CatalogService } from '../services/catalog-service';
import { DeepLinkService } from '../services/deep-link-service';
import { DiagnosticsService } from '../services/diagnostics-service';
import { LifecycleService } from '../services/lifecycle-service';
import { NotificationService } from '../services/notification-service';
import { PermissionsService } from '../services/permissions-service';
import { PreferencesService } from '../services/preferences-service';
import { SecretSweepService } from '../services/secret-sweep-service';
import { ToolReviewService } from '../services/tool-review-service';
import { ToolsService } from '../services/tools-service';
import { UiStateService } from '../services/ui-state-service';
import { APP_VERSION } from '../version';
import type { CoreBase } from './base';
import type { CoreClients } from './clients';
import type { CoreRuntime } from './runtime';

/** The user's Downloads folder, when there is one. */
function defaultDownloadsDir(): string | null {
  const dir = path.join(os.homedir(), 'Downloads');
  return fs.existsSync(dir) ? dir : null;
}

/**
 * Step 5: what the windows and the CLI call (the request handlers' services), plus desktop
 * notifications and registry update checks, which run on their own once started.
 */
export function wireUiServices(
  base: CoreBase,
  runtime: CoreRuntime,
  accounts: AccountsService,
  clientsStep: CoreClients,
  startedAt: string,
) {
  const { deps, bus, notices, catalog } = base;
  const { launch, calls, pinning, sandbox, supervisor, broker, caller } = runtime;
  const { instances, bundles } = clientsStep;
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
  const registry = createRegistryServices({
    ...deps,
    dataDir: deps.paths.dataDir,
    fetch: base.fetch,
    logger: deps.logger.child('registry'),
    timers: systemTimers,
    instances,
    bundles,
    bus,
    launch,
    stopTiming: runtime.tuning.stopTiming,
  });
  const notifications = new NotificationService({
    bus,
    notifier: deps.notifier ?? new LogNotifier(deps.logger.child('notify')),
    clock: deps.clock,
    timers: systemTimers,
    instanceName: (id) => base.config(id)?.name ?? null,
    driftPolicy: () => deps.settings.read().driftPolicy,
  });
  const services = {
    ...registry,
    ...clientsStep,
    appInfo,
    notices,
    calls,
    accounts,
    profiles: runtime.profiles,
    catalog: new CatalogService({
      catalog,
      launch,
      commands: deps.commands,
      secrets: deps.secrets,
      instances,
      clock: deps.clock,
      // Packaged, the connector runs on the app's own binary: so do built-in servers' `node`.
      bundledNode: !/^node(\.exe)?$/i.test(path.basename(deps.connectorRuntime.command)),
      fetch: base.fetch,
      logger: deps.logger.child('catalog'),
    }),
    deepLinks: new DeepLinkService(bus, notices, deps.logger.child('deep-link')),
    uiState: new UiStateService(deps.settings),
    preferences: new PreferencesService({
      settings: deps.settings,
      bus,
      setLogRetentionMs: (ms) => calls.setMaxAgeMs(ms),
    }),
    tools: new ToolsService({
      settings: deps.settings,
      broker,
      caller,
      clock: deps.clock,
      publish: () => instances.publish(),
    }),
    toolReview: new ToolReviewService({
      pinning,
      config: base.config,
      ids: () => deps.settings.read().instances.map((c) => c.id),
      toolsChanged: (id) => broker.toolsChanged(id),
      publish: () => instances.publish(),
    }),
    diagnostics: new DiagnosticsService({
      paths: deps.paths,
      settings: deps.settings,
      secrets: deps.secrets,
      calls,
      appInfo,
      instances: () => instances.list(),
      runningSecrets: () =>
        deps.settings.read().instances.flatMap((c) => supervisor.runner(c.id)?.secretValues ?? []),
      clock: deps.clock,
      downloadsDir: deps.downloadsDir ?? defaultDownloadsDir,
      runtime: { node: process.versions.node, electron: process.versions.electron ?? null },
    }),
    secretSweep: new SecretSweepService({
      secrets: deps.secrets,
      instanceIds: () => deps.settings.read().instances.map((c) => c.id),
    }),
    permissions: new PermissionsService(instances, sandbox),
    setup: new SetupService({
      settings: deps.settings,
      secrets: deps.secrets,
      describe: (config) => launch.describe(config),
      add: (config) => instances.addConfig(config),
      now: () => deps.clock.now(),
      appVersion: APP_VERSION,
    }),
    lifecycle: new LifecycleService(deps.quit ?? null, process.pid),
  };
  return { services, notifications };
}
