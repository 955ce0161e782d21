import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PermissionsView } from '../shared/permissions-contract';
import { until } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/mcp-tray.mjs');
const FIXTURE = path.join(ROOT, 'electron/core/supervisor/fixtures/fixture-server.mjs');
const hasBwrap = spawnSync('bwrap', ['--version']).status === 0;

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

async function serve(home: string) {
  const dataDir = path.join(home, 'data');
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, HOME: home },
    },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return dataDir;
}

const cli = (dataDir: string, args: string[]) =>
  spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { encoding: 'utf8' });
type Status = { id: string; state: string; sandbox: string };
const status = (dataDir: string) => JSON.parse(cli(dataDir, ['status', '--json']).stdout) as Status[];

describe.skipIf(!hasBwrap)('mcp-tray add --sandbox and mcp-tray permissions', () => {
  it(
    'shows the profile in words and JSON, changes it, and refuses bad paths and hosts in words',
    { timeout: 90_000 },
    async () => {
      const home = tempDir();
      const dataDir = await serve(home);
      expect(cli(dataDir, ['add', 'open', '--sandbox', 'none', '--', process.execPath, FIXTURE]).status).toBe(
        0,
      );
      expect(cli(dataDir, ['add', 'boxed', '--', process.execPath, FIXTURE]).status).toBe(0);
      const bad = cli(dataDir, ['add', 'x', '--sandbox', 'loose', '--', process.execPath, FIXTURE]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--sandbox takes standard, strict or none, not "loose"');
      await until(
        () => status(dataDir).filter((s) => s.state === 'running').length === 2,
        'both running',
        30_000,
      );
      expect(status(dataDir).map((s) => [s.id, s.sandbox])).toEqual([
        ['open', 'none'],
        ['boxed', 'standard'],
      ]);

      const words = cli(dataDir, ['permissions', 'boxed']).stdout;
      expect(words).toContain('boxed: Sandboxed (standard)');
      expect(words).toContain('Can read your files except secret stores');
      expect(words).toContain('Can reach any host on the network.');
      expect(cli(dataDir, ['permissions', 'open']).stdout).toContain(
        'Not sandboxed: it can read, change and send anything',
      );

      const grant = path.join(home, 'notes');
      fs.mkdirSync(grant);
      const refused = [
        [['--allow-write', 'notes'], '"notes" is a relative path'],
        [['--allow-read', `${grant}/../data`], 'uses ".."'],
        [['--allow-write', path.join(home, 'nope')], 'does not exist'],
        [['--deny-net', 'evil.example.com'], 'cannot be blocked alone'],
        [['--allow-net', 'https://x'], 'host name such as api.github.com'],
      ] as const;
      for (const [flags, words] of refused) {
        const result = cli(dataDir, ['permissions', 'boxed', ...flags]);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain(words);
      }
      const unchanged = JSON.parse(
        cli(dataDir, ['permissions', 'boxed', '--json']).stdout,
      ) as PermissionsView;
      expect(unchanged.profile).toEqual({ level: 'standard', allowRead: [], allowWrite: [], allowNet: [] });

      const changed = cli(dataDir, [
        'permissions',
        'boxed',
        '--level',
        'strict',
        '--allow-net',
        'api.github.com',
        '--allow-write',
        grant,
        '--json',
      ]);
      expect(changed.status).toBe(0);
      const view = JSON.parse(changed.stdout) as PermissionsView;
      expect(view.profile).toEqual({
        level: 'strict',
        allowRead: [],
        allowWrite: [grant],
        allowNet: ['api.github.com'],
      });
      expect(view.summary.join('\n')).toContain('Can reach only api.github.com on the network.');
      expect(view.deniedRead).toContain(path.join(home, '.ssh'));
      await until(
        () =>
          status(dataDir).find((s) => s.id === 'boxed' && s.state === 'running' && s.sandbox === 'strict'),
        'restarted strict',
        30_000,
      );
    },
  );
});
