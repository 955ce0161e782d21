import { describe, expect, it, onTestFinished } from 'vitest';
import { TestBrowser } from '../../../test/core/auth/test-browser';
import { TEST_CLIENT_ID, startTestProvider } from '../../../test/core/auth/test-oidc-provider';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { FakeApi } from '../../shared/test/fake-api';
import { startProduct } from '../../shared/test/product';
import { BASE, fakeCalendar } from './fake-calendar';
import { calendarListPage1, errors } from './fixtures/calendar';

/**
 * The whole product around this server: sign-in through the browser against a real OpenID
 * provider (standing in for accounts.google.com), the token in the real keychain, the server
 * started with it, and a tool call from an AI client through the connector. Needs
 * `npm run build:node` and `scripts/with-keyring.sh npx vitest run servers/google-calendar`.
 */
describe('Google Calendar in the product', () => {
  it.skipIf(process.env.MCP_TRAY_TEST_KEYRING !== '1')(
    'signs in with OAuth, and a tool call reaches the API with the issued token and is logged without it',
    async () => {
      const provider = await startTestProvider();
      onTestFinished(() => provider.close());
      const { issuer } = provider;
      // The fake API accepts only access tokens the provider really issued: it asks the provider.
      const fake = new FakeApi();
      fake.on(`GET ${BASE}/users/me/calendarList`, async (request) => {
        const me = await fetch(`${issuer}/me`, {
          headers: { authorization: request.headers.authorization ?? '' },
        });
        return me.ok ? { body: calendarListPage1 } : { status: 401, body: errors.authError };
      });
      await fakeCalendar(fake);

      const product = await startProduct({
        integration: 'google-calendar',
        auth: {
          issuer,
          authorizationEndpoint: `${issuer}/auth`,
          tokenEndpoint: `${issuer}/token`,
          revocationEndpoint: `${issuer}/token/revocation`,
          userinfoEndpoint: `${issuer}/me`,
          clientId: TEST_CLIENT_ID,
          scopes: ['openid', 'email', 'offline_access'],
          extraAuthorizationParams: { prompt: 'consent' },
        },
        userConfig: { api_url: `${fake.url}${BASE}` },
      });
      await product.waitFor('needs-auth');
      await product.signIn((url) => new TestBrowser().authorize(url, { login: 'ada' }));
      await product.waitFor('running');

      const { call } = await product.connect();
      const result = await call('list_calendars');
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        calendars: [{ id: 'ada@example.com', primary: true }, { name: 'Engineering team' }],
      });

      const [request] = fake.requests(`GET ${BASE}/users/me/calendarList`);
      const token = /^Bearer (.+)$/.exec(request!.headers.authorization ?? '')?.[1];
      expect(token).toBeTruthy();
      const me = await fetch(`${issuer}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ sub: 'ada', email: 'ada@example.test' });

      expect(product.calls()).toContainEqual(
        expect.objectContaining({ tool: 'list_calendars', outcome: 'ok', instanceId: product.id }),
      );
      expectNoSecretsIn(product.dataDir, [token]);
    },
  );
});
