import path from 'node:path';
import type { InstanceSummary } from '../../shared/contract';
import type { InstallFromRegistry, RegistryPackageType } from '../../shared/registry-contract';
import { InstallFromRegistry as InstallFromRegistrySchema } from '../../shared/registry-contract';
import { envSecretAccount } from '../integrations/launch-spec';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { PackagePlan } from '../registry/install-plan';
import { PlanError, planPackage } from '../registry/install-plan';
import { downloadBundle } from '../registry/mcpb-download';
import type { RegistryPackage, RegistryRemote } from '../registry/registry-schema';
import type { Located, RuntimeProbe } from '../registry/registry-view';
import { installOptions } from '../registry/registry-view';
import { planRemote } from '../registry/remote-plan';
import { headerSecretAccount } from '../remote/remote-headers';
import { checkRemoteUrl } from '../remote/remote-url';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { InstanceConfig, RegistrySource } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { BundlesService } from './bundles-service';
import { slugify } from './bundles-service';
import type { InstancesService } from './instances-service';
import type { RegistryService } from './registry-service';

export interface RegistryInstallDeps {
  registry: RegistryService;
  instances: InstancesService;
  bundles: BundlesService;
  secrets: SecretStore;
  settings: SettingsStore;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  logger: Logger;
  probe: RuntimeProbe;
}

/** The package or remote chosen to install. */
export type Choice = { kind: 'package'; pkg: RegistryPackage } | { kind: 'remote'; remote: RegistryRemote };

/**
 * Installs a registry entry at an exact version: a local command (`npx -y pkg@1.2.3`,
 * `uvx pkg==1.2.3`, `docker run --rm -i image:tag`), a checked `.mcpb` bundle, or a remote
 * instance. Secrets go to the keychain first; a failed install leaves no instance, no secret
 * and no files behind.
 */
export class RegistryInstallService {
  constructor(private readonly deps: RegistryInstallDeps) {}

  async install(input: InstallFromRegistry): Promise<InstanceSummary> {
    const request = InstallFromRegistrySchema.parse(input);
    const located = await this.deps.registry.locate(request.name, request.version, request.registry);
    const { server } = located.record;
    if (located.record.status !== 'active') {
      const why = located.record.statusMessage ? `: ${located.record.statusMessage}` : '';
      throw new UserFacingError(
        'deprecated',
        `${server.name} ${server.version} is ${located.record.status}${why}. It cannot be installed.`,
      );
    }
    const choice = await this.choose(located, request.packageType);
    const id =
      request.id ?? this.deps.instances.freeId(slugify(server.name.slice(server.name.indexOf('/') + 1)));
    if (this.deps.instances.configs().some((c) => c.id === id)) {
      throw new UserFacingError('exists', `There is already a service called "${id}".`);
    }
    const name = request.displayName ?? server.title ?? server.name.slice(server.name.indexOf('/') + 1);
    const source = (packageType: string): RegistrySource => ({
      registry: located.registry,
      name: server.name,
      version: server.version,
      packageType,
      values: request.values,
    });
    if (choice.kind === 'remote') return this.addRemote(id, name, choice.remote, request, source('remote'));
    if (choice.pkg.registryType === 'mcpb')
      return this.addBundle(id, name, choice.pkg, request, source('mcpb'));
    const plan = planPackage(choice.pkg, { values: request.values, secrets: request.secrets });
    requireAll(plan.missing);
    return this.addLocal(id, name, plan, source(plan.type));
  }

  /** The option asked for, else the first usable one whose runtime is installed. */
  async choose(located: Located, type: RegistryPackageType | undefined): Promise<Choice> {
    const { server } = located.record;
    const options = await installOptions(located.record, this.deps.probe);
    const indexed = options.map((option) => ({ option })).filter((o) => !type || o.option.type === type);
    if (indexed.length === 0) {
      const has = [...new Set(options.map((o) => o.type))].join(', ') || 'nothing to install';
      throw new UserFacingError('not-found', `${server.name} has no ${type} option (it has: ${has}).`);
    }
    const usable = indexed.filter((o) => o.option.problem === null);
    if (usable.length === 0) throw new PlanError(indexed[0]!.option.problem!);
    const pick = usable.find((o) => o.option.runtimeFound);
    if (!pick) {
      const missing = usable.map((o) => `${o.option.runtime} (${o.option.runtimeHint ?? 'not found'})`);
      throw new UserFacingError(
        'runtime-missing',
        `${server.name} needs a program that is not on this computer: ${missing.join('; ')}`,
      );
    }
    return pick.option.type === 'remote'
      ? { kind: 'remote', remote: (server.remotes ?? [])[pick.option.index]! }
      : { kind: 'package', pkg: (server.packages ?? [])[pick.option.index]! };
  }

  private async addLocal(
    id: string,
    name: string,
    plan: PackagePlan,
    registry: RegistrySource,
  ): Promise<InstanceSummary> {
    const config: InstanceConfig = {
      ...this.base(id, name, registry),
      launch: { command: plan.command!, args: plan.args, env: plan.env },
      secretFields: plan.secretEnvNames,
    };
    return this.atomically(id, async () => {
      for (const [envName, value] of Object.entries(plan.secretEnv)) {
        await this.deps.secrets.set(envSecretAccount(id, envName), value);
      }
      return this.deps.instances.addConfig(config);
    });
  }

  private async addRemote(
    id: string,
    name: string,
    remote: RegistryRemote,
    request: { values: Record<string, string>; secrets: Record<string, string> },
    registry: RegistrySource,
  ): Promise<InstanceSummary> {
    const plan = planRemote(remote, { values: request.values, secrets: request.secrets });
    requireAll(plan.missing);
    const url = checkRemoteUrl(plan.url);
    const secretHeaders = Object.keys(plan.secretHeaders);
    const config: InstanceConfig = {
      ...this.base(id, name, registry),
      integrationId: 'remote',
      remote: {
        url,
        transport: plan.transport,
        ...(Object.keys(plan.headers).length > 0 ? { headers: plan.headers } : {}),
        ...(secretHeaders.length > 0 ? { secretHeaders } : {}),
      },
    };
    return this.atomically(id, async () => {
      for (const [header, value] of Object.entries(plan.secretHeaders)) {
        await this.deps.secrets.set(headerSecretAccount(id, header), value);
      }
      return this.deps.instances.addConfig(config);
    });
  }

  private async addBundle(
    id: string,
    name: string,
    pkg: RegistryPackage,
    request: { values: Record<string, string>; secrets: Record<string, string> },
    registry: RegistrySource,
  ): Promise<InstanceSummary> {
    if (!pkg.fileSha256) throw new PlanError('The bundle has no SHA-256 checksum to check it against.');
    // Checked before anything is unpacked or written.
    const data = await downloadBundle(this.deps.fetch, pkg.identifier, pkg.fileSha256);
    const fileName = path.posix.basename(new URL(pkg.identifier).pathname) || 'bundle.mcpb';
    const info = await this.deps.bundles.inspect({ fileName, dataBase64: data.toString('base64') });
    return this.atomically(id, async () => {
      await this.deps.bundles.add({
        token: info.token,
        id,
        name,
        userConfig: request.values,
        secrets: request.secrets,
      });
      this.deps.settings.update((s) => ({
        ...s,
        instances: s.instances.map((c) => (c.id === id ? { ...c, registry } : c)),
      }));
      this.deps.instances.publish();
      return this.deps.instances.list().find((s) => s.id === id)!;
    });
  }

  private base(id: string, name: string, registry: RegistrySource): InstanceConfig {
    return {
      id,
      name,
      integrationId: 'registry',
      enabled: true,
      createdAt: new Date(this.deps.clock.now()).toISOString(),
      userConfig: {},
      secretFields: [],
      disabledTools: [],
      registry,
    };
  }

  /** Runs an install; on failure removes whatever of it exists (instance, secrets, bundle files). */
  private async atomically(id: string, work: () => Promise<InstanceSummary>): Promise<InstanceSummary> {
    try {
      return await work();
    } catch (error) {
      this.deps.logger.warn('registry install failed; undoing it', { id, error: String(error) });
      if (this.deps.instances.configs().some((c) => c.id === id))
        await this.deps.instances.remove(id).catch(() => undefined);
      this.deps.bundles.forget(id);
      await this.deps.secrets.deleteAllFor(id).catch(() => 0);
      throw error;
    }
  }
}

/** Refuses when required values are missing, naming them. */
export function requireAll(missing: readonly { label: string; secret: boolean }[]): void {
  if (missing.length === 0) return;
  const names = missing.map((f) => `${f.label}${f.secret ? ' (secret)' : ''}`);
  throw new UserFacingError('invalid-input', `Required: ${names.join(', ')}.`);
}
