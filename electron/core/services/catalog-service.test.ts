import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { configSecretAccount } from '../integrations/launch-spec';
import { MemorySecretStore } from '../../../test/core/support/memory-secret-store';
import { FIXTURES } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';

async function catalogCore() {
  const dataDir = tempDir();
  const servers = path.join(dataDir, 'servers');
  const dir = path.join(servers, 'notes');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'icon.svg'), ICON);
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: '0.3',
      name: 'notes',
      display_name: 'Notes',
      version: '1.0.0',
      description: 'Search your notes.',
      author: { name: 'MCP Tray' },
      icon: 'icon.svg',
      server: {
        type: 'node',
        mcp_config: {
          command: process.execPath,
          args: [path.join(FIXTURES, 'fixture-server.mjs')],
          env: { NOTES_KEY: '${user_config.api_key}', NOTES_LIMIT: '${user_config.limit}' },
        },
      },
      user_config: {
        api_key: { type: 'string', title: 'API key', sensitive: true, required: true },
        limit: { type: 'number', title: 'Limit', min: 1, max: 50, default: 10 },
      },
      _meta: { 'dev.mcptray': { category: 'built-in', runtimes: ['node', 'surely-not-installed-tool'] } },
    }),
  );
  const secrets = new MemorySecretStore();
  const core = createTestCore(dataDir, { builtInServersDir: servers, secrets });
  onTestFinished(() => core.stop());
  await core.start();
  return { core, secrets, dataDir };
}

describe('catalog', () => {
  it('lists integrations with icon, fields, needs, runtimes found, and what will run', async () => {
    const { core } = await catalogCore();
    const entries = await core.services.catalog.list();
    const notes = entries.find((e) => e.id === 'notes')!;
    expect(notes).toMatchObject({
      name: 'Notes',
      category: 'built-in',
      auth: 'api-key',
      icon: `data:image/svg+xml;base64,${Buffer.from(ICON).toString('base64')}`,
      needsOwnClient: false,
      launch: { command: process.execPath, envNames: ['NOTES_LIMIT', 'NOTES_KEY'] },
    });
    expect(notes.runtimes).toEqual([
      { name: 'node', found: true, hint: null },
      { name: 'surely-not-installed-tool', found: false, hint: 'Install surely-not-installed-tool.' },
    ]);
    expect(entries[0]!.category).toBe('built-in');
  });

  it('adds an instance: secrets to the keychain only, settings checked in words', async () => {
    const { core, secrets, dataDir } = await catalogCore();
    const add = (input: Record<string, unknown>) =>
      core.services.catalog.add({ integrationId: 'notes', ...input } as never);
    await expect(add({})).rejects.toThrow('"API key" is required.');
    await expect(add({ secrets: { api_key: 'k' }, userConfig: { limit: 99 } })).rejects.toThrow(
      '"Limit" must be at most 50.',
    );
    await expect(add({ secrets: { api_key: 'k' }, userConfig: { colour: 'red' } })).rejects.toThrow(
      'Notes has no setting "colour".',
    );
    await expect(add({ userConfig: { api_key: 'in-the-open' } })).rejects.toThrow('is secret');
    const summary = await add({ secrets: { api_key: 'notes-secret-123' }, userConfig: { limit: 5 } });
    expect(summary).toMatchObject({ id: 'notes', name: 'Notes', integrationId: 'notes' });
    expect(secrets.values.get(configSecretAccount('notes', 'api_key'))).toBe('notes-secret-123');
    const settings = fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain('notes-secret-123');
    expect(JSON.parse(settings).instances[0]).toMatchObject({
      userConfig: { limit: 5 },
      secretFields: ['api_key'],
    });
    // A new key (the provider rejected the old one): keychain updated, settings kept.
    await core.services.catalog.update({ id: 'notes', secrets: { api_key: 'notes-secret-new' } });
    expect(secrets.values.get(configSecretAccount('notes', 'api_key'))).toBe('notes-secret-new');
    expect(
      JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).instances[0],
    ).toMatchObject({
      userConfig: { limit: 5 },
    });
    // The detail shows the saved settings and which secrets are stored, never a secret's value.
    const detail = core.services.instances.get('notes');
    expect(detail).toMatchObject({ userConfig: { limit: 5 }, secretFields: ['api_key'] });
    expect(JSON.stringify(detail)).not.toContain('notes-secret');
    await expect(core.services.catalog.update({ id: 'notes', userConfig: { limit: 0 } })).rejects.toThrow(
      '"Limit" must be at least 1.',
    );
    // What its Settings tab shows: the entry's fields; a custom command has none to show.
    expect((await core.services.catalog.ofInstance('notes'))?.fields.map((f) => f.key)).toEqual([
      'api_key',
      'limit',
    ]);
    await core.services.instances.addCustom({ id: 'own', name: 'Own', command: process.execPath, args: [] });
    expect(await core.services.catalog.ofInstance('own')).toBeNull();
    await expect(core.services.catalog.ofInstance('nope')).rejects.toThrow(
      'There is no service called "nope".',
    );
    // A second one gets a free id; removing it deletes its secrets.
    const second = await add({ secrets: { api_key: 'other-secret-456' } });
    expect(second.id).toBe('notes-2');
    await core.services.instances.remove('notes-2');
    expect(secrets.values.has(configSecretAccount('notes-2', 'api_key'))).toBe(false);
  });
});
