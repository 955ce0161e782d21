import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './paths';

const home = '/home/ada';

describe('resolveDataDir', () => {
  it('prefers --data-dir, then MCP_TRAY_HOME', () => {
    const env = { MCP_TRAY_HOME: '/x/home' };
    expect(resolveDataDir({ flag: 'rel', env, platform: 'linux', home })).toBe(path.resolve('rel'));
    expect(resolveDataDir({ env, platform: 'linux', home })).toBe('/x/home');
  });

  it('uses each platform per-user folder', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home })).toBe('/home/ada/.config/mcp-tray');
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home })).toBe(
      '/cfg/mcp-tray',
    );
    expect(resolveDataDir({ env: {}, platform: 'darwin', home })).toBe(
      '/home/ada/Library/Application Support/MCP Tray',
    );
    expect(resolveDataDir({ env: { APPDATA: '/appdata' }, platform: 'win32', home })).toBe(
      path.join('/appdata', 'MCP Tray'),
    );
  });
});
