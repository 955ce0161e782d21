import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../electron/core/integrations/catalog';
import { configSecretAccount, LaunchResolver } from '../../../electron/core/integrations/launch-spec';
import { silentLogger } from '../../../electron/core/platform/logger';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';

const SERVERS = path.resolve(import.meta.dirname, '../..');

describe('the Notion manifest', () => {
  it('is a valid built-in integration whose secret reaches the server only through env', async () => {
    const catalog = new Catalog(SERVERS, silentLogger);
    const notion = catalog.get('notion');
    expect(notion?.category).toBe('built-in');
    expect(notion!.manifest._meta?.['dev.mcptray']?.auth).toEqual({ type: 'api-key' });
    expect(notion!.manifest.user_config.integration_token).toMatchObject({ sensitive: true, required: true });

    const secrets = new MemorySecretStore();
    await secrets.set(configSecretAccount('n1', 'integration_token'), 'secret_abc');
    const launch = new LaunchResolver(catalog, secrets, { platform: 'linux', home: '/home/ada' });
    const config = {
      id: 'n1',
      name: 'Notion',
      integrationId: 'notion',
      enabled: true,
      createdAt: '',
      userConfig: {},
      secretFields: ['integration_token'],
      disabledTools: [],
    };
    const resolved = await launch.resolve(config);
    expect(resolved.args).toEqual([path.join(SERVERS, 'notion', 'dist', 'server.mjs')]);
    expect(resolved.env).toEqual({ NOTION_API_URL: 'https://api.notion.com' });
    expect(resolved.secretEnv).toEqual({ NOTION_TOKEN: 'secret_abc' });
    expect(JSON.stringify(launch.describe(config))).not.toContain('secret_abc');
  });
});
