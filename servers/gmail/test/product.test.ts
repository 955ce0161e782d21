import { describe, expect, it, onTestFinished } from 'vitest';
import { TestBrowser } from '../../../test/core/auth/test-browser';
import { TEST_CLIENT_ID, startTestProvider } from '../../../test/core/auth/test-oidc-provider';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { until } from '../../../test/core/support/served-core';
import { FakeApi } from '../../shared/test/fake-api';
import { startProduct } from '../../shared/test/product';
import { LIST_PAGE_2, MESSAGES, metadataOf } from './fixtures/gmail';
import { INVALID_CREDENTIALS_401 } from './fixtures/errors';
import { BASE } from './gmail-fake';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
}

/**
 * The whole product: `mcp-tray serve` with the real keychain, sign-in through `mcp-tray auth`
 * at a real OpenID provider standing in for Google, the built server started with the token,
 * and a call through the connector. Needs `npm run build:node` and `scripts/with-keyring.sh`.
 */
describe('Gmail in MCP Tray', () => {
  it.skipIf(process.env.MCP_TRAY_TEST_KEYRING !== '1')(
    'signs in, starts with the token, and a search reaches Gmail with it, logged without it',
    async () => {
      const provider = await startTestProvider();
      onTestFinished(() => provider.close());
      const discovery = (await (
        await fetch(`${provider.issuer}/.well-known/openid-configuration`)
      ).json()) as Discovery;

      // Like Google, the fake accepts only tokens its authorization server issued: it asks the
      // provider's userinfo endpoint whether the bearer token is good.
      const issued = async (authorization: string | undefined) =>
        !!authorization && (await fetch(discovery.userinfo_endpoint, { headers: { authorization } })).ok;
      const fake = await new FakeApi().start();
      const guarded =
        (reply: (path: string, query: URLSearchParams) => { body: unknown }) =>
        async (r: { path: string; query: URLSearchParams; headers: { authorization?: string } }) =>
          (await issued(r.headers.authorization))
            ? reply(r.path, r.query)
            : { status: 401, body: INVALID_CREDENTIALS_401 };
      fake.on(
        `GET ${BASE}/messages`,
        guarded(() => ({ body: LIST_PAGE_2 })),
      );
      fake.on(
        `GET ${BASE}/messages/:id`,
        guarded((path, query) => ({
          body: metadataOf(MESSAGES[path.split('/').pop()!]!, query.getAll('metadataHeaders')),
        })),
      );

      const product = await startProduct({
        integration: 'gmail',
        auth: {
          issuer: provider.issuer,
          authorizationEndpoint: discovery.authorization_endpoint,
          tokenEndpoint: discovery.token_endpoint,
          userinfoEndpoint: discovery.userinfo_endpoint,
          clientId: TEST_CLIENT_ID,
          scopes: ['openid', 'email', 'offline_access'],
          extraAuthorizationParams: { prompt: 'consent' },
        },
        userConfig: { api_url: `${fake.url}/gmail/v1` },
      });
      await product.waitFor('needs-auth');
      const output = await product.signIn((url) => new TestBrowser().authorize(url, { login: 'ada' }));
      expect(output).toContain('Signed in as ada@example.test.');
      await product.waitFor('running');

      const { call } = await product.connect();
      const result = await call('search_messages', { query: 'in:sent', maxResults: 1 });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ messages: [{ subject: 'Re: Q3 report' }] });

      const list = fake.requests(`GET ${BASE}/messages`)[0]!;
      expect(list.query.get('q')).toBe('in:sent');
      const authorization = list.headers.authorization!;
      expect(authorization).toMatch(/^Bearer \S{16,}$/);
      expect(await issued(authorization)).toBe(true);
      expect(fake.received.every((r) => r.headers.authorization === authorization)).toBe(true);

      const logged = await until(
        () => product.calls().find((c) => c.tool === 'search_messages'),
        'the call in the tool-call log',
      );
      expect(logged).toMatchObject({
        instanceId: product.id,
        outcome: 'ok',
        client: { name: 'Claude Desktop' },
      });
      expectNoSecretsIn(product.dataDir, [authorization.slice('Bearer '.length)]);
    },
    60_000,
  );
});
