import path from 'node:path';
import type { SecretStore } from '../secrets/secret-store';
import { secretAccount } from '../secrets/secret-store';
import type { InstanceConfig } from '../settings/settings-schema';
import { UserFacingError } from '../rpc/errors';
import type { Catalog } from './catalog';
import { mcpConfigFor } from './manifest';
import type { Integration } from './manifest';

/** What will run, without secret values: safe to show and log. */
export interface LaunchSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  secretEnvNames: string[];
  cwd: string | null;
  /**
   * The command is MCPB's `node` for a `type: node` server: run it on the app's own runtime
   * (see `CommandResolver.resolve`). False for custom commands, which mean the user's `node`.
   */
  appNode?: boolean;
}

/** A launch spec with the secret environment read from the keychain. Never log or store it. */
export interface ResolvedLaunch extends LaunchSpec {
  secretEnv: Record<string, string>;
}

/** Folders MCPB manifests may name: `${HOME}`, `${DESKTOP}`… */
export interface LaunchVariables {
  platform: NodeJS.Platform;
  home: string;
}

/** Keychain account of a custom instance's secret env var. */
export const envSecretAccount = (id: string, name: string): string => secretAccount(id, `env.${name}`);
/** Keychain account of a catalog instance's sensitive `user_config` field. */
export const configSecretAccount = (id: string, key: string): string => secretAccount(id, `config.${key}`);

const PLACEHOLDER = /\$\{([^}]+)\}/g;
const SECRET_MARK = '\u0000secret:';

/** Turns an instance's configuration into the command to run (brief 3.4: secrets via env only). */
export class LaunchResolver {
  constructor(
    private readonly catalog: Catalog,
    private readonly secrets: SecretStore,
    private readonly vars: LaunchVariables,
    /** The signed-in account's env (access token); throws when a sign-in is needed. */
    private readonly accountEnv: (config: InstanceConfig) => Promise<Record<string, string>> = () =>
      Promise.resolve({}),
  ) {}

  describe(config: InstanceConfig): LaunchSpec {
    if (config.launch) {
      return {
        command: config.launch.command,
        args: config.launch.args,
        env: config.launch.env,
        secretEnvNames: [...config.secretFields],
        // Like a terminal, not wherever MCP Tray happened to start: relative paths in a
        // command (imported from a client's config) resolve against the user's home.
        cwd: this.vars.home,
      };
    }
    return this.fromManifest(config, this.integration(config)).spec;
  }

  async resolve(config: InstanceConfig): Promise<ResolvedLaunch> {
    if (config.launch) {
      const spec = this.describe(config);
      const secretEnv: Record<string, string> = {};
      for (const name of spec.secretEnvNames) {
        secretEnv[name] = await this.requireSecret(envSecretAccount(config.id, name), name);
      }
      return { ...spec, secretEnv };
    }
    const { spec, secretEnvKeys } = this.fromManifest(config, this.integration(config));
    const secretEnv: Record<string, string> = {};
    for (const [envName, key] of Object.entries(secretEnvKeys)) {
      secretEnv[envName] = await this.requireSecret(configSecretAccount(config.id, key), key);
    }
    const account = await this.accountEnv(config);
    return {
      ...spec,
      secretEnv: { ...secretEnv, ...account },
      secretEnvNames: [...spec.secretEnvNames, ...Object.keys(account)],
    };
  }

  private integration(config: InstanceConfig): Integration {
    const integration = this.catalog.forInstance(config);
    if (!integration && config.bundleDir) {
      throw new UserFacingError(
        'unknown-integration',
        `The bundle in ${config.bundleDir} is missing or damaged; remove this service and add the bundle again.`,
      );
    }
    if (!integration) {
      throw new UserFacingError(
        'unknown-integration',
        `The integration "${config.integrationId}" is not available in this version of MCP Tray.`,
      );
    }
    return integration;
  }

  private async requireSecret(account: string, label: string): Promise<string> {
    const value = await this.secrets.get(account);
    if (value === null) {
      // A locked keyring reads as empty: say that, not "enter it again".
      const status = await this.secrets.status();
      if (!status.available) throw new UserFacingError('keychain-unavailable', status.detail);
      throw new UserFacingError(
        'missing-secret',
        `The secret "${label}" is not in the keychain; enter it again.`,
      );
    }
    return value;
  }

  /** Applies MCPB substitution; sensitive values may only end up in env, never argv. */
  private fromManifest(config: InstanceConfig, integration: Integration) {
    const { manifest } = integration;
    const base = mcpConfigFor(manifest, this.vars.platform);
    const fixed: Record<string, string> = {
      __dirname: integration.dir,
      HOME: this.vars.home,
      DESKTOP: path.join(this.vars.home, 'Desktop'),
      DOCUMENTS: path.join(this.vars.home, 'Documents'),
      DOWNLOADS: path.join(this.vars.home, 'Downloads'),
      pathSeparator: path.sep,
      '/': path.sep,
    };
    const value = (key: string): string | string[] => {
      const field = manifest.user_config[key];
      if (!field) throw new UserFacingError('bad-manifest', `The manifest uses an unknown setting "${key}".`);
      if (field.sensitive) return SECRET_MARK + key;
      const raw = config.userConfig[key] ?? field.default ?? '';
      const text = (v: string | number | boolean) => substitute(String(v), fixed, () => '');
      return Array.isArray(raw) ? raw.map(text) : text(raw);
    };
    const args = base.args.flatMap((arg) => {
      const whole = /^\$\{user_config\.([^}]+)\}$/.exec(arg);
      const out = whole ? [value(whole[1]!)].flat() : [substitute(arg, fixed, value)];
      if (out.some((a) => a.includes(SECRET_MARK))) {
        throw new UserFacingError(
          'bad-manifest',
          'This integration puts a secret on the command line; refused.',
        );
      }
      return out;
    });
    const env: Record<string, string> = {};
    const secretEnvKeys: Record<string, string> = {};
    for (const [name, template] of Object.entries(base.env)) {
      const result = substitute(template, fixed, value);
      if (result.startsWith(SECRET_MARK)) secretEnvKeys[name] = result.slice(SECRET_MARK.length);
      else env[name] = result;
    }
    const command = substitute(base.command, fixed, value);
    const spec: LaunchSpec = {
      command,
      args,
      env,
      secretEnvNames: Object.keys(secretEnvKeys),
      cwd: integration.dir || null,
      ...(manifest.server.type === 'node' && command === 'node' ? { appNode: true } : {}),
    };
    return { spec, secretEnvKeys };
  }
}

function substitute(
  template: string,
  fixed: Record<string, string>,
  userValue: (key: string) => string | string[],
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('user_config.')) {
      const v = userValue(name.slice('user_config.'.length));
      return Array.isArray(v) ? v.join(',') : v;
    }
    return fixed[name] ?? whole;
  });
}
