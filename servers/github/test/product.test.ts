import { describe, expect, it } from 'vitest';
import { startDeviceServer } from '../../../test/core/auth/test-device-server';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { startProduct } from '../../shared/test/product';
import { fakeGitHub } from './fake-github';

// The whole product around the built server: needs `npm run build:node` and a keychain
// (scripts/with-keyring.sh npx vitest run servers/github).
describe('GitHub through MCP Tray', () => {
  it.skipIf(process.env.MCP_TRAY_TEST_KEYRING !== '1')(
    'signs in with the device flow, starts with the token, and answers a tool call through the connector',
    async () => {
      const device = await startDeviceServer({ answers: ['authorization_pending', 'success'], interval: 1 });
      const { accessToken, refreshToken } = device.issued;
      // The fake API accepts only the token the device server issued.
      const fake = await fakeGitHub(accessToken);
      try {
        const product = await startProduct({
          integration: 'github',
          auth: {
            deviceAuthorizationEndpoint: device.deviceAuthorizationEndpoint,
            tokenEndpoint: device.tokenEndpoint,
            clientId: 'device-client',
            userinfoEndpoint: `${fake.url}/user`,
          },
          userConfig: { api_url: fake.url },
        });
        // The device server approves on its own after one "authorization_pending".
        const output = await product.signIn(async () => {});
        expect(output).toContain('WDJB-MJHT');
        expect(device.polls.length).toBeGreaterThanOrEqual(2);
        await product.waitFor('running');

        const { call } = await product.connect();
        const result = await call('get_repository', { owner: 'octocat', repo: 'Hello-World' });
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent).toMatchObject({
          fullName: 'octocat/Hello-World',
          defaultBranch: 'master',
        });

        const request = fake.requests('GET /repos/octocat/Hello-World').at(-1)!;
        expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
        expect(request.headers['x-github-api-version']).toBe('2022-11-28');
        // The sign-in asked who signed in, with the same token.
        expect(fake.requests('GET /user').map((r) => r.headers.authorization)).toContain(
          `Bearer ${accessToken}`,
        );

        const calls = product.calls();
        expect(calls.at(-1)).toMatchObject({
          instanceId: product.id,
          tool: 'get_repository',
          outcome: 'ok',
          client: { name: 'Claude Desktop' },
        });
        expectNoSecretsIn(product.dataDir, [accessToken, refreshToken]);
      } finally {
        await device.close();
      }
    },
    60_000,
  );
});
