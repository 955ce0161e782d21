import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { CLI, FIXTURES, cliJson, serveCore, until } from '../../../test/core/support/served-core';

const FIXTURE = path.join(FIXTURES, 'fixture-server.mjs');

async function core() {
  const home = tempDir();
  const dataDir = path.join(home, 'data');
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
  await serveCore(dataDir, env);
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { encoding: 'utf8', env, input });
  const running = (id: string) =>
    until(
      () =>
        cliJson<{ id: string; state: string }[]>(dataDir, ['status']).find(
          (s) => s.id === id && s.state === 'running',
        ),
      `${id} running`,
    );
  return { dataDir, cli, running };
}

/** What the server sees in a variable, through the connector (a real MCP client). */
async function readEnv(dataDir: string, id: string, name: string): Promise<string> {
  const client = new Client({ name: 'setup-test', version: '1' }, { capabilities: {} });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'connect', id, '--data-dir', dataDir],
      stderr: 'pipe',
    }),
  );
  const result = (await client.callTool({ name: 'read_env', arguments: { name } })) as {
    content: { text: string }[];
  };
  await client.close();
  return result.content[0]!.text;
}

describe('moving a setup to another computer', () => {
  it('exports services, profiles and client choices without secrets, and imports them into a fresh data folder under the real keychain, asking for the secret', async () => {
    const source = await core();
    const add = source.cli(
      [
        'add',
        'notes',
        '--name',
        'My notes',
        '--sandbox',
        'none',
        '--env',
        'MODE=fast',
        '--secret-env',
        'NOTES_TOKEN',
        '--',
        process.execPath,
        FIXTURE,
      ],
      'first-secret-value\n',
    );
    expect(add.status, add.stderr).toBe(0);
    await source.running('notes');
    expect(source.cli(['profiles', 'create', 'Work']).status).toBe(0);
    expect(source.cli(['profiles', 'add', 'Work', 'notes:echo']).status).toBe(0);
    expect(source.cli(['clients', 'profile', 'cursor', 'Work']).status).toBe(0);

    const exported = source.cli(['export']);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).not.toContain('first-secret-value');
    const setup = JSON.parse(exported.stdout);
    expect(setup.services).toHaveLength(1);
    expect(setup.services[0]).toMatchObject({
      id: 'notes',
      name: 'My notes',
      secretFields: ['NOTES_TOKEN'],
      launch: { command: process.execPath, args: [FIXTURE], env: { MODE: 'fast' } },
    });
    expect(setup.profiles).toEqual([{ name: 'Work', services: [{ instance: 'notes', tools: ['echo'] }] }]);
    expect(setup.clients.cursor).toMatchObject({ profile: 'Work' });
    const file = path.join(tempDir(), 'setup.json');
    fs.writeFileSync(file, exported.stdout);

    const target = await core();
    // Piped without --yes: the review is shown and nothing happens.
    const unasked = target.cli(['import', file], 'x\n');
    expect(unasked.status).toBe(2);
    expect(unasked.stderr).toContain(`notes (My notes): ${process.execPath} ${FIXTURE}`);
    expect(unasked.stderr).toContain('secrets (asked now, kept in the keychain): NOTES_TOKEN');
    expect(cliJson<unknown[]>(target.dataDir, ['status'])).toEqual([]);

    const imported = target.cli(['import', file, '--yes'], 'second-secret-value\n');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported: notes');
    await target.running('notes');
    expect(await readEnv(target.dataDir, 'notes', 'NOTES_TOKEN')).toBe('second-secret-value');
    expect(await readEnv(target.dataDir, 'notes', 'MODE')).toBe('fast');
    const profiles = cliJson<{ name: string; clients: string[] }[]>(target.dataDir, ['profiles']);
    expect(profiles.find((p) => p.name === 'Work')).toMatchObject({ clients: ['cursor'] });
    const settings = fs.readFileSync(path.join(target.dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain('second-secret-value');
  }, 90_000);

  it('refuses a file from a newer version and one with an unknown field, in words, adding nothing', async () => {
    const target = await core();
    const dir = tempDir();
    const newer = path.join(dir, 'newer.json');
    fs.writeFileSync(
      newer,
      JSON.stringify({
        mcpTraySetup: 99,
        appVersion: '9.9.9',
        exportedAt: 'x',
        services: [],
        profiles: [],
        clients: {},
      }),
    );
    const refused = target.cli(['import', newer, '--yes']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/newer MCP Tray \(9\.9\.9, setup format 99\).*Update MCP Tray/);
    const odd = path.join(dir, 'odd.json');
    fs.writeFileSync(
      odd,
      JSON.stringify({
        mcpTraySetup: 1,
        appVersion: '0',
        exportedAt: 'x',
        services: [
          {
            id: 'x',
            name: 'x',
            integrationId: 'custom',
            enabled: true,
            launch: { command: 'node', args: [], env: {}, shell: 'rm -rf ~' },
          },
        ],
      }),
    );
    const flagged = target.cli(['import', odd, '--yes']);
    expect(flagged.status).toBe(1);
    expect(flagged.stderr).toMatch(/does not know \(services\[0\]\.launch\.shell\)/);
    expect(cliJson<unknown[]>(target.dataDir, ['status'])).toEqual([]);
  }, 60_000);
});
