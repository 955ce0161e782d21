import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AccountInfo, CatalogEntry, SignInStart } from '../../shared/contract';
import { startDeviceServer } from '../../../test/core/auth/test-device-server';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { ROOT } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

/** The real GitHub manifest, its device flow pointed at a local authorization server. */
async function githubServers(bundled: object | null) {
  const device = await startDeviceServer({ answers: ['authorization_pending'], interval: 1 });
  onTestFinished(() => device.close());
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'servers/github/manifest.json'), 'utf8'));
  const auth = manifest._meta['dev.mcptray'].auth;
  auth.deviceAuthorizationEndpoint = device.deviceAuthorizationEndpoint;
  auth.tokenEndpoint = device.tokenEndpoint;
  delete auth.userinfoEndpoint;
  const servers = tempDir();
  fs.mkdirSync(path.join(servers, 'github', 'dist'), { recursive: true });
  fs.writeFileSync(path.join(servers, 'github', 'manifest.json'), JSON.stringify(manifest));
  // What scripts/build-node.mjs writes when MCP_TRAY_GITHUB_CLIENT_ID is set at build time.
  if (bundled)
    fs.writeFileSync(path.join(servers, 'github', 'dist', 'oauth-client.json'), JSON.stringify(bundled));
  const core = createTestCore(tempDir(), { builtInServersDir: servers, secrets: new MemorySecretStore() });
  onTestFinished(() => core.stop());
  await core.start();
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const answer = await core.dispatcher.dispatch(name, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as T;
  };
  return { call, device };
}

describe('OAuth clients bundled at build time', () => {
  it('a build with one offers one-click sign-in with its client id', async () => {
    const { call, device } = await githubServers({ clientId: 'device-client' });
    const entry = (await call<CatalogEntry[]>('listCatalog', {})).find((e) => e.id === 'github')!;
    expect(entry.needsOwnClient).toBe(false);
    await call('addCatalogInstance', { integrationId: 'github', id: 'gh' });
    const start = await call<SignInStart>('startSignIn', { id: 'gh', openBrowser: false });
    expect(start).toMatchObject({ kind: 'device', userCode: 'WDJB-MJHT' });
    expect(
      start.kind === 'device' &&
        start.verificationUri.startsWith(device.deviceAuthorizationEndpoint.replace('/device', '')),
    ).toBe(true);
    await call('cancelSignIn', { id: 'gh' });
  });

  it('a build without one keeps the own-client steps', async () => {
    const { call } = await githubServers(null);
    const entry = (await call<CatalogEntry[]>('listCatalog', {})).find((e) => e.id === 'github')!;
    expect(entry.needsOwnClient).toBe(true);
    expect(entry.clientSetup?.title).toBe('Use your own GitHub OAuth App');
    await call('addCatalogInstance', { integrationId: 'github', id: 'gh' });
    const detail = await call<{ account: AccountInfo }>('getInstance', { id: 'gh' });
    expect(detail.account.needsClientId).toBe(true);
    await expect(call('startSignIn', { id: 'gh', openBrowser: false })).rejects.toThrow();
  });

  it('a malformed bundled client is ignored, not half-applied', async () => {
    const { call } = await githubServers({ clientId: '' });
    const entry = (await call<CatalogEntry[]>('listCatalog', {})).find((e) => e.id === 'github')!;
    expect(entry.needsOwnClient).toBe(true);
  });
});
