import type { ImportItem, ImportReview } from '../../shared/contract';
import { configSecretAccount, envSecretAccount } from '../integrations/launch-spec';
import { headerSecretAccount } from '../remote/remote-headers';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { InstanceConfig, Settings } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import { findProfile, profileInstances } from './profile-rules';
import { SETUP_FORMAT, readSetupFile } from './setup-file';
import type { SetupFile, SetupService as ExportedService } from './setup-file';

export interface SetupServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  /** What would run for a configuration (`LaunchResolver.describe`); throws when it cannot run here. */
  describe: (config: InstanceConfig) => { command: string; args: string[]; env: Record<string, string> };
  /** Saves and starts a new instance (its secrets already in the keychain). */
  add: (config: InstanceConfig) => Promise<unknown>;
  now: () => number;
  appVersion: string;
}

/**
 * Moves a setup to another computer: `export` writes services, their settings, profiles and
 * client choices with secret fields named only; `import` reviews the file (exactly what will
 * run), takes the secrets, and installs.
 */
export class SetupService {
  constructor(private readonly deps: SetupServiceDeps) {}

  export(profile?: string): { text: string } {
    const settings = this.deps.settings.read();
    let ids = settings.instances.map((c) => c.id);
    let profiles = settings.profiles;
    if (profile) {
      const chosen = findProfile(settings, profile);
      if (!chosen && profile.toLowerCase() !== 'everything') {
        throw new UserFacingError('not-found', `There is no profile called "${profile}".`);
      }
      ids = profileInstances(settings, profile);
      profiles = chosen ? [chosen] : [];
    }
    const file: SetupFile = {
      mcpTraySetup: SETUP_FORMAT,
      appVersion: this.deps.appVersion,
      exportedAt: new Date(this.deps.now()).toISOString(),
      services: settings.instances.filter((c) => ids.includes(c.id) && !c.bundleDir).map(exported),
      profiles,
      clients: Object.fromEntries(
        Object.entries(settings.clients).map(([id, c]) => [
          id,
          {
            selected: c.selected.filter((x) => ids.includes(x)),
            transport: c.transport,
            ...(c.profile ? { profile: c.profile } : {}),
            ...(c.entryMode ? { entryMode: c.entryMode } : {}),
          },
        ]),
      ),
    };
    return { text: JSON.stringify(file, null, 2) + '\n' };
  }

  plan(text: string): ImportReview {
    return this.review(this.read(text), this.deps.settings.read()).review;
  }

  /**
   * Installs what the review shows, nothing else: every secret field must have a value, each
   * goes to the keychain, then the services are added (and started), then profiles and client
   * choices that do not clash with what is here.
   */
  async apply(
    text: string,
    secrets: Record<string, Record<string, string>>,
  ): Promise<{
    added: string[];
    review: ImportReview;
  }> {
    const file = this.read(text);
    const { review, configs } = this.review(file, this.deps.settings.read());
    for (const item of review.services.filter((s) => !s.exists)) {
      const missing = item.secretFields.filter((f) => !secrets[item.id]?.[f]);
      if (missing.length > 0) {
        throw new UserFacingError(
          'missing-secret',
          `"${item.name}" needs ${missing.join(', ')}; nothing was imported.`,
        );
      }
    }
    const added: string[] = [];
    for (const config of configs) {
      for (const [field, value] of Object.entries(secrets[config.id] ?? {})) {
        if (!config.secretFields.includes(field) && !config.remote?.secretHeaders?.includes(field)) continue;
        await this.deps.secrets.set(secretAccountFor(config, field), value);
      }
      await this.deps.add(config);
      added.push(config.id);
    }
    this.deps.settings.update((s) => ({
      ...s,
      profiles: [...s.profiles, ...file.profiles.filter((p) => !findProfile(s, p.name))],
      clients: {
        ...s.clients,
        ...Object.fromEntries(
          Object.entries(file.clients)
            .filter(([id]) => !s.clients[id])
            .map(([id, c]) => [id, { ...c, applied: [] }]),
        ),
      },
    }));
    return { added, review };
  }

  private read(text: string): SetupFile {
    try {
      return readSetupFile(text);
    } catch (error) {
      throw new UserFacingError('invalid-setup', (error as Error).message);
    }
  }

  private review(file: SetupFile, settings: Settings): { review: ImportReview; configs: InstanceConfig[] } {
    const notes: string[] = [];
    const services: ImportItem[] = [];
    const configs: InstanceConfig[] = [];
    const here = new Set(settings.instances.map((c) => c.id));
    for (const service of file.services) {
      const config = this.configFor(service);
      const exists = here.has(service.id);
      let item: ImportItem;
      try {
        item = itemFor(config, exists, this.deps.describe);
      } catch (error) {
        notes.push(`"${service.name}" is not imported: ${(error as Error).message}`);
        continue;
      }
      services.push(item);
      if (exists) notes.push(`"${service.name}" is already here (${service.id}); it is left as it is.`);
      else configs.push(config);
    }
    for (const profile of file.profiles) {
      if (findProfile(settings, profile.name))
        notes.push(`The profile "${profile.name}" is already here; kept as it is.`);
    }
    return {
      review: {
        services,
        profiles: file.profiles.map((p) => p.name),
        clients: Object.keys(file.clients),
        notes,
      },
      configs,
    };
  }

  private configFor(service: ExportedService): InstanceConfig {
    return {
      ...service,
      createdAt: new Date(this.deps.now()).toISOString(),
      ...(service.remote ? { remote: { ...service.remote } } : {}),
    };
  }
}

/** The review line of a service: exactly the command that will run, and the secrets it needs. */
function itemFor(
  config: InstanceConfig,
  exists: boolean,
  describe: SetupServiceDeps['describe'],
): ImportItem {
  const secretFields = [...config.secretFields, ...(config.remote?.secretHeaders ?? [])];
  const version = config.registry?.version ?? null;
  if (config.remote) {
    return {
      id: config.id,
      name: config.name,
      kind: 'remote',
      command: config.remote.url,
      args: [],
      envNames: Object.keys(config.remote.headers ?? {}),
      secretFields,
      version,
      exists,
    };
  }
  const spec = describe(config);
  return {
    id: config.id,
    name: config.name,
    kind: config.launch ? 'local' : 'built-in',
    command: spec.command,
    args: spec.args,
    envNames: [...Object.keys(spec.env), ...config.secretFields.filter((f) => !(f in spec.env))],
    secretFields,
    version,
    exists,
  };
}

function exported(config: InstanceConfig): ExportedService {
  return {
    id: config.id,
    name: config.name,
    integrationId: config.integrationId,
    enabled: config.enabled,
    ...(config.launch ? { launch: config.launch } : {}),
    ...(config.remote
      ? {
          remote: {
            url: config.remote.url,
            ...(config.remote.headers ? { headers: config.remote.headers } : {}),
            ...(config.remote.secretHeaders ? { secretHeaders: config.remote.secretHeaders } : {}),
          },
        }
      : {}),
    userConfig: config.userConfig,
    secretFields: config.secretFields,
    ...(config.requestTimeoutMs ? { requestTimeoutMs: config.requestTimeoutMs } : {}),
    ...(config.startTimeoutMs ? { startTimeoutMs: config.startTimeoutMs } : {}),
    disabledTools: config.disabledTools,
    ...(config.registry ? { registry: config.registry } : {}),
    ...(config.permissions ? { permissions: config.permissions } : {}),
  };
}

function secretAccountFor(config: InstanceConfig, field: string): string {
  if (config.remote?.secretHeaders?.includes(field)) return headerSecretAccount(config.id, field);
  return config.launch ? envSecretAccount(config.id, field) : configSecretAccount(config.id, field);
}
