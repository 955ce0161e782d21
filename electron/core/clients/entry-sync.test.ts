import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { claudeDesktopAdapter, codexAdapter, vscodeAdapter } from './adapters/index';
import { connectorEntry } from './connector-entry';
import { entrySyncChanges } from './entry-sync';
import { nodeAdapterContext } from './node-adapter-context';
import {
  claudeUserConfig,
  fixtureFile,
  testRuntime,
  testWriter,
} from '../../../test/core/clients/test-helpers';

const theirs = { command: 'npx', args: ['-y', 'their-server'], env: { KEY: 'secret' } };
const ours = (id: string) => vscodeAdapter.toEntry(connectorEntry(testRuntime, id, null));

describe('entrySyncChanges', () => {
  it('adds wanted instances, keeps names, removes our stale entries, never touches theirs', () => {
    const changes = entrySyncChanges({
      adapter: vscodeAdapter,
      entries: {
        git: theirs,
        'old-one': ours('old-one'),
        'files-renamed': ours('files'),
        'dup-files': ours('files'),
      },
      instanceIds: ['files', 'git'],
      runtime: testRuntime,
      dataDir: null,
    });
    expect(Object.keys(changes.set)).toEqual(['files-renamed', 'git-mcp-tray']);
    expect(changes.set['git-mcp-tray']).toEqual(ours('git'));
    expect(changes.remove.sort()).toEqual(['dup-files', 'old-one']);
  });

  it('gives two instances distinct names even when their natural names collide', () => {
    const changes = entrySyncChanges({
      adapter: vscodeAdapter,
      entries: { x: theirs },
      instanceIds: ['x', 'x-mcp-tray'],
      runtime: testRuntime,
      dataDir: '/data',
    });
    expect(Object.keys(changes.set)).toEqual(['x-mcp-tray', 'x-mcp-tray-mcp-tray']);
    expect(changes.remove).toEqual([]);
  });

  it('ends to end: reads a real Claude Desktop file, syncs, and is then a no-op', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const writer = testWriter();
    const sync = async (instanceIds: string[]) => {
      const { raw } = await writer.read(claudeDesktopAdapter, file);
      const changes = entrySyncChanges({
        adapter: claudeDesktopAdapter,
        entries: raw,
        instanceIds,
        runtime: testRuntime,
        dataDir: null,
      });
      return writer.apply(claudeDesktopAdapter, file, changes);
    };
    expect((await sync(['filesystem', 'git'])).changed).toBe(true);
    expect(Object.keys((await writer.read(claudeDesktopAdapter, file)).raw)).toEqual([
      'filesystem',
      'filesystem-mcp-tray',
      'git',
    ]);
    expect((await sync(['filesystem', 'git'])).changed).toBe(false);
    await sync([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(claudeUserConfig);
  });
});

describe('entries run by the packaged app (ELECTRON_RUN_AS_NODE)', () => {
  const packaged = {
    command: '/opt/MCP Tray/mcp-tray',
    args: ['/opt/MCP Tray/resources/app.asar.unpacked/dist/cli/mcp-tray.mjs'],
    env: { ELECTRON_RUN_AS_NODE: '1' },
  };

  it('writes the env into JSON and TOML files, recognises the entries as ours, and removes them cleanly', async () => {
    const writer = testWriter();
    for (const [adapter, name, original] of [
      [claudeDesktopAdapter, 'claude_desktop_config.json', claudeUserConfig],
      [
        codexAdapter,
        'config.toml',
        'model = "o4-mini"\n\n[mcp_servers.theirs]\ncommand = "npx"\nargs = ["-y", "x"]\n',
      ],
    ] as const) {
      const file = fixtureFile(name, original);
      const sync = async (instanceIds: string[]) => {
        const { raw } = await writer.read(adapter, file);
        const changes = entrySyncChanges({
          adapter,
          entries: raw,
          instanceIds,
          runtime: packaged,
          dataDir: null,
        });
        return writer.apply(adapter, file, changes);
      };
      expect((await sync(['notes'])).changed).toBe(true);
      const { raw } = await writer.read(adapter, file);
      expect(adapter.readEntry(raw.notes)).toEqual({
        command: packaged.command,
        args: [...packaged.args, 'connect', 'notes'],
        env: { ELECTRON_RUN_AS_NODE: '1' },
      });
      expect((await sync(['notes'])).changed, `${adapter.id} is stable`).toBe(false);
      await sync([]);
      expect(fs.readFileSync(file, 'utf8'), adapter.id).toBe(original);
    }
  });
});

describe('nodeAdapterContext', () => {
  it('answers from the real file system', () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, '.lmstudio-home-pointer'), '/elsewhere\n');
    const ctx = nodeAdapterContext({ platform: 'linux', home, env: {} });
    expect(ctx.exists(home)).toBe(true);
    expect(ctx.exists(path.join(home, 'nope'))).toBe(false);
    expect(ctx.readText(path.join(home, '.lmstudio-home-pointer'))).toBe('/elsewhere\n');
    expect(ctx.readText(path.join(home, 'nope'))).toBeNull();
  });
});
