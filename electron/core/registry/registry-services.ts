import path from 'node:path';
import type { InstanceSummary } from '../../shared/contract';
import type { Timers } from '../auth/timers';
import type { EventBus } from '../event-bus';
import type { Catalog } from '../integrations/catalog';
import { remoteServer } from '../integrations/remote-catalog';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { InstanceConfig } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { BundlesService } from '../services/bundles-service';
import { RUNTIME_HINTS } from '../services/catalog-service';
import type { InstancesService } from '../services/instances-service';
import { RegistryInstallService } from '../services/registry-install-service';
import { RegistryService } from '../services/registry-service';
import { RegistryUpdatesService } from '../services/registry-updates-service';
import type { CommandResolver } from '../supervisor/command-resolver';
import type { Spawner, StopTiming } from '../supervisor/process-group';
import type { LaunchResolver } from '../integrations/launch-spec';
import { APP_VERSION } from '../version';
import { createToolTrial } from './tool-trial';
import { RegistryCache } from './registry-cache';
import { RegistryClient } from './registry-client';
import type { RuntimeProbe } from './registry-view';

export interface RegistryServicesDeps {
  dataDir: string;
  /** `MCP_TRAY_REGISTRY_URL` is read from here. */
  env: NodeJS.ProcessEnv;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  logger: Logger;
  timers: Timers;
  settings: SettingsStore;
  secrets: SecretStore;
  commands: CommandResolver;
  instances: InstancesService;
  bundles: BundlesService;
  bus: EventBus;
  /** For trial starts of an update's new version (its tools are compared with the current ones). */
  launch: LaunchResolver;
  spawner: Spawner;
  stopTiming: StopTiming;
}

/** The registry catalog, installs and updates, wired from the core's dependencies. */
export function createRegistryServices(deps: RegistryServicesDeps) {
  const probe: RuntimeProbe = async (command) => {
    const found = (await deps.commands.resolve(command, [])).ok;
    return { found, hint: found ? null : (RUNTIME_HINTS[command] ?? `Install ${command}.`) };
  };
  const override = deps.env.MCP_TRAY_REGISTRY_URL?.trim();
  const registry = new RegistryService({
    client: new RegistryClient({ fetch: deps.fetch, clock: deps.clock, logger: deps.logger }),
    cache: new RegistryCache(path.join(deps.dataDir, 'registry'), deps.logger),
    settings: deps.settings,
    overrideUrl: override ? override.replace(/\/+$/, '') : null,
    clock: deps.clock,
    logger: deps.logger,
    probe,
  });
  const registryInstall = new RegistryInstallService({ ...deps, registry, probe });
  const trial = createToolTrial({
    ...deps,
    clientInfo: { name: 'MCP Tray (update trial)', version: APP_VERSION },
  });
  const updates = new RegistryUpdatesService({ ...deps, registry, trial });
  return { registry, registryInstall, updates };
}

/** Where an instance came from, for `status --json` and the list. */
export function instanceOrigin(
  catalog: Catalog,
  config: InstanceConfig,
): Pick<InstanceSummary, 'source' | 'version'> {
  if (config.registry) return { source: 'registry', version: config.registry.version };
  const category = config.bundleDir ? undefined : catalog.get(config.integrationId)?.category;
  if (category === 'built-in') return { source: 'built-in', version: null };
  if (category || (!config.launch && remoteServer(config.integrationId)))
    return { source: 'curated', version: null };
  return { source: 'custom', version: null };
}
