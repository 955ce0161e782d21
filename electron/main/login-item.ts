import os from 'node:os';
import { app } from 'electron';
import { XdgAutostart, loginCommand } from '../core/platform/xdg-autostart';

/** Launch at login, the same switch on every platform. */
export interface LoginItem {
  enabled(): boolean;
  setEnabled(enabled: boolean): void;
}

const HIDDEN = ['--hidden'];

/**
 * macOS opened the app as a login item (it passes no arguments there). Windows and Linux pass
 * `--hidden`, which `parseLaunchArgs` reads. Call once the app is ready.
 */
export function openedAtLogin(): boolean {
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}

/**
 * macOS and Windows: Electron's login item (Windows passes `--hidden`; macOS reports
 * `wasOpenedAtLogin`). Linux: an XDG autostart entry, since Electron has no login items there.
 */
export function createLoginItem(): LoginItem {
  if (process.platform === 'linux') {
    const autostart = new XdgAutostart({
      env: process.env,
      home: os.homedir(),
      argv: loginCommand({
        execPath: process.execPath,
        env: process.env,
        packaged: app.isPackaged,
        appPath: app.getAppPath(),
      }),
    });
    return { enabled: () => autostart.isEnabled(), setEnabled: (enabled) => autostart.set(enabled) };
  }
  return {
    enabled: () => app.getLoginItemSettings({ args: HIDDEN }).openAtLogin,
    setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, args: HIDDEN }),
  };
}
