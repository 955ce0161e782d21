import { describe, expect, it } from 'vitest';
import type { ClientId } from '../client-adapter';
import { machine, windowsEnv } from '../../../../test/core/clients/fake-machine';
import { clientAdapter, clientAdapters } from './index';

const mac = machine({ platform: 'darwin', home: '/Users/ada' });
const linux = machine({ platform: 'linux', home: '/home/ada' });
const windows = machine({ platform: 'win32', home: 'C:\\Users\\ada', env: windowsEnv });

const expected: Record<ClientId, { darwin: string; win32: string; linux: string }> = {
  'claude-desktop': {
    darwin: '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json',
    win32: 'C:\\Users\\ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
    linux: '/home/ada/.config/Claude/claude_desktop_config.json',
  },
  'claude-code': {
    darwin: '/Users/ada/.claude.json',
    win32: 'C:\\Users\\ada\\.claude.json',
    linux: '/home/ada/.claude.json',
  },
  cursor: {
    darwin: '/Users/ada/.cursor/mcp.json',
    win32: 'C:\\Users\\ada\\.cursor\\mcp.json',
    linux: '/home/ada/.cursor/mcp.json',
  },
  vscode: {
    darwin: '/Users/ada/Library/Application Support/Code/User/mcp.json',
    win32: 'C:\\Users\\ada\\AppData\\Roaming\\Code\\User\\mcp.json',
    linux: '/home/ada/.config/Code/User/mcp.json',
  },
  windsurf: {
    darwin: '/Users/ada/.codeium/windsurf/mcp_config.json',
    win32: 'C:\\Users\\ada\\.codeium\\windsurf\\mcp_config.json',
    linux: '/home/ada/.codeium/windsurf/mcp_config.json',
  },
  'gemini-cli': {
    darwin: '/Users/ada/.gemini/settings.json',
    win32: 'C:\\Users\\ada\\.gemini\\settings.json',
    linux: '/home/ada/.gemini/settings.json',
  },
  'lm-studio': {
    darwin: '/Users/ada/.lmstudio/mcp.json',
    win32: 'C:\\Users\\ada\\.lmstudio\\mcp.json',
    linux: '/home/ada/.lmstudio/mcp.json',
  },
  zed: {
    darwin: '/Users/ada/.config/zed/settings.json',
    win32: 'C:\\Users\\ada\\AppData\\Roaming\\Zed\\settings.json',
    linux: '/home/ada/.config/zed/settings.json',
  },
  codex: {
    darwin: '/Users/ada/.codex/config.toml',
    win32: 'C:\\Users\\ada\\.codex\\config.toml',
    linux: '/home/ada/.codex/config.toml',
  },
};

describe('client adapters: config paths', () => {
  it('covers the nine clients, Claude Desktop first, each with a doc link and a reload hint', () => {
    expect(clientAdapters.map((a) => a.id)).toEqual(Object.keys(expected));
    for (const adapter of clientAdapters) {
      expect(adapter.docs.length).toBeGreaterThan(0);
      expect(adapter.docs.every((url) => url.startsWith('https://'))).toBe(true);
      expect(adapter.reloadHint).toMatch(/\S/);
      expect(adapter.reloadHint).not.toContain('\n');
    }
  });

  for (const [platform, ctx] of [
    ['darwin', mac],
    ['win32', windows],
    ['linux', linux],
  ] as const) {
    it(`resolves every client's file on ${platform}`, () => {
      for (const adapter of clientAdapters) {
        expect(adapter.configPath(ctx), adapter.id).toBe(expected[adapter.id][platform]);
      }
    });
  }

  it('falls back to AppData under the home folder when APPDATA/LOCALAPPDATA are unset', () => {
    const bare = machine({ platform: 'win32', home: 'C:\\Users\\ada' });
    expect(clientAdapter('claude-desktop').configPath(bare)).toBe(expected['claude-desktop'].win32);
    expect(clientAdapter('vscode').configPath(bare)).toBe(expected.vscode.win32);
  });

  it('follows XDG_CONFIG_HOME on Linux, but not a relative one', () => {
    const xdg = machine({ platform: 'linux', home: '/home/ada', env: { XDG_CONFIG_HOME: '/xdg' } });
    expect(clientAdapter('claude-desktop').configPath(xdg)).toBe('/xdg/Claude/claude_desktop_config.json');
    expect(clientAdapter('vscode').configPath(xdg)).toBe('/xdg/Code/User/mcp.json');
    expect(clientAdapter('zed').configPath(xdg)).toBe('/xdg/zed/settings.json');
    const relative = machine({ platform: 'linux', home: '/home/ada', env: { XDG_CONFIG_HOME: 'cfg' } });
    expect(clientAdapter('zed').configPath(relative)).toBe(expected.zed.linux);
    // Zed on macOS uses ~/.config/zed whatever XDG says.
    const macXdg = machine({ platform: 'darwin', home: '/Users/ada', env: { XDG_CONFIG_HOME: '/xdg' } });
    expect(clientAdapter('zed').configPath(macXdg)).toBe(expected.zed.darwin);
  });

  it('honours each client own home override', () => {
    const env = {
      CLAUDE_CONFIG_DIR: '/cfg/claude',
      GEMINI_CLI_HOME: '/cfg/gemini',
      CODEX_HOME: '/cfg/codex',
    };
    const ctx = machine({ platform: 'linux', home: '/home/ada', env });
    expect(clientAdapter('claude-code').configPath(ctx)).toBe('/cfg/claude/.claude.json');
    expect(clientAdapter('gemini-cli').configPath(ctx)).toBe('/cfg/gemini/.gemini/settings.json');
    expect(clientAdapter('codex').configPath(ctx)).toBe('/cfg/codex/config.toml');
    const flatpak = machine({
      platform: 'linux',
      home: '/home/ada',
      env: { FLATPAK_XDG_CONFIG_HOME: '/fp' },
    });
    expect(clientAdapter('zed').configPath(flatpak)).toBe('/fp/zed/settings.json');
  });

  it("finds LM Studio's home through its pointer file, then the legacy cache folder", () => {
    const lm = clientAdapter('lm-studio');
    const pointed = machine({
      platform: 'darwin',
      home: '/Users/ada',
      files: { '/Users/ada/.lmstudio-home-pointer': '/Volumes/big/lmstudio\n' },
    });
    expect(lm.configPath(pointed)).toBe('/Volumes/big/lmstudio/mcp.json');
    const legacy = machine({
      platform: 'darwin',
      home: '/Users/ada',
      existing: ['/Users/ada/.cache/lm-studio'],
    });
    expect(lm.configPath(legacy)).toBe('/Users/ada/.cache/lm-studio/mcp.json');
  });
});

describe('client adapters: detection and entry shapes', () => {
  it('writes each client its own stdio shape, with env only when the runtime needs one', () => {
    const launch = { command: '/usr/bin/node', args: ['/app/mcp-tray.mjs', 'connect', 'files'] };
    const packaged = {
      command: '/opt/MCP Tray/mcp-tray',
      args: ['/opt/MCP Tray/resources/app.asar.unpacked/dist/cli/mcp-tray.mjs', 'connect', 'files'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    };
    for (const entry of [launch, packaged]) {
      const shapes = Object.fromEntries(clientAdapters.map((a) => [a.id, a.toEntry(entry)]));
      expect(shapes).toEqual({
        'claude-desktop': entry,
        'claude-code': { type: 'stdio', ...entry },
        cursor: entry,
        vscode: { type: 'stdio', ...entry },
        windsurf: entry,
        'gemini-cli': entry,
        'lm-studio': entry,
        zed: { source: 'custom', ...entry },
        codex: entry,
      });
      // What the client reads back is what we wrote (drift and "is this ours" rely on it).
      for (const adapter of clientAdapters) {
        expect(adapter.readEntry(adapter.toEntry(entry)), adapter.id).toEqual({ env: {}, ...entry });
      }
    }
  });

  it('writes HTTP entries only for the clients whose docs describe URL + headers', () => {
    const url = 'http://127.0.0.1:7712/mcp/files';
    const headers = { Authorization: 'Bearer x' };
    const shapes = Object.fromEntries(
      clientAdapters.filter((a) => a.http).map((a) => [a.id, a.http!.toEntry(url, headers)]),
    );
    expect(shapes).toEqual({
      'claude-code': { type: 'http', url, headers },
      cursor: { url, headers },
      vscode: { type: 'http', url, headers },
    });
    for (const adapter of clientAdapters.filter((a) => a.http)) {
      expect(
        adapter.http!.docs.every((doc) => adapter.docs.includes(doc)),
        adapter.id,
      ).toBe(true);
      // Their HTTP entries are not stdio servers (never offered for import).
      expect(adapter.readEntry(adapter.http!.toEntry(url, headers))).toBeNull();
    }
  });

  it('reads user entries back for import, with env, and skips remote ones', () => {
    const read = clientAdapter('cursor').readEntry;
    expect(read({ command: 'npx', args: ['-y', 'server'], env: { TOKEN: 'x', PORT: 3 } })).toEqual({
      command: 'npx',
      args: ['-y', 'server'],
      env: { TOKEN: 'x', PORT: '3' },
    });
    expect(read({ url: 'https://example.com/mcp' })).toBeNull();
    expect(read({ type: 'http', url: 'https://example.com/mcp' })).toBeNull();
    expect(read('nonsense')).toBeNull();
    expect(read({ command: 'uvx' })).toEqual({ command: 'uvx', args: [], env: {} });
    // Zed's older custom servers nest the command.
    expect(
      clientAdapter('zed').readEntry({
        command: { path: 'node', args: ['s.js'], env: { A: '1' } },
        settings: {},
      }),
    ).toEqual({ command: 'node', args: ['s.js'], env: { A: '1' } });
  });
});
