import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { until } from '../../../test/core/support/served-core';
import { FakeApi } from '../../shared/test/fake-api';
import { startProduct } from '../../shared/test/product';
import { NOTION_VERSION } from '../src/notion-api';
import { searchFirst } from './fixtures/objects';

/**
 * The whole product around the built server: `mcp-tray serve` with the secret in the real
 * keychain, as the UI puts it there, and a client connected the way Claude Desktop is.
 * Needs `npm run build:node`; run with `scripts/with-keyring.sh npx vitest run servers/notion`.
 */
describe('Notion through MCP Tray', () => {
  it.skipIf(process.env.MCP_TRAY_TEST_KEYRING !== '1')(
    'starts with the keychain secret, reaches Notion with it, logs the call and stores no secret',
    async () => {
      const secret = `secret_${randomBytes(18).toString('hex')}`;
      const fake = await new FakeApi().start();
      fake.tokens.add(secret);
      fake.on('POST /v1/search', () => ({ body: searchFirst }));

      const product = await startProduct({
        integration: 'notion',
        userConfig: { api_url: fake.url },
        secrets: { integration_token: secret },
      });
      await product.waitFor('running');
      const { call } = await product.connect();
      const result = await call('search', { query: 'plan' });

      expect(result.isError).toBeFalsy();
      expect(JSON.stringify(result.content)).toContain('Project plan');
      const [request] = fake.requests('POST /v1/search');
      expect(request!.headers.authorization).toBe(`Bearer ${secret}`);
      expect(request!.headers['notion-version']).toBe(NOTION_VERSION);
      expect(request!.body).toEqual({ query: 'plan', page_size: 20 });

      const logged = await until(
        () => product.calls().find((c) => c.tool === 'search' && c.instanceId === product.id),
        'the logged search call',
      );
      expect(logged).toMatchObject({ outcome: 'ok', arguments: { query: 'plan' } });
      expectNoSecretsIn(product.dataDir, [secret]);
    },
  );
});
