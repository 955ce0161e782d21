import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CLI, FIXTURES, until } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';

const realKeyring = process.env.MCP_TRAY_TEST_KEYRING === '1';
const LOCK = `gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
  --method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" >/dev/null`;

/**
 * `mcp-tray serve` in its own D-Bus session whose gnome-keyring is unlocked, then locked: the
 * state of a desktop whose keyring locked itself. Its own session, so the shared test keyring
 * used by every other test stays unlocked.
 */
async function serveWithLockedKeyring() {
  const home = tempDir();
  const dataDir = path.join(home, 'data');
  const servers = path.join(home, 'servers', 'signin');
  fs.mkdirSync(servers, { recursive: true });
  fs.writeFileSync(
    path.join(servers, 'manifest.json'),
    JSON.stringify({
      manifest_version: '0.3',
      name: 'signin',
      display_name: 'Example ID',
      version: '1.0.0',
      description: 'needs a sign-in',
      author: { name: 'tests' },
      server: {
        type: 'node',
        mcp_config: { command: process.execPath, args: [path.join(FIXTURES, 'token-server.mjs')] },
      },
      _meta: {
        'dev.mcptray': {
          auth: {
            type: 'oauth',
            authorizationEndpoint: 'http://127.0.0.1:9/authorize',
            tokenEndpoint: 'http://127.0.0.1:9/token',
            clientId: 'example',
            token: { env: 'TEST_ACCESS_TOKEN' },
          },
        },
      },
    }),
  );
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      instances: [{ id: 'acct', name: 'Account', integrationId: 'signin', enabled: true, createdAt: 'x' }],
    }),
  );
  const serve = `exec "${process.execPath}" "${CLI}" serve --json --no-open --port 0 --data-dir "${dataDir}"`;
  const child: ChildProcess = spawn(
    'dbus-run-session',
    [
      '--',
      'sh',
      '-c',
      `echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; ${LOCK}; ${serve}`,
    ],
    {
      env: {
        ...process.env,
        HOME: home,
        XDG_DATA_HOME: path.join(home, '.local/share'),
        DISPLAY: '',
        MCP_TRAY_SERVERS_DIR: path.join(home, 'servers'),
      },
      // Its own process group: killing dbus-run-session alone left the core it runs behind.
      detached: true,
    },
  );
  onTestFinished(() => {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    // The keyring daemon of that session may outlive it.
    spawnSync('sh', [
      '-c',
      `for p in $(pgrep -x gnome-keyring-d); do tr '\\0' '\\n' </proc/$p/environ 2>/dev/null | grep -qx "HOME=${home}" && kill $p; done`,
    ]);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { encoding: 'utf8', input });
  return { dataDir, cli };
}

describe('a locked keychain', () => {
  it.skipIf(!realKeyring)('is named as such, and a Connect fails before any browser opens', async () => {
    const { cli } = await serveWithLockedKeyring();
    await until(() => cli(['status', '--json']).stdout.includes('needs-auth'), 'acct in needs-auth');

    const auth = cli(['auth', 'acct', '--no-browser']);
    expect(auth.status).toBe(1);
    expect(auth.stderr).toContain('The keychain is locked. Unlock your Login keyring');
    expect(auth.stdout).not.toContain('http');

    const add = cli(
      ['add', 'vault', '--secret-env', 'API_TOKEN', '--', process.execPath, '-e', '0'],
      'tok-locked\n',
    );
    expect(add.status).toBe(1);
    expect(add.stderr).toContain('The keychain is locked');
  });
});
