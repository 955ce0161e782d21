import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretAccount } from '../secrets/secret-store';
import { setup } from '../../../test/core/support/account-fixture';
import { brokerClient } from '../../../test/core/support/broker-client';
import { until } from '../../../test/core/support/served-core';

describe('accounts: OAuth sign-in wired into instances', () => {
  it('needs sign-in, signs in through the browser, and the server gets a working token', async () => {
    const { core, browser, waitState, whoami, dataDir } = await setup();
    await waitState('needs-auth');
    expect(core.services.instances.get('acct').stateReason).toBe('Sign in to Test ID to use Account.');

    const finished: unknown[] = [];
    core.bus.on('signInFinished', (event) => finished.push(event));
    const start = await core.services.accounts.start('acct', true);
    expect(start.kind).toBe('browser');
    expect(browser.opened).toHaveLength(1);
    // A second Connect returns the same flow instead of opening another tab.
    expect(await core.services.accounts.start('acct', true)).toEqual(start);
    expect(browser.opened).toHaveLength(1);

    const running = waitState('running');
    await browser.authorize(browser.lastOpened, { login: 'ada' });
    const account = await core.services.accounts.wait('acct');
    expect(account).toMatchObject({ signedIn: true, label: 'ada@example.test', pending: false });
    // The shell brings its window forward on this.
    expect(finished).toEqual([{ id: 'acct', ok: true, message: null }]);
    await running;
    expect(await whoami()).toContain('ada@example.test');
    const settings = fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain('"accountLabel": "ada@example.test"');
    expect(settings).not.toMatch(/accessToken|refreshToken/);
  });

  it('refreshes before expiry, restarts the server with the new token, and calls keep working', async () => {
    const { core, browser, waitState, whoami } = await setup(3);
    await waitState('needs-auth');
    await core.services.accounts.start('acct', true);
    await browser.authorize(browser.lastOpened, { login: 'ada' });
    await core.services.accounts.wait('acct');
    await waitState('running');
    const firstPid = core.services.instances.get('acct').pid;
    // 80 % of a 3 s token: a refresh, then a restart with the new token, before the old one dies.
    await new Promise<void>((resolve) => {
      const off = core.bus.on('instanceStateChanged', ({ id, transition }) => {
        if (
          id === 'acct' &&
          transition.state === 'running' &&
          core.services.instances.get('acct').pid !== firstPid
        ) {
          off();
          resolve();
        }
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // past the first token's expiry
    const after = core.services.instances.get('acct');
    expect(after.state).toBe('running');
    expect(after.pid).not.toBe(firstPid);
    expect(await whoami()).toContain('ada@example.test');
  });

  it('a refresh waits for the call in flight, holds new calls, and drops none', async () => {
    const { core, browser, waitState } = await setup();
    await waitState('needs-auth');
    await core.services.accounts.start('acct', true);
    await browser.authorize(browser.lastOpened, { login: 'ada' });
    await core.services.accounts.wait('acct');
    await waitState('running');
    const client = await brokerClient(core, 'acct');
    const firstPid = core.services.instances.get('acct').pid;
    const slow = client.callTool({ name: 'slow_whoami' });
    await until(() => core.broker.load('acct').active === 1, 'the slow call to reach the server');
    const refreshed = core.services.accounts.refreshNow('acct');
    await until(() => core.broker.load('acct').holding, 'new calls to be held');
    const held = client.callTool({ name: 'whoami' });
    expect(JSON.stringify((await slow).content)).toContain('ada@example.test');
    expect(JSON.stringify((await held).content)).toContain('ada@example.test');
    await refreshed;
    expect(core.services.instances.get('acct').pid).not.toBe(firstPid);
    await client.close();
  });

  it('a refused refresh (an old, rotated refresh token) puts the instance in needs-auth', async () => {
    const { core, browser, waitState, secrets } = await setup();
    await waitState('needs-auth');
    await core.services.accounts.start('acct', true);
    await browser.authorize(browser.lastOpened, { login: 'ada' });
    await core.services.accounts.wait('acct');
    await waitState('running');
    const account = secretAccount('acct', 'oauth.refresh');
    const old = secrets.values.get(account)!;
    await core.services.accounts.refreshNow('acct');
    await waitState('running');
    // Put the used refresh token back, as a stale copy would: the provider refuses it.
    secrets.values.set(account, old);
    await core.services.accounts.refreshNow('acct');
    expect(core.services.instances.get('acct').state).toBe('needs-auth');
    expect(core.services.instances.get('acct').stateReason).toMatch(/sign in again/i);
  });

  it('signing out deletes the tokens and stops the server', async () => {
    const { core, browser, waitState, secrets } = await setup();
    await waitState('needs-auth');
    await core.services.accounts.start('acct', true);
    await browser.authorize(browser.lastOpened, { login: 'ada' });
    await core.services.accounts.wait('acct');
    await waitState('running');
    const info = await core.services.accounts.signOut('acct');
    expect(info.signedIn).toBe(false);
    expect([...secrets.values.keys()].filter((k) => k.startsWith('acct:'))).toEqual([]);
    expect(core.services.instances.get('acct')).toMatchObject({ state: 'needs-auth', pid: null });
  });
});
