import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { ROOT } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';
import { configSecretAccount } from '../integrations/launch-spec';

const GOOD = 'ntn_good_secret_123';
const PAT = 'github_pat_good_456';

/** A local HTTP server standing in for GitHub's and Notion's APIs (their "who am I" requests). */
async function providerApi() {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url} ${request.headers['notion-version'] ?? ''}`.trim());
    const auth = request.headers.authorization;
    const answer = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/v1/users/me') {
      return auth === `Bearer ${GOOD}`
        ? answer(200, { object: 'user', type: 'bot', name: 'My integration' })
        : answer(401, { object: 'error', code: 'unauthorized' });
    }
    if (request.url === '/user') {
      return auth === `Bearer ${PAT}`
        ? answer(200, { login: 'octocat' })
        : answer(401, { message: 'Bad credentials' });
    }
    answer(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** An address where nothing listens: what "offline" looks like to fetch. */
async function nothingThere(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function setup() {
  const secrets = new MemorySecretStore();
  const core = createTestCore(tempDir(), { builtInServersDir: path.join(ROOT, 'servers'), secrets });
  onTestFinished(() => core.stop());
  await core.start();
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const answer = await core.dispatcher.dispatch(name, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as T;
  };
  return { core, secrets, call };
}

describe('a pasted key or token is checked when it is entered', () => {
  it('Notion: a good secret is added, a wrong one refused in words, and offline it is saved unchecked', async () => {
    const api = await providerApi();
    const { call, secrets } = await setup();
    const add = (id: string, secret: string, base: string) =>
      call('addCatalogInstance', {
        integrationId: 'notion',
        id,
        userConfig: { api_url: base },
        secrets: { integration_token: secret },
      });
    await expect(add('wrong', 'ntn_typo', api.url)).rejects.toThrow(
      'Notion did not accept this key. Check it and try again.',
    );
    expect(secrets.values.get(configSecretAccount('wrong', 'integration_token'))).toBeUndefined();
    await add('work', GOOD, api.url);
    expect(api.seen).toContain('GET /v1/users/me 2025-09-03');
    expect(secrets.values.get(configSecretAccount('work', 'integration_token'))).toBe(GOOD);

    // A new key in Settings is checked too; the old one stays when the new one is refused.
    await expect(
      call('updateInstanceSettings', { id: 'work', secrets: { integration_token: 'ntn_other' } }),
    ).rejects.toThrow('Notion did not accept this key');
    expect(secrets.values.get(configSecretAccount('work', 'integration_token'))).toBe(GOOD);

    // Offline, an API key can still be entered: it is saved, not refused.
    await add('offline', 'ntn_unchecked', await nothingThere());
    expect(secrets.values.get(configSecretAccount('offline', 'integration_token'))).toBe('ntn_unchecked');
  });

  it('GitHub: a token is checked at /user under the API address; offline says "no connection" in words', async () => {
    const api = await providerApi();
    const { call } = await setup();
    await call('addCatalogInstance', { integrationId: 'github', id: 'gh', userConfig: { api_url: api.url } });
    await expect(call('signInWithToken', { id: 'gh', token: 'github_pat_typo' })).rejects.toThrow(
      'GitHub did not accept this token. Check it and try again.',
    );
    const account = await call<{ label: string; manual: boolean }>('signInWithToken', {
      id: 'gh',
      token: PAT,
    });
    expect(account).toMatchObject({ label: 'octocat', manual: true });
    expect(api.seen.filter((line) => line === 'GET /user')).toHaveLength(2);

    const offline = await nothingThere();
    await call('addCatalogInstance', {
      integrationId: 'github',
      id: 'gh-off',
      userConfig: { api_url: offline },
    });
    const failure = call('signInWithToken', { id: 'gh-off', token: PAT });
    await expect(failure).rejects.toThrow(
      'Could not check the token with GitHub: no connection. Check your internet connection and try again.',
    );
    await expect(failure).rejects.not.toThrow(/TypeError|fetch failed/);
  });
});
