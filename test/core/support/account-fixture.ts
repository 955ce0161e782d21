import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { InstanceState } from '../../../electron/shared/contract';
import { TestBrowser } from '../auth/test-browser';
import type { TestProvider } from '../auth/test-oidc-provider';
import { startTestProvider } from '../auth/test-oidc-provider';
import { brokerClient } from './broker-client';
import { MemorySecretStore } from './memory-secret-store';
import { tempDir } from './temp-dirs';
import { createTestCore } from './test-core';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../electron/core/supervisor/fixtures/token-server.mjs',
);

/**
 * Test helper: a core with one built-in integration (`acct`) that signs in at a real test
 * provider and runs a server that needs the token. `auth` overrides the manifest's auth block.
 */
/** A built-in integration that signs in at the test provider and needs the token. */
export async function setup(accessTokenTtl = 60, auth: Record<string, unknown> = {}) {
  const provider: TestProvider = await startTestProvider({ accessTokenTtl });
  onTestFinished(() => provider.close());
  const dataDir = tempDir();
  const servers = path.join(dataDir, 'servers');
  fs.mkdirSync(path.join(servers, 'tokened'), { recursive: true });
  fs.writeFileSync(
    path.join(servers, 'tokened', 'manifest.json'),
    JSON.stringify({
      manifest_version: '0.3',
      name: 'tokened',
      display_name: 'Test ID',
      version: '1.0.0',
      description: 'needs a sign-in',
      author: { name: 'tests' },
      server: {
        type: 'node',
        mcp_config: {
          command: process.execPath,
          args: [FIXTURE],
          env: { TEST_USERINFO_URL: `${provider.issuer}/me` },
        },
      },
      _meta: {
        'dev.mcptray': {
          auth: {
            type: 'oauth',
            issuer: provider.issuer,
            clientId: provider.clientId,
            scopes: ['openid', 'email', 'offline_access'],
            extraAuthorizationParams: { prompt: 'consent' },
            token: { env: 'TEST_ACCESS_TOKEN' },
            ...auth,
          },
        },
      },
    }),
  );
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      instances: [{ id: 'acct', name: 'Account', integrationId: 'tokened', enabled: true, createdAt: 'x' }],
    }),
  );
  const browser = new TestBrowser();
  const secrets = new MemorySecretStore();
  const core = createTestCore(dataDir, { builtInServersDir: servers, opener: browser, secrets });
  onTestFinished(() => core.stop());
  await core.start();
  const state = () => core.services.instances.get('acct').state;
  const waitState = (want: InstanceState) =>
    new Promise<void>((resolve) => {
      if (state() === want) return resolve();
      const off = core.bus.on('instanceStateChanged', ({ id, transition }) => {
        if (id === 'acct' && transition.state === want) {
          off();
          resolve();
        }
      });
    });
  /**
   * `whoami` as an AI client calls it, through the broker: a restart for a new token then waits
   * for it (the server's own client would be cut off by that restart).
   */
  const whoami = async () => {
    const client = await brokerClient(core, 'acct');
    try {
      return JSON.stringify((await client.callTool({ name: 'whoami' })).content);
    } finally {
      await client.close();
    }
  };
  /** Signs `acct` in through the test browser and waits until its server runs. */
  const signIn = async (login = 'ada') => {
    await core.services.accounts.start('acct', true);
    await browser.authorize(browser.lastOpened, { login });
    await core.services.accounts.wait('acct');
    await waitState('running');
  };
  return { core, provider, browser, secrets, dataDir, state, waitState, whoami, signIn };
}
