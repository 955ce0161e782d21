import { describe, expect, it } from 'vitest';
import { clientAdapter } from './adapters/index';
import { entryRepairs, isBrokenEntry } from './entry-repair';

const claude = clientAdapter('claude-desktop');
const runtime = {
  command: '/usr/bin/node',
  args: ['/app/dist/cli/mcp-tray.mjs'],
  launcher: '/data/runtime/mcp-tray',
};
const present = new Set(['/usr/bin/node', '/app/dist/cli/mcp-tray.mjs']);
const exists = (file: string) => present.has(file);

describe('entryRepairs', () => {
  it('rewrites our stale entries to the launcher, flags the broken ones, leaves the rest alone', () => {
    const entries = {
      weather: { command: 'npx', args: ['-y', 'weather-mcp'] },
      // Our entry from a folder that is gone: broken.
      notes: { command: '/usr/bin/node', args: ['/old/dist/cli/mcp-tray.mjs', 'connect', 'notes'] },
      // Our entry from the current folder, written before the launcher existed: stale, not broken.
      files: { command: '/usr/bin/node', args: ['/app/dist/cli/mcp-tray.mjs', 'connect', 'files'] },
      // Already the launcher.
      mail: { command: '/data/runtime/mcp-tray', args: ['connect', 'mail'] },
      // Another data folder's entry, and an instance this core does not have.
      other: { command: '/gone/mcp-tray', args: ['connect', 'notes', '--data-dir', '/elsewhere'] },
      ghost: { command: '/gone/mcp-tray', args: ['connect', 'ghost'] },
    };
    const result = entryRepairs({
      adapter: claude,
      entries,
      instanceIds: new Set(['notes', 'files', 'mail']),
      runtime,
      dataDir: null,
      exists,
    });
    expect(result).toEqual({
      set: {
        notes: { command: '/data/runtime/mcp-tray', args: ['connect', 'notes'] },
        files: { command: '/data/runtime/mcp-tray', args: ['connect', 'files'] },
      },
      broken: ['notes'],
    });
  });

  it('calls an entry broken when its command or script is missing', () => {
    expect(isBrokenEntry({ command: '/nope/node', args: ['connect', 'x'], env: {} }, exists)).toBe(true);
    expect(
      isBrokenEntry(
        { command: 'node', args: ['/app/dist/cli/mcp-tray.mjs', 'connect', 'x'], env: {} },
        exists,
      ),
    ).toBe(false);
  });
});
