import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { envSecretAccount } from '../integrations/launch-spec';
import { appPaths } from '../platform/paths';
import { buildZip } from '../platform/zip-writer';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { readZip } from '../../../test/core/support/read-zip';
import { FIXTURES, until } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
});

/** Looks like a word: only knowing the value (from the keychain) can take it out. */
const PASSWORD = 'CorrectHorseBatteryStaple';
const GITHUB_TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

describe('zip writer', () => {
  it('writes archives that unzip reads and tests (deflated and stored entries, UTF-8 names)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'test.zip');
    const big = 'line of text\n'.repeat(5000);
    const random = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 7919) % 256));
    fs.writeFileSync(
      file,
      await buildZip([
        { name: 'a.txt', data: big },
        { name: 'dir/ünïcode.bin', data: random },
        { name: 'empty.txt', data: '' },
      ]),
    );
    const entries = readZip(fs.readFileSync(file));
    expect(entries.get('a.txt')!.toString()).toBe(big);
    expect(entries.get('dir/ünïcode.bin')).toEqual(random);
    expect(entries.get('empty.txt')!.length).toBe(0);
    const unzip = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    if (unzip.error) return; // no unzip on this machine: fflate's reader above is the check
    expect(unzip.status).toBe(0);
    expect(unzip.stdout).toContain('No errors detected');
  });
});

describe('export diagnostics', () => {
  it('zips app info, settings, logs and calls, with every secret taken out', async () => {
    const dataDir = tempDir();
    const downloads = tempDir();
    const secrets = new MemorySecretStore();
    const core = createTestCore(dataDir, { secrets, downloadsDir: () => downloads });
    cores.push(core);
    await core.start();
    await core.services.instances.addCustom({
      id: 'notes',
      command: process.execPath,
      args: [path.join(FIXTURES, 'fixture-server.mjs')],
      env: { LOG_LEVEL: 'debug' },
      secretEnv: { NOTES_PASSWORD: PASSWORD },
    });
    expect(await secrets.get(envSecretAccount('notes', 'NOTES_PASSWORD'))).toBe(PASSWORD);
    await until(() => core.services.instances.get('notes').state === 'running', 'notes running');

    // A server that prints its credentials, and a log line that quotes a token.
    const paths = appPaths(dataDir);
    fs.appendFileSync(
      path.join(paths.logsDir, 'instances', 'notes.stderr.log'),
      `connecting with password ${PASSWORD} and token ${GITHUB_TOKEN}\n`,
    );
    fs.appendFileSync(
      paths.coreLog,
      JSON.stringify({ message: `auth header Bearer ${GITHUB_TOKEN}` }) + '\n',
    );
    await core.dispatcher.dispatch('callTool', {
      id: 'notes',
      tool: 'echo',
      arguments: { message: `my password is ${PASSWORD}` },
    });

    const envelope = await core.dispatcher.dispatch('exportDiagnostics', {});
    expect(envelope.ok).toBe(true);
    const result = (envelope as { value: { path: string; bytes: number; files: string[] } }).value;
    expect(path.dirname(result.path)).toBe(downloads);
    expect(path.basename(result.path)).toMatch(/^mcp-tray-diagnostics-.*\.zip$/);
    expect(fs.statSync(result.path).mode & 0o777).toBe(0o600);
    expect(result.files).toEqual(
      expect.arrayContaining([
        'README.txt',
        'app-info.json',
        'settings.json',
        'logs/core.log',
        'logs/instances/notes.stderr.log',
        'tool-calls.jsonl',
      ]),
    );

    const zip = fs.readFileSync(result.path);
    expect(zip.length).toBe(result.bytes);
    const entries = readZip(zip);
    const all = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(GITHUB_TOKEN);
    expect(entries.get('logs/instances/notes.stderr.log')!.toString()).toContain(
      'connecting with password [redacted] and token [redacted]',
    );
    expect(entries.get('tool-calls.jsonl')!.toString()).toContain('my password is [redacted]');
    const settings = JSON.parse(entries.get('settings.json')!.toString()) as {
      instances: { id: string; launch: { env: Record<string, string> } }[];
    };
    expect(settings.instances[0]).toMatchObject({ id: 'notes', launch: { env: { LOG_LEVEL: '[value]' } } });
    const info = JSON.parse(entries.get('app-info.json')!.toString()) as {
      version: string;
      instances: { id: string; state: string }[];
    };
    expect(info.instances[0]).toMatchObject({ id: 'notes', state: 'running' });
  });

  it('writes into the data folder when there is no Downloads folder', async () => {
    const dataDir = tempDir();
    const core = createTestCore(dataDir, { downloadsDir: () => null });
    cores.push(core);
    await core.start();
    const envelope = await core.dispatcher.dispatch('exportDiagnostics', {});
    const result = (envelope as { value: { path: string } }).value;
    expect(path.dirname(result.path)).toBe(path.join(dataDir, 'diagnostics'));
    expect(readZip(fs.readFileSync(result.path)).has('README.txt')).toBe(true);
  });
});
