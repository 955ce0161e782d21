import { describe, expect, it } from 'vitest';
import { machine, windowsEnv } from '../../../../test/core/clients/fake-machine';
import { CLAUDE_MSIX_PACKAGE, clientAdapter } from './index';

const classicPath = 'C:\\Users\\ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json';

describe('Claude Desktop on Windows: Store (MSIX) or classic install', () => {
  const claude = clientAdapter('claude-desktop');
  const packageDir = `C:\\Users\\ada\\AppData\\Local\\Packages\\${CLAUDE_MSIX_PACKAGE}`;

  it('writes inside the MSIX package folder when the package is installed', () => {
    const msix = machine({
      platform: 'win32',
      home: 'C:\\Users\\ada',
      env: windowsEnv,
      existing: [packageDir],
    });
    expect(claude.configPath(msix)).toBe(
      `${packageDir}\\LocalCache\\Roaming\\Claude\\claude_desktop_config.json`,
    );
  });

  it('prefers the MSIX location even when a stale classic %APPDATA% config exists', () => {
    const both = machine({
      platform: 'win32',
      home: 'C:\\Users\\ada',
      env: windowsEnv,
      existing: [packageDir, 'C:\\Users\\ada\\AppData\\Roaming\\Claude'],
    });
    expect(claude.configPath(both)).toContain(
      '\\Packages\\Claude_pzs8sxrjxfjjc\\LocalCache\\Roaming\\Claude\\',
    );
  });

  it('writes to %APPDATA%\\Claude for the classic installer', () => {
    const classic = machine({
      platform: 'win32',
      home: 'C:\\Users\\ada',
      env: windowsEnv,
      existing: ['C:\\Users\\ada\\AppData\\Roaming\\Claude'],
    });
    expect(claude.configPath(classic)).toBe(classicPath);
  });

  it('uses a custom LOCALAPPDATA to find the package', () => {
    const env = { ...windowsEnv, LOCALAPPDATA: 'D:\\Local' };
    const moved = machine({
      platform: 'win32',
      home: 'C:\\Users\\ada',
      env,
      existing: [`D:\\Local\\Packages\\${CLAUDE_MSIX_PACKAGE}`],
    });
    expect(claude.configPath(moved)).toBe(
      `D:\\Local\\Packages\\${CLAUDE_MSIX_PACKAGE}\\LocalCache\\Roaming\\Claude\\claude_desktop_config.json`,
    );
  });

  it('is never MSIX off Windows', () => {
    const odd = machine({ platform: 'darwin', home: '/Users/ada', existing: [packageDir] });
    expect(claude.configPath(odd)).toBe(
      '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json',
    );
  });
});
