import type { InstanceSummary } from '../../shared/contract';
import type {
  ApplyUpdate,
  LaunchPreview,
  OutdatedInstance,
  UpdatePlan,
  UpdateTarget,
} from '../../shared/registry-contract';
import {
  ApplyUpdate as ApplyUpdateSchema,
  UpdateTarget as UpdateTargetSchema,
} from '../../shared/registry-contract';
import type { CancelTimer, Timers } from '../auth/timers';
import type { EventBus } from '../event-bus';
import { envSecretAccount } from '../integrations/launch-spec';
import type { Logger } from '../platform/logger';
import type { PackagePlan } from '../registry/install-plan';
import { packageFields, planPackage } from '../registry/install-plan';
import type { FieldSet } from '../registry/registry-fields';
import type { RegistryPackage, RegistryRemote } from '../registry/registry-schema';
import { planRemote, remoteFields } from '../registry/remote-plan';
import { headerSecretAccount } from '../remote/remote-headers';
import { checkRemoteUrl } from '../remote/remote-url';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { InstanceConfig, RegistryPin } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { InstancesService } from './instances-service';
import { requireAll } from './registry-install-service';
import type { RegistryService } from './registry-service';
import type { BundleUpdateDeps } from './bundle-update';
import { launchPreview, nextBundle } from './bundle-update';
import { OneAtATime } from './one-at-a-time';
import type { Candidate, Given } from './update-candidate';

/** Tool names and a fingerprint of each tool's definition, from a trial start of a command. */
export type ToolTrial = (config: InstanceConfig) => Promise<Map<string, string>>;

export interface RegistryUpdatesDeps {
  registry: RegistryService;
  instances: InstancesService;
  secrets: SecretStore;
  settings: SettingsStore;
  bus: EventBus;
  timers: Timers;
  logger: Logger;
  /** Starts a command on its own, lists its tools, stops it (for the update's tool difference). */
  trial?: ToolTrial;
  /** For `.mcpb` instances: the download, the unpacked versions and what each runs. */
  fetch: typeof globalThis.fetch;
  bundles: BundleUpdateDeps['bundles'];
  launch: BundleUpdateDeps['launch'];
}

/**
 * Updates of registry instances: a check (on a timer the user sets, and "Check now"), the
 * difference an update makes, applying it only when asked, and rolling back to the version
 * before. Nothing here ever updates on its own.
 */
export class RegistryUpdatesService {
  private outdatedList: OutdatedInstance[] = [];
  private cancel: CancelTimer | null = null;
  /**
   * Per instance, the plan, update or rollback in progress: they run one at a time, or a plan's
   * cleanup could delete the bundle folder an update running beside it has just moved to.
   */
  private readonly perInstance = new OneAtATime();

  constructor(private readonly deps: RegistryUpdatesDeps) {}

  /** Arms the periodic check (none when the setting is 0). */
  start(): void {
    this.cancel?.();
    const hours = this.deps.settings.read().updateCheckHours;
    if (hours <= 0) return;
    this.cancel = this.deps.timers.after(hours * 3_600_000, () => {
      this.check().catch((error: unknown) =>
        this.deps.logger.warn('update check failed', { error: String(error) }),
      );
      this.start();
    });
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /** The result of the last check. */
  last(): OutdatedInstance[] {
    return this.outdatedList;
  }

  /** Asks each instance's registry for its latest version; announces the result. */
  async check(): Promise<OutdatedInstance[]> {
    const configs = this.deps.instances.configs().filter((c) => c.registry);
    const found = await Promise.all(
      configs.map(async (config): Promise<OutdatedInstance | null> => {
        const source = config.registry!;
        try {
          const latest = await this.deps.registry.locate(source.name, 'latest', source.registry);
          const version = latest.record.server.version;
          if (latest.record.status !== 'active' || !isNewer(version, source.version)) return null;
          return { id: config.id, name: source.name, current: source.version, latest: version };
        } catch (error) {
          this.deps.logger.warn('update check failed for one service', {
            id: config.id,
            error: String(error),
          });
          return null;
        }
      }),
    );
    this.outdatedList = found.filter((o): o is OutdatedInstance => o !== null);
    this.deps.bus.emit('updatesAvailable', { outdated: this.outdatedList });
    return this.outdatedList;
  }

  /** What updating would change; with `trial`, the new version is started once to list its tools. */
  async plan(input: UpdateTarget): Promise<UpdatePlan> {
    const request = UpdateTargetSchema.parse(input);
    return this.perInstance.run(request.id, async () => {
      const { config, next, to } = await this.target(request.id, request.to, {});
      try {
        return await this.describePlan(config, next, to, request.trial);
      } finally {
        // Only a plan: a bundle unpacked to compare goes again (apply unpacks it to the same place).
        this.discardUnpacked(config, next);
      }
    });
  }

  private async describePlan(
    config: InstanceConfig,
    next: Candidate,
    to: string,
    trial: boolean,
  ): Promise<UpdatePlan> {
    const before = this.preview(config);
    const { after } = next;
    let tools: UpdatePlan['tools'] = null;
    let toolsNote: string | null = trial ? null : 'Not tried: ask for a trial start to compare tools.';
    if (config.remote) {
      // Nothing to start on its own: the new address's tools go through tool review after it.
      toolsNote = 'A remote server is not tried first: changed tools are held for review after the update.';
    } else if (trial && this.deps.trial) {
      try {
        const [old, fresh] = await Promise.all([
          this.deps.trial(config),
          this.deps.trial({ ...config, ...next.patch }),
        ]);
        tools = {
          added: [...fresh.keys()].filter((t) => !old.has(t)).sort(),
          removed: [...old.keys()].filter((t) => !fresh.has(t)).sort(),
          changed: [...fresh.keys()].filter((t) => old.has(t) && old.get(t) !== fresh.get(t)).sort(),
        };
      } catch (error) {
        toolsNote = `The trial start failed: ${(error as Error).message}`;
      }
    }
    return {
      id: config.id,
      name: config.registry!.name,
      from: config.registry!.version,
      to,
      before,
      after,
      envAdded: after.envNames.filter((n) => !before.envNames.includes(n)),
      envRemoved: before.envNames.filter((n) => !after.envNames.includes(n)),
      missing: next.missing,
      tools,
      toolsNote,
    };
  }

  /** Applies an update the user confirmed; the version before is kept for `rollback`. */
  async apply(input: ApplyUpdate): Promise<InstanceSummary> {
    const request = ApplyUpdateSchema.parse(input);
    return this.perInstance.run(request.id, () => this.applyNow(request));
  }

  private async applyNow(request: ApplyUpdate): Promise<InstanceSummary> {
    const { config, next, to, values } = await this.target(request.id, request.to, request);
    let summary: InstanceSummary;
    try {
      requireAll(next.missing);
      for (const [account, value] of next.secrets) await this.deps.secrets.set(account, value);
      summary = await this.deps.instances.updateConfig(config.id, {
        ...next.patch,
        registry: { ...config.registry!, version: to, values, previous: pin(config) },
      });
    } catch (error) {
      this.discardUnpacked(config, next);
      throw error;
    }
    // The version before the one just replaced can no longer be rolled back to: its files go.
    const dropped = config.registry!.previous?.bundleDir;
    if (dropped && dropped !== config.bundleDir && dropped !== next.patch.bundleDir)
      this.deps.bundles.discard(dropped);
    this.forget(config.id);
    return summary;
  }

  /** Goes back to the version before the last update (and keeps the newer one to go forward). */
  rollback(id: string): Promise<InstanceSummary> {
    return this.perInstance.run(id, () => this.rollbackNow(id));
  }

  private async rollbackNow(id: string): Promise<InstanceSummary> {
    const config = this.registryConfig(id);
    const previous = config.registry!.previous;
    if (!previous?.launch && !previous?.remote && !previous?.bundleDir)
      throw new UserFacingError('no-previous', `"${config.name}" has no earlier version to roll back to.`);
    const summary = await this.deps.instances.updateConfig(id, {
      ...(previous.launch
        ? { launch: previous.launch, secretFields: previous.secretFields }
        : previous.bundleDir
          ? {
              bundleDir: previous.bundleDir,
              integrationId: previous.integrationId ?? config.integrationId,
              userConfig: previous.userConfig,
              secretFields: previous.secretFields,
            }
          : { remote: { ...config.remote!, ...previous.remote } }),
      registry: {
        ...config.registry!,
        version: previous.version,
        values: previous.values,
        previous: pin(config),
      },
    });
    this.forget(id);
    return summary;
  }

  /** A bundle version unpacked for `next` that the instance does not use (now or to roll back). */
  private discardUnpacked(config: InstanceConfig, next: Candidate): void {
    const dir = next.unpacked;
    if (dir && dir !== config.bundleDir && dir !== config.registry?.previous?.bundleDir)
      this.deps.bundles.discard(dir);
  }

  /** What `config` runs now, for the plan's "before". */
  private preview(config: InstanceConfig): LaunchPreview {
    if (config.remote) {
      const { url, headers, secretHeaders } = config.remote;
      return { command: url, args: [], envNames: [...Object.keys(headers ?? {}), ...(secretHeaders ?? [])] };
    }
    if (config.bundleDir) return launchPreview(this.deps.launch, config);
    return {
      command: config.launch?.command ?? '',
      args: config.launch?.args ?? [],
      envNames: [...Object.keys(config.launch?.env ?? {}), ...config.secretFields],
    };
  }

  private forget(id: string): void {
    this.outdatedList = this.outdatedList.filter((o) => o.id !== id);
    this.deps.bus.emit('updatesAvailable', { outdated: this.outdatedList });
  }

  private registryConfig(id: string): InstanceConfig {
    const config = this.deps.instances.configs().find((c) => c.id === id);
    if (!config) throw new UserFacingError('not-found', `There is no service called "${id}".`);
    if (!config.registry)
      throw new UserFacingError('invalid-input', `"${config.name}" was not installed from a registry.`);
    return config;
  }

  private async target(
    id: string,
    to: string | undefined,
    given: { values?: Record<string, string>; secrets?: Record<string, string> },
  ) {
    const config = this.registryConfig(id);
    const source = config.registry!;
    const located = await this.deps.registry.locate(source.name, to ?? 'latest', source.registry);
    const { record } = located;
    if (record.status !== 'active') {
      throw new UserFacingError(
        'deprecated',
        `${source.name} ${record.server.version} is ${record.status}; it is not offered as an update.`,
      );
    }
    // An "update" to the version it runs would replace the version kept to roll back to (and,
    // for a bundle, delete its files) with a copy of the current one.
    if (record.server.version === source.version)
      throw new UserFacingError('invalid-input', `"${config.name}" is already at ${source.version}.`);
    const packages = record.server.packages ?? [];
    const next =
      source.packageType === 'remote'
        ? this.nextRemote(config, record.server.remotes ?? [], given)
        : source.packageType === 'mcpb'
          ? await nextBundle(this.deps, config, packages, given)
          : this.nextPackage(config, packages, given);
    return { config, next: next.candidate, to: record.server.version, values: next.values };
  }

  /** The new version's package command, from the saved values plus any given now. */
  private nextPackage(config: InstanceConfig, packages: RegistryPackage[], given: Given) {
    const source = config.registry!;
    const pkg = packages.find((p) => p.registryType === source.packageType);
    if (!pkg) throw new UserFacingError('not-found', `The new version has no ${source.packageType} package.`);
    const values = keptValues(source.values, packageFields(pkg), given);
    const plan: PackagePlan = planPackage(pkg, {
      values,
      secrets: given.secrets ?? {},
      keptSecretEnv: new Set(config.secretFields),
    });
    const candidate: Candidate = {
      after: {
        command: plan.command!,
        args: plan.args,
        envNames: [...Object.keys(plan.env), ...plan.secretEnvNames],
      },
      missing: plan.missing,
      patch: {
        launch: { command: plan.command!, args: plan.args, env: plan.env },
        secretFields: plan.secretEnvNames,
      },
      secrets: Object.entries(plan.secretEnv).map(([name, value]) => [
        envSecretAccount(config.id, name),
        value,
      ]),
    };
    return { candidate, values };
  }

  /** The new version's address and headers; the sign-in and kept secret headers carry over. */
  private nextRemote(config: InstanceConfig, remotes: RegistryRemote[], given: Given) {
    const current = config.remote!;
    const remote = remotes.find((r) => r.type === current.transport) ?? remotes[0];
    if (!remote) throw new UserFacingError('not-found', 'The new version has no remote address.');
    const values = keptValues(config.registry!.values, remoteFields(remote), given);
    const plan = planRemote(remote, {
      values,
      secrets: given.secrets ?? {},
      keptSecretEnv: new Set(current.secretHeaders ?? []),
    });
    const url = checkRemoteUrl(plan.url);
    const secretHeaders = [
      ...new Set([...(current.secretHeaders ?? []), ...Object.keys(plan.secretHeaders)]),
    ].filter((name) => (remote.headers ?? []).some((h) => h.name === name));
    const candidate: Candidate = {
      after: { command: url, args: [], envNames: [...Object.keys(plan.headers), ...secretHeaders] },
      missing: plan.missing,
      patch: {
        remote: {
          ...current,
          url,
          transport: plan.transport,
          headers: Object.keys(plan.headers).length > 0 ? plan.headers : undefined,
          secretHeaders: secretHeaders.length > 0 ? secretHeaders : undefined,
        },
      },
      secrets: Object.entries(plan.secretHeaders).map(([name, value]) => [
        headerSecretAccount(config.id, name),
        value,
      ]),
    };
    return { candidate, values };
  }
}

/** Saved values the new version still asks for (not secret), plus those given now. */
function keptValues(saved: Record<string, string>, fields: FieldSet, given: Given): Record<string, string> {
  const kept = Object.entries(saved).filter(([key]) => fields.sources.get(key)?.field.secret === false);
  return { ...Object.fromEntries(kept), ...(given.values ?? {}) };
}

function pin(config: InstanceConfig): RegistryPin {
  return {
    version: config.registry!.version,
    packageType: config.registry!.packageType,
    launch: config.launch,
    ...(config.remote ? { remote: config.remote } : {}),
    ...(config.bundleDir ? { bundleDir: config.bundleDir, integrationId: config.integrationId } : {}),
    secretFields: config.secretFields,
    userConfig: config.userConfig,
    values: config.registry!.values,
  };
}

/** `a` is a later version than `b`: numeric parts compared in order; a pre-release sorts first. */
function isNewer(a: string, b: string): boolean {
  if (a === b) return false;
  const parse = (v: string) => {
    const [main = '', pre] = v.replace(/^v/, '').split(/-(.*)/s, 2);
    return { parts: main.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : NaN)), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.parts.some(Number.isNaN) || y.parts.some(Number.isNaN)) return true;
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  if (x.pre === null) return y.pre !== null;
  return y.pre !== null && x.pre > y.pre;
}
