import { defaultProfile } from '../sandbox/profile-defaults';
import { NameMap, servicePrefixes } from '../profiles/combined-names';
import type {
  AddCustomInstance,
  AddRemoteInstance,
  InstanceDetail,
  InstanceSummary,
} from '../../shared/contract';
import {
  AddCustomInstance as AddCustomInstanceSchema,
  AddRemoteInstance as AddRemoteInstanceSchema,
} from '../../shared/contract';
import { checkRemoteUrl, idFromUrl } from '../remote/remote-url';
import type { EventBus } from '../event-bus';
import { envSecretAccount } from '../integrations/launch-spec';
import type { Clock } from '../platform/clock';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { AccountsService } from './accounts-service';
import type { InstanceConfig } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { Supervisor } from '../supervisor/supervisor';

/** Adding, removing and switching instances; their live state comes from the supervisor. */
export class InstancesService {
  constructor(
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
    private readonly supervisor: Supervisor,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly accounts: AccountsService | null = null,
  ) {}

  configs(): InstanceConfig[] {
    return this.settings.read().instances;
  }

  list(): InstanceSummary[] {
    return this.configs().map((config) => this.supervisor.summary(config));
  }

  get(id: string): InstanceDetail {
    const config = this.require(id);
    const account = this.accounts?.info(config);
    // A custom command's secret names are its variables (already in `secretEnvNames`); a catalog
    // instance's are its settings, which the Settings tab offers to replace.
    const settings = config.launch
      ? {}
      : { userConfig: { ...config.userConfig }, secretFields: [...config.secretFields] };
    const registry = config.registry
      ? {
          registry: {
            registry: config.registry.registry,
            name: config.registry.name,
            version: config.registry.version,
            packageType: config.registry.packageType,
            previousVersion: config.registry.previous?.version ?? null,
          },
        }
      : {};
    const detail = this.supervisor.detail(config);
    // Shown in the Tools tab: the name each tool has through a combined entry (Everything).
    const prefixes = servicePrefixes(this.configs().map((c) => c.id));
    const names = new NameMap(
      prefixes,
      detail.tools.map((t) => ({ instance: id, name: t.name })),
    );
    const tools = detail.tools.map((t) => ({ ...t, combinedName: names.combined(id, t.name) ?? t.name }));
    return { ...detail, tools, ...settings, ...registry, ...(account ? { account } : {}) };
  }

  /** Adds a custom command. Secrets go to the keychain first: no keychain, no instance. */
  async addCustom(input: AddCustomInstance): Promise<InstanceSummary> {
    const request = AddCustomInstanceSchema.parse(input);
    if (this.configs().some((c) => c.id === request.id)) {
      throw new UserFacingError('exists', `There is already a service called "${request.id}".`);
    }
    const clash = Object.keys(request.secretEnv).find((name) => name in request.env);
    if (clash)
      throw new UserFacingError('invalid-input', `${clash} is given both as a secret and as plain text.`);
    for (const [name, value] of Object.entries(request.secretEnv)) {
      await this.secrets.set(envSecretAccount(request.id, name), value);
    }
    const config: InstanceConfig = {
      id: request.id,
      name: request.name ?? request.id,
      integrationId: 'custom',
      enabled: true,
      createdAt: new Date(this.clock.now()).toISOString(),
      launch: { command: request.command, args: request.args, env: request.env },
      userConfig: {},
      secretFields: Object.keys(request.secretEnv),
      disabledTools: [],
    };
    if (request.sandbox) config.permissions = defaultProfile(config, false, request.sandbox);
    return this.addConfig(config);
  }

  /**
   * Adds a remote MCP server by its address. It connects at once: an open server runs, one
   * that wants a sign-in waits in needs-auth. `integrationId` is the remote catalog entry's id,
   * or `remote` for an address the user typed.
   */
  async addRemote(input: AddRemoteInstance, integrationId = 'remote'): Promise<InstanceSummary> {
    const request = AddRemoteInstanceSchema.parse(input);
    const url = checkRemoteUrl(request.url);
    const id = request.id ?? this.freeId(idFromUrl(url));
    if (this.configs().some((c) => c.id === id)) {
      throw new UserFacingError('exists', `There is already a service called "${id}".`);
    }
    return this.addConfig({
      id,
      name: request.name ?? new URL(url).host,
      integrationId,
      enabled: true,
      createdAt: new Date(this.clock.now()).toISOString(),
      remote: { url },
      userConfig: {},
      secretFields: [],
      disabledTools: [],
    });
  }

  /** `base`, or `base-2`, `base-3`… when taken. */
  freeId(base: string): string {
    const taken = new Set(this.configs().map((c) => c.id));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  /** Saves a new instance (its secrets are already in the keychain) and starts it. */
  async addConfig(input: InstanceConfig): Promise<InstanceSummary> {
    // The profile is fixed when the instance is added (issue 15 defaults), so what the user saw
    // is what runs even if defaults change later. Remote servers run elsewhere: none.
    const sandbox = this.supervisor.sandbox;
    const config =
      input.remote || input.permissions || !sandbox
        ? input
        : { ...input, permissions: sandbox.profile(input) };
    this.settings.update((s) => ({ ...s, instances: [...s.instances, config] }));
    await this.supervisor.sync();
    this.publish();
    return this.supervisor.summary(config);
  }

  /** Changes a saved instance and restarts it (when enabled) so the server sees the change. */
  async updateConfig(id: string, patch: Partial<InstanceConfig>): Promise<InstanceSummary> {
    this.require(id);
    this.settings.update((s) => ({
      ...s,
      instances: s.instances.map((c) => (c.id === id ? { ...c, ...patch, id } : c)),
    }));
    const config = this.require(id);
    if (config.enabled) await this.supervisor.restart(id);
    this.publish();
    return this.supervisor.summary(this.require(id));
  }

  /** Stops the server, deletes the instance's secrets, forgets it. */
  async remove(id: string): Promise<void> {
    this.require(id);
    this.settings.update((s) => ({ ...s, instances: s.instances.filter((c) => c.id !== id) }));
    await this.supervisor.sync();
    this.publish();
    // Every item under the instance's prefix, not only those today's settings name: a reset or
    // an older version may have left others (env vars, settings, tokens, client secrets).
    await this.secrets.deleteAllFor(id);
  }

  async restart(id: string): Promise<InstanceSummary> {
    const config = this.require(id);
    if (!config.enabled)
      throw new UserFacingError('disabled', `"${config.name}" is disabled; enable it first.`);
    await this.supervisor.restart(id);
    return this.supervisor.summary(this.require(id));
  }

  async setEnabled(id: string, enabled: boolean): Promise<InstanceSummary> {
    this.require(id);
    this.settings.update((s) => ({
      ...s,
      instances: s.instances.map((c) => (c.id === id ? { ...c, enabled } : c)),
    }));
    await this.supervisor.applyEnabled(id);
    this.publish();
    return this.supervisor.summary(this.require(id));
  }

  /** Tells every UI that the list or a state changed. */
  publish(): void {
    this.bus.emit('instancesChanged', { instances: this.list() });
  }

  private require(id: string): InstanceConfig {
    const config = this.configs().find((c) => c.id === id);
    if (!config) throw new UserFacingError('not-found', `There is no service called "${id}".`);
    return config;
  }
}
