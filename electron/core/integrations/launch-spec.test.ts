import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import type { InstanceConfig } from '../settings/settings-schema';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { Catalog } from './catalog';
import { LaunchResolver, configSecretAccount, envSecretAccount } from './launch-spec';

const home = '/home/ada';
const base: InstanceConfig = {
  id: 'x',
  name: 'X',
  integrationId: 'custom',
  enabled: true,
  createdAt: '',
  userConfig: {},
  secretFields: [],
  disabledTools: [],
};

function resolver(manifests: Record<string, unknown> = {}) {
  // Built-in integrations are read from disk, as in the app.
  const dir = tempDir();
  for (const [id, manifest] of Object.entries(manifests)) {
    fs.mkdirSync(path.join(dir, id));
    fs.writeFileSync(path.join(dir, id, 'manifest.json'), JSON.stringify(manifest));
  }
  const catalog = new Catalog(dir, silentLogger);
  const secrets = new MemorySecretStore();
  return { dir, secrets, launch: new LaunchResolver(catalog, secrets, { platform: 'linux', home }) };
}

describe('LaunchResolver', () => {
  it('custom commands: plain env as given, secrets from the keychain', async () => {
    const { secrets, launch } = resolver();
    await secrets.set(envSecretAccount('x', 'TOKEN'), 'v');
    const config = {
      ...base,
      launch: { command: 'npx', args: ['-y', 'pkg'], env: { MODE: 'a' } },
      secretFields: ['TOKEN'],
    };
    expect(launch.describe(config)).toMatchObject({
      command: 'npx',
      env: { MODE: 'a' },
      secretEnvNames: ['TOKEN'],
    });
    expect((await launch.resolve(config)).secretEnv).toEqual({ TOKEN: 'v' });
  });

  it('community catalog: the filesystem server expands folders into separate arguments', async () => {
    const { launch } = resolver();
    const config = {
      ...base,
      integrationId: 'filesystem',
      userConfig: { allowed_directories: ['/a b', '/c'] },
    };
    expect(launch.describe(config).args).toEqual([
      '-y',
      '@modelcontextprotocol/server-filesystem',
      '/a b',
      '/c',
    ]);
    const defaults = launch.describe({ ...base, integrationId: 'filesystem' });
    expect(defaults.args.at(-1)).toBe(path.join(home, 'Documents'));
  });

  it('MCPB substitution: __dirname, HOME, platform overrides; sensitive values only via env', async () => {
    const manifest = {
      manifest_version: '0.3',
      name: 'b',
      version: '1.0.0',
      description: 'd',
      author: { name: 'a' },
      server: {
        type: 'node',
        mcp_config: {
          command: 'node',
          args: ['${__dirname}/server/index.js', '--base', '${user_config.base_url}'],
          env: { API_KEY: '${user_config.api_key}', CACHE: '${HOME}/.cache' },
          platform_overrides: { win32: { command: 'node.exe' } },
        },
      },
      user_config: {
        api_key: { type: 'string', title: 'Key', sensitive: true, required: true },
        base_url: { type: 'string', title: 'URL', default: 'https://api.example.com' },
      },
    };
    const { dir, secrets, launch } = resolver({ bundle: manifest });
    await secrets.set(configSecretAccount('x', 'api_key'), 'sk-1');
    const resolved = await launch.resolve({ ...base, integrationId: 'bundle' });
    expect(resolved).toMatchObject({
      command: 'node',
      args: [path.join(dir, 'bundle', 'server/index.js'), '--base', 'https://api.example.com'],
      env: { CACHE: '/home/ada/.cache' },
      secretEnv: { API_KEY: 'sk-1' },
      secretEnvNames: ['API_KEY'],
      cwd: path.join(dir, 'bundle'),
      appNode: true,
    });
    expect(launch.describe({ ...base, integrationId: 'bundle' }).env).not.toHaveProperty('API_KEY');
  });

  it("marks only MCPB node servers whose command is `node` for the app's own runtime", () => {
    const manifest = (type: string, command: string) => ({
      manifest_version: '0.3',
      name: 'n',
      version: '1',
      description: 'd',
      author: { name: 'a' },
      server: { type, mcp_config: { command, args: ['${__dirname}/s.mjs'] } },
    });
    const { launch } = resolver({
      ours: manifest('node', 'node'),
      npx: manifest('node', 'npx'),
      py: manifest('python', 'node'),
    });
    const appNode = (integrationId: string) => launch.describe({ ...base, integrationId }).appNode === true;
    expect(appNode('ours')).toBe(true);
    expect(appNode('npx')).toBe(false);
    expect(appNode('py')).toBe(false);
    // A custom `node` is the user's own Node, found on their PATH.
    expect(
      launch.describe({ ...base, launch: { command: 'node', args: [], env: {} } }).appNode,
    ).toBeUndefined();
  });

  it('refuses a manifest that puts a secret on the command line, and names missing secrets', async () => {
    const leaky = {
      manifest_version: '0.3',
      name: 'l',
      version: '1',
      description: 'd',
      author: { name: 'a' },
      server: { type: 'node', mcp_config: { command: 'node', args: ['--key=${user_config.key}'] } },
      user_config: { key: { type: 'string', title: 'Key', sensitive: true } },
    };
    const { launch } = resolver({ leaky });
    expect(() => launch.describe({ ...base, integrationId: 'leaky' })).toThrow(/secret on the command line/);
    const custom = { ...base, launch: { command: 'x', args: [], env: {} }, secretFields: ['TOKEN'] };
    await expect(launch.resolve(custom)).rejects.toThrow(/"TOKEN" is not in the keychain/);
  });
});
