import os from 'node:os';
import type { App, LoginItemSettings, LoginItemSettingsOptions } from 'electron';
import { XdgAutostart, loginCommand } from '../core/platform/xdg-autostart';

/** Launch at login, the same switch on every platform. */
export interface LoginItem {
  enabled(): boolean;
  setEnabled(enabled: boolean): void;
}

const HIDDEN = ['--hidden'];

/** What the shell reads of Electron's login item settings. */
type LoginState = Pick<LoginItemSettings, 'openAtLogin' | 'wasOpenedAtLogin'>;

/** The parts of Electron's `app` that login items use. */
export interface LoginApp extends Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'> {
  getLoginItemSettings(options?: Pick<LoginItemSettingsOptions, 'args'>): LoginState;
}

/**
 * macOS opened the app as a login item (it passes no arguments there). Windows and Linux pass
 * `--hidden`, which `parseLaunchArgs` reads. Call once the app is ready.
 */
export function openedAtLogin(
  app: Pick<LoginApp, 'getLoginItemSettings'>,
  platform: NodeJS.Platform = process.platform,
): boolean {
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}

/** The machine the login item is for (this one when omitted). */
export interface LoginHost {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/**
 * macOS and Windows: Electron's login item (Windows passes `--hidden`; macOS reports
 * `wasOpenedAtLogin`). Linux: an XDG autostart entry, since Electron has no login items there.
 */
export function createLoginItem(
  app: LoginApp,
  { platform = process.platform, env = process.env, home = os.homedir() }: LoginHost = {},
): LoginItem {
  if (platform === 'linux') {
    const autostart = new XdgAutostart({
      env,
      home,
      argv: loginCommand({
        execPath: process.execPath,
        env,
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
