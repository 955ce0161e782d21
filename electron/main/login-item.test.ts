import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoginItemSettings, Settings } from 'electron';
import { tempDir } from '../../test/core/support/temp-dirs';
import { createLoginItem, openedAtLogin } from './login-item';

/** Electron's login item settings, kept in memory as the OS would keep them. */
class LoginAppDouble {
  isPackaged = true;
  openAtLogin = false;
  wasOpenedAtLogin = false;
  readonly asked: (string[] | undefined)[] = [];
  readonly set: Settings[] = [];

  getAppPath(): string {
    return '/opt/MCP Tray/resources/app.asar';
  }
  getLoginItemSettings(options?: {
    args?: string[];
  }): Pick<LoginItemSettings, 'openAtLogin' | 'wasOpenedAtLogin'> {
    this.asked.push(options?.args);
    return { openAtLogin: this.openAtLogin, wasOpenedAtLogin: this.wasOpenedAtLogin };
  }
  setLoginItemSettings(settings: Settings): void {
    this.set.push(settings);
    this.openAtLogin = settings.openAtLogin ?? false;
  }
}

describe('launch at login', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    it(`is Electron's login item on ${platform}, started with --hidden`, () => {
      const app = new LoginAppDouble();
      const item = createLoginItem(app, { platform });
      expect(item.enabled()).toBe(false);
      item.setEnabled(true);
      expect(item.enabled()).toBe(true);
      expect(app.set).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
      expect(app.asked).toEqual([['--hidden'], ['--hidden']]);
    });
  }

  it('is an XDG autostart entry on Linux', () => {
    const home = tempDir();
    const app = new LoginAppDouble();
    const item = createLoginItem(app, { platform: 'linux', env: {}, home });
    const entry = path.join(home, '.config', 'autostart', 'mcp-tray.desktop');
    expect(item.enabled()).toBe(false);
    item.setEnabled(true);
    expect(item.enabled()).toBe(true);
    expect(fs.readFileSync(entry, 'utf8')).toMatch(/^Exec=.*--hidden/m);
    item.setEnabled(false);
    expect(fs.existsSync(entry)).toBe(false);
    expect(app.set).toEqual([]);
  });

  it('reads "opened at login" from macOS only', () => {
    const app = new LoginAppDouble();
    app.wasOpenedAtLogin = true;
    expect(openedAtLogin(app, 'darwin')).toBe(true);
    expect(openedAtLogin(app, 'linux')).toBe(false);
    app.wasOpenedAtLogin = false;
    expect(openedAtLogin(app, 'darwin')).toBe(false);
  });
});
