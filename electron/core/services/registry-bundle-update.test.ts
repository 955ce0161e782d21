import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutdatedInstance, UpdatePlan } from '../../shared/contract';
import type { FixtureEntry } from '../../../test/core/registry/test-registry-server';
import { registryCore } from '../../../test/core/support/registry-core';
import { until } from '../../../test/core/support/served-core';
import { bundleZip, guardedFixture } from '../../../test/core/support/weather-bundle';

const NAME = 'io.github.example/notes';

/** Notes at `version`: 1.1 and later ask for a folder (required); every version keeps its key. */
function notesManifest(version: string) {
  const folder = version !== '1.0.0';
  return {
    manifest_version: '0.3',
    name: 'notes',
    version,
    description: 'Notes',
    author: { name: 'Ada' },
    server: {
      type: 'node',
      entry_point: 'server.mjs',
      mcp_config: {
        command: 'node',
        args: ['${__dirname}/server.mjs'],
        env: {
          NOTES_VERSION: version,
          NOTES_KEY: '${user_config.key}',
          ...(folder ? { NOTES_FOLDER: '${user_config.folder}' } : {}),
        },
      },
    },
    user_config: {
      key: { type: 'string', title: 'Key', sensitive: true, required: true },
      ...(folder ? { folder: { type: 'directory', title: 'Folder', required: true } } : {}),
    },
  };
}

/** The registry's entry for one version (the newest is `latest`). */
const entry = (version: string, latest: boolean): FixtureEntry => ({
  server: {
    name: NAME,
    description: 'Keeps notes in a folder, as an MCP bundle.',
    version,
    packages: [
      {
        registryType: 'mcpb',
        identifier: `http://127.0.0.1:0/bundles/notes-${version}.mcpb`,
        version,
        fileSha256: '0'.repeat(64),
        transport: { type: 'stdio' },
      },
    ],
  },
  _meta: { 'io.modelcontextprotocol.registry/official': { status: 'active', isLatest: latest } },
});

/** A core whose registry offers notes 1.0.0, 1.1.0, 1.1.1 and 1.2.0 (latest), as real bundles. */
async function notesCore() {
  const served = await registryCore();
  const { registry, dir } = served;
  // Each start of a notes server (the services' and the plan's trial starts) adds a line.
  const starts = path.join(dir, 'starts.log');
  const versions = ['1.0.0', '1.1.0', '1.2.0'];
  for (const version of versions) {
    const guard = `(await import('node:fs')).appendFileSync(${JSON.stringify(starts)}, [process.env.NOTES_VERSION, process.env.NOTES_KEY, process.env.NOTES_FOLDER ?? '-'].join(' ') + '\\n');`;
    registry.bundles.set(`notes-${version}.mcpb`, bundleZip(notesManifest(version), guardedFixture(guard)));
  }
  // 1.1.1 republished 1.1.0's file as it is.
  registry.bundles.set('notes-1.1.1.mcpb', registry.bundles.get('notes-1.1.0.mcpb')!);
  registry.entries = [
    ...registry.entries.filter((e) => e.server.name !== NAME),
    ...[...versions, '1.1.1'].map((v) => entry(v, v === '1.2.0')),
  ];
  const lastStart = () => fs.readFileSync(starts, 'utf8').trim().split('\n').at(-1);
  const bundles = path.join(dir, 'data', 'bundles');
  return { ...served, lastStart, bundles, folders: () => fs.readdirSync(bundles).sort() };
}

describe('updating a registry .mcpb service', () => {
  it('unpacks the new version beside the old, carries settings and secrets over, asks for new ones, rolls back, and cleans up', async () => {
    const { call, core, running, settingsText, lastStart, bundles, folders } = await notesCore();
    const version = () => core.services.instances.list().find((s) => s.id === 'notes')?.version;

    await call('installFromRegistry', { name: NAME, version: '1.0.0', secrets: { key: 'n-1' } });
    await running('notes');
    await until(() => lastStart() === '1.0.0 n-1 -', 'version 1.0.0 started with its key');
    expect(await call<OutdatedInstance[]>('checkUpdates', {})).toEqual([
      { id: 'notes', name: NAME, current: '1.0.0', latest: '1.2.0' },
    ]);

    const plan = await call<UpdatePlan>('planUpdate', { id: 'notes', to: '1.1.0', trial: true });
    expect(plan).toMatchObject({
      from: '1.0.0',
      to: '1.1.0',
      before: { args: [path.join(bundles, 'notes', 'server.mjs')] },
      after: { args: [expect.stringMatching(/\/bundles\/notes~[0-9a-f]{16}\/server\.mjs$/)] },
      envAdded: ['NOTES_FOLDER'],
      envRemoved: [],
      missing: [{ key: 'folder', label: 'Folder', required: true, secret: false, format: 'filepath' }],
      tools: { added: [], removed: [], changed: [] },
    });
    // A plan changes nothing: the folder unpacked to compare is gone again.
    expect(folders()).toEqual(['notes']);
    expect(version()).toBe('1.0.0');

    await expect(call('applyUpdate', { id: 'notes', to: '1.1.0' })).rejects.toThrow('Required: Folder.');
    expect(folders()).toEqual(['notes']);
    // Refused after the unpack (a setting the new version does not have): its folder goes too.
    await expect(
      call('applyUpdate', { id: 'notes', to: '1.1.0', values: { folder: '/srv/notes', colour: 'red' } }),
    ).rejects.toThrow('The new version has no setting "colour".');
    expect(folders()).toEqual(['notes']);
    expect(version()).toBe('1.0.0');

    const newer = await call<{ version: string }>('applyUpdate', {
      id: 'notes',
      to: '1.1.0',
      values: { folder: '/srv/notes' },
    });
    expect(newer.version).toBe('1.1.0');
    await until(() => lastStart() === '1.1.0 n-1 /srv/notes', '1.1.0 started with the key kept');
    const unpacked = path.basename(path.dirname(plan.after.args[0]!));
    expect(folders()).toEqual(['notes', unpacked]);
    const saved = JSON.parse(settingsText()) as { instances: { bundleDir: string }[] };
    expect(saved.instances[0]!.bundleDir).toBe(path.join(bundles, unpacked));
    // Already at 1.1.0: an update to it would replace the version kept to roll back to (1.0.0,
    // whose files would go) with a copy of this one.
    for (const request of ['planUpdate', 'applyUpdate'])
      await expect(call(request, { id: 'notes', to: '1.1.0' })).rejects.toThrow(
        '"notes" is already at 1.1.0.',
      );
    expect(folders()).toEqual(['notes', unpacked]);
    // 1.1.1 is the very same file: a plan to it must leave the folder the service runs from
    // alone (a server may keep files there; it must not vanish under the running server).
    const kept = path.join(bundles, unpacked, 'kept.txt');
    fs.writeFileSync(kept, 'cache');
    const same = await call<UpdatePlan>('planUpdate', { id: 'notes', to: '1.1.1', trial: false });
    expect(same.after.args).toEqual([path.join(bundles, unpacked, 'server.mjs')]);
    expect(fs.readFileSync(kept, 'utf8')).toBe('cache');
    expect(folders()).toEqual(['notes', unpacked]);

    expect((await call<{ version: string }>('rollbackUpdate', { id: 'notes' })).version).toBe('1.0.0');
    await until(() => lastStart() === '1.0.0 n-1 -', 'rolled back to 1.0.0');
    await call('applyUpdate', { id: 'notes', to: '1.1.0', values: { folder: '/srv/notes' } });
    await until(() => lastStart() === '1.1.0 n-1 /srv/notes', 'forward to 1.1.0 again');

    // To the latest: the folder carries over; 1.0.0 is two versions back now, so its files go.
    expect((await call<{ version: string }>('applyUpdate', { id: 'notes' })).version).toBe('1.2.0');
    await until(() => lastStart() === '1.2.0 n-1 /srv/notes', '1.2.0 started');
    await running('notes');
    expect(folders()).toHaveLength(2);
    expect(folders()).not.toContain('notes');
    expect(folders()).toContain(unpacked);
    expect(await call('listUpdates', {})).toEqual([]);

    await call('removeInstance', { id: 'notes' });
    expect(folders()).toEqual([]);
  });

  it("a plan and an update at once: the plan's cleanup leaves the folder the update moved to", async () => {
    const { call, running, settingsText, folders } = await notesCore();
    await call('installFromRegistry', { name: NAME, version: '1.0.0', secrets: { key: 'n-1' } });
    await running('notes');
    // A trial plan (slow: it starts both versions) and an update to the same version, together.
    await Promise.all([
      call('planUpdate', { id: 'notes', to: '1.1.0', trial: true }),
      call('applyUpdate', { id: 'notes', to: '1.1.0', values: { folder: '/srv/notes' } }),
    ]);
    const saved = JSON.parse(settingsText()) as { instances: { bundleDir: string }[] };
    const bundleDir = saved.instances[0]!.bundleDir;
    expect(fs.existsSync(path.join(bundleDir, 'server.mjs'))).toBe(true);
    expect(folders()).toEqual(['notes', path.basename(bundleDir)]);
    await running('notes');
  });
});
