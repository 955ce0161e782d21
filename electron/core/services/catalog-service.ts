import type { Logger } from '../platform/logger';
import { KEY_CHECKS, checkKey } from './key-check';
import { defaultProfile } from '../sandbox/profile-defaults';
import fs from 'node:fs';
import path from 'node:path';
import type {
  AddCatalogInstance,
  CatalogEntry,
  InstanceSummary,
  UpdateInstanceSettings,
} from '../../shared/contract';
import {
  AddCatalogInstance as AddCatalogInstanceSchema,
  UpdateInstanceSettings as UpdateInstanceSettingsSchema,
} from '../../shared/contract';
import { manifestFields } from '../integrations/bundle-entry';
import type { Catalog } from '../integrations/catalog';
import type { LaunchResolver } from '../integrations/launch-spec';
import { configSecretAccount } from '../integrations/launch-spec';
import type { Integration, UserConfigField } from '../integrations/manifest';
import type { RemoteServerEntry } from '../integrations/remote-catalog';
import { REMOTE_SERVERS, remoteIcon, remoteServer } from '../integrations/remote-catalog';
import type { Clock } from '../platform/clock';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { InstanceConfig } from '../settings/settings-schema';
import type { CommandResolver } from '../supervisor/command-resolver';
import type { InstancesService } from './instances-service';
import { LOOPBACK_REDIRECT_URI } from './accounts-service';

/** Where to get a runtime an integration needs, in words with a link. */
export const RUNTIME_HINTS: Readonly<Record<string, string>> = {
  node: 'Install Node.js from https://nodejs.org (it includes npx).',
  npx: 'Install Node.js from https://nodejs.org (it includes npx).',
  uv: 'Install uv: https://docs.astral.sh/uv/getting-started/installation/',
  uvx: 'Install uv (it includes uvx): https://docs.astral.sh/uv/getting-started/installation/',
  python3: 'Install Python 3 from https://www.python.org/downloads/',
  docker: 'Install Docker Desktop: https://docs.docker.com/get-started/get-docker/',
  dnx: 'Install the .NET 10 SDK (it includes dnx): https://dotnet.microsoft.com/download',
};

const ICON_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png' };
const MAX_ICON_BYTES = 64 * 1024;

export interface CatalogServiceDeps {
  catalog: Catalog;
  launch: LaunchResolver;
  commands: CommandResolver;
  secrets: SecretStore;
  instances: InstancesService;
  clock: Clock;
  /** Whether `node` runs on the app's own runtime (packaged Electron): then it is always found. */
  bundledNode: boolean;
  /** Checks a pasted API key with its provider before it is saved (KEY_CHECKS). */
  fetch?: typeof globalThis.fetch;
  logger?: Logger;
}

/** The catalog as the Add flow sees it, and adding an instance of a catalog integration. */
export class CatalogService {
  private readonly icons = new Map<string, string | null>();

  constructor(private readonly deps: CatalogServiceDeps) {}

  async list(): Promise<CatalogEntry[]> {
    const entries = [
      ...(await Promise.all(this.deps.catalog.list().map((integration) => this.entry(integration)))),
      ...REMOTE_SERVERS.map(remoteEntry),
    ];
    const order = { 'built-in': 0, remote: 1, community: 2, custom: 3 };
    return entries.sort((a, b) => order[a.category] - order[b.category] || a.name.localeCompare(b.name));
  }

  /** The integration instance `id` runs (a bundle's own manifest too); null without one. */
  async ofInstance(id: string): Promise<CatalogEntry | null> {
    const { integration } = this.integrationOf(id);
    return integration ? this.entry(integration) : null;
  }

  /** Instance `id` and its integration (a bundle's is its own manifest); none for a command. */
  private integrationOf(id: string): { config: InstanceConfig; integration: Integration | undefined } {
    const config = this.deps.instances.configs().find((c) => c.id === id);
    if (!config) throw new UserFacingError('not-found', `There is no service called "${id}".`);
    return { config, integration: config.launch ? undefined : this.deps.catalog.forInstance(config) };
  }

  /**
   * Adds an instance: required fields checked, sensitive values to the keychain first (no
   * keychain, no instance), the rest to settings. The server starts (or waits for sign-in).
   */
  async add(input: AddCatalogInstance): Promise<InstanceSummary> {
    const request = AddCatalogInstanceSchema.parse(input);
    const remote = remoteServer(request.integrationId);
    if (remote && !this.deps.catalog.get(request.integrationId)) {
      if (Object.keys(request.userConfig).length > 0 || Object.keys(request.secrets).length > 0) {
        throw new UserFacingError('invalid-input', `${remote.name} has no settings; it signs in instead.`);
      }
      return this.deps.instances.addRemote(
        { id: request.id ?? this.freeId(remote.id), name: request.name ?? remote.name, url: remote.url },
        remote.id,
      );
    }
    const integration = this.deps.catalog.get(request.integrationId);
    if (!integration) {
      throw new UserFacingError('not-found', `There is no integration called "${request.integrationId}".`);
    }
    const userConfig = this.checked(integration, request.userConfig, request.secrets, {});
    const id = request.id ?? this.freeId(integration.id);
    if (this.deps.instances.configs().some((c) => c.id === id)) {
      throw new UserFacingError('exists', `There is already a service called "${id}".`);
    }
    await this.checkKey(integration, userConfig, request.secrets);
    for (const [key, value] of Object.entries(request.secrets)) {
      await this.deps.secrets.set(configSecretAccount(id, key), value);
    }
    const config: InstanceConfig = {
      id,
      name: request.name ?? this.name(integration),
      integrationId: integration.id,
      enabled: true,
      createdAt: new Date(this.deps.clock.now()).toISOString(),
      userConfig,
      secretFields: Object.keys(request.secrets),
      disabledTools: [],
    };
    if (request.sandbox) {
      config.permissions = defaultProfile(config, integration.category === 'built-in', request.sandbox);
    }
    return this.deps.instances.addConfig(config);
  }

  /**
   * Changes a catalog instance's settings and secrets (a new API key after the provider rejected
   * the old one); what is not given stays. The server restarts to see them.
   */
  async update(input: UpdateInstanceSettings): Promise<InstanceSummary> {
    const request = UpdateInstanceSettingsSchema.parse(input);
    const { config, integration } = this.integrationOf(request.id);
    if (!integration) {
      throw new UserFacingError(
        'invalid-input',
        `"${config.name}" is a custom command; remove it and add it again.`,
      );
    }
    const have = Object.fromEntries(config.secretFields.map((key) => [key, 'kept']));
    const userConfig = this.checked(
      integration,
      request.userConfig,
      { ...have, ...request.secrets },
      config.userConfig,
    );
    await this.checkKey(integration, userConfig, request.secrets);
    for (const [key, value] of Object.entries(request.secrets)) {
      await this.deps.secrets.set(configSecretAccount(config.id, key), value);
    }
    return this.deps.instances.updateConfig(config.id, {
      userConfig,
      secretFields: [...new Set([...config.secretFields, ...Object.keys(request.secrets)])],
    });
  }

  /** A newly entered key is checked with its provider (at the API address set), before saving. */
  private async checkKey(
    integration: Integration,
    userConfig: InstanceConfig['userConfig'],
    secrets: Record<string, string>,
  ): Promise<void> {
    const spec = KEY_CHECKS[integration.id];
    const key = spec ? secrets[spec.secret] : undefined;
    if (!spec || !key || !this.deps.fetch) return;
    const base = userConfig[spec.baseField];
    const unchecked = await checkKey(
      this.deps.fetch,
      {
        url: `${(typeof base === 'string' && base ? base : spec.defaultBase).replace(/\/+$/, '')}${spec.path}`,
        key,
        headers: spec.headers,
        provider: this.name(integration),
        what: 'key',
      },
      true,
    );
    // Saved all the same: the server says so at its first call if the key is wrong.
    if (unchecked) this.deps.logger?.warn('a new key was saved unchecked', { reason: unchecked });
  }

  /** Checks settings and secrets against the manifest; returns the settings to keep. */
  private checked(
    integration: Integration,
    given: InstanceConfig['userConfig'],
    secrets: Record<string, string>,
    current: InstanceConfig['userConfig'],
  ): InstanceConfig['userConfig'] {
    const fields = integration.manifest.user_config;
    const userConfig: InstanceConfig['userConfig'] = { ...current };
    for (const [key, value] of Object.entries(given)) {
      const field = fields[key];
      if (!field)
        throw new UserFacingError('invalid-input', `${this.name(integration)} has no setting "${key}".`);
      if (field.sensitive) {
        throw new UserFacingError('invalid-input', `"${field.title}" is secret: send it with the secrets.`);
      }
      userConfig[key] = checkValue(field, value);
    }
    for (const key of Object.keys(secrets)) {
      if (!fields[key]?.sensitive) {
        throw new UserFacingError(
          'invalid-input',
          `${this.name(integration)} has no secret setting "${key}".`,
        );
      }
    }
    for (const [key, field] of Object.entries(fields)) {
      const value = field.sensitive ? secrets[key] : (userConfig[key] ?? field.default);
      if (field.required && (value === undefined || value === '')) {
        throw new UserFacingError('invalid-input', `"${field.title}" is required.`);
      }
    }
    return userConfig;
  }

  private freeId(base: string): string {
    return this.deps.instances.freeId(base);
  }

  private name(integration: Integration): string {
    return integration.manifest.display_name ?? integration.manifest.name;
  }

  private async entry(integration: Integration): Promise<CatalogEntry> {
    const { manifest } = integration;
    const tray = manifest._meta?.['dev.mcptray'];
    const auth = tray?.auth;
    const signIn = auth && (auth.type === 'oauth' || auth.type === 'device') ? auth : null;
    const fields = manifestFields(manifest);
    const sensitive = fields.some((f) => f.sensitive);
    const preview = this.preview(integration);
    return {
      id: integration.id,
      name: this.name(integration),
      description: manifest.description,
      category: tray?.category ?? integration.category,
      icon: this.icon(integration),
      homepage: manifest.homepage ?? null,
      author: manifest.author.name,
      auth: signIn ? signIn.type : auth?.type === 'api-key' || (!auth && sensitive) ? 'api-key' : 'none',
      runtimes: await this.runtimes(tray?.runtimes ?? [preview.command]),
      fields,
      clientSetup: signIn?.clientSetup
        ? { ...signIn.clientSetup, redirectUri: signIn.type === 'oauth' ? LOOPBACK_REDIRECT_URI : null }
        : null,
      manualToken: signIn?.manualToken
        ? {
            label: signIn.manualToken.label,
            help: signIn.manualToken.help,
            url: signIn.manualToken.url ?? null,
          }
        : null,
      needsOwnClient: Boolean(signIn && !signIn.clientId),
      version: manifest.version,
      launch: preview,
    };
  }

  /** The command with defaults filled in, for the confirmation before the first start. */
  private preview(integration: Integration): CatalogEntry['launch'] {
    try {
      const spec = this.deps.launch.describe({
        id: 'preview',
        name: integration.id,
        integrationId: integration.id,
        enabled: true,
        createdAt: '',
        userConfig: {},
        secretFields: [],
        disabledTools: [],
      });
      return {
        command: spec.command,
        args: spec.args,
        envNames: [...Object.keys(spec.env), ...spec.secretEnvNames],
      };
    } catch {
      const config = integration.manifest.server.mcp_config;
      return { command: config.command, args: config.args, envNames: Object.keys(config.env) };
    }
  }

  private async runtimes(names: string[]): Promise<CatalogEntry['runtimes']> {
    return Promise.all(
      [...new Set(names)].map(async (name) => {
        const found =
          (name === 'node' && this.deps.bundledNode) || (await this.deps.commands.resolve(name, [])).ok;
        return { name, found, hint: found ? null : (RUNTIME_HINTS[name] ?? `Install ${name}.`) };
      }),
    );
  }

  private icon(integration: Integration): string | null {
    const file = integration.manifest.icon;
    if (!file || !integration.dir) return null;
    const cached = this.icons.get(integration.id);
    if (cached !== undefined) return cached;
    let url: string | null = null;
    const full = path.resolve(integration.dir, file);
    const type = ICON_TYPES[path.extname(full).toLowerCase()];
    if (type && full.startsWith(integration.dir + path.sep)) {
      try {
        const bytes = fs.readFileSync(full);
        if (bytes.length <= MAX_ICON_BYTES) url = `data:${type};base64,${bytes.toString('base64')}`;
      } catch {
        url = null;
      }
    }
    this.icons.set(integration.id, url);
    return url;
  }
}

/** A well-known remote server as the Add flow shows it: no command, a sign-in, its docs. */
function remoteEntry(entry: RemoteServerEntry): CatalogEntry {
  return {
    id: entry.id,
    name: entry.name,
    description: entry.description,
    category: 'remote',
    icon: remoteIcon(entry),
    homepage: entry.docs,
    author: entry.author,
    auth: 'oauth',
    runtimes: [],
    fields: [],
    clientSetup: entry.ownClient ? { ...entry.ownClient, redirectUri: LOOPBACK_REDIRECT_URI } : null,
    manualToken: entry.manualToken ?? null,
    needsOwnClient: Boolean(entry.ownClient),
    // The address takes the command's place in the confirmation before the first connection.
    launch: { command: entry.url, args: [], envNames: [] },
  };
}

/** A non-secret value checked against its field: type, range, a single value unless `multiple`. */
function checkValue(field: UserConfigField, value: InstanceConfig['userConfig'][string]) {
  const bad = (why: string) => new UserFacingError('invalid-input', `"${field.title}" ${why}.`);
  if (Array.isArray(value)) {
    if (!field.multiple) throw bad('takes one value');
    return value;
  }
  if (field.type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) throw bad('must be a number');
    if (field.min !== undefined && n < field.min) throw bad(`must be at least ${field.min}`);
    if (field.max !== undefined && n > field.max) throw bad(`must be at most ${field.max}`);
    return n;
  }
  if (field.type === 'boolean') {
    if (typeof value !== 'boolean') throw bad('must be yes or no');
    return value;
  }
  return String(value);
}
