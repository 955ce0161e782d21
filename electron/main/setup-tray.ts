import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { App, MenuItemConstructorOptions, Tray } from 'electron';
import type { Logger } from '../core/platform/logger';
import { targetRoute } from '../core/platform/notifier';
import type { TrayAvailability } from '../core/platform/tray-availability';
import { readGnomeExtensions, trayAvailability } from '../core/platform/tray-availability';
import type { TrayAction, TrayHealth, TrayMenuItem, TrayModel } from '../shared/tray-model';
import { trayModel } from '../shared/tray-model';
import type { LoginItem } from './login-item';
import type { ShellContext } from './shell-context';
import type { ShellWindow } from './setup-window';

const REBUILD_DEBOUNCE_MS = 250;

/** Returns a function that runs `fn` once, `ms` after its last call. */
export type Debounce = (fn: () => void, ms: number) => () => void;

/** {@link Debounce} on Node's timers. */
export const timerDebounce: Debounce = (fn, ms) => {
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
};

/** One item of the tray's menu template, as `Menu.buildFromTemplate` takes it. */
export type TrayMenuTemplate = Pick<MenuItemConstructorOptions, 'label' | 'type' | 'checked' | 'enabled'> & {
  click?: () => void;
  submenu?: TrayMenuTemplate[];
};

/** The tray icon as the shell uses it (Electron's `Tray`); `M` is a built menu, `I` an image. */
export interface TrayIcon<M, I> extends Pick<Tray, 'setToolTip' | 'isDestroyed' | 'destroy'> {
  setImage(image: I): void;
  setContextMenu(menu: M | null): void;
  on(event: 'click', listener: () => void): unknown;
}

/** The Electron pieces the tray needs, given by main.ts. */
export interface TrayElectron<M, I> {
  /** `nativeImage.createFromPath`. */
  image(file: string): I;
  /** `new Tray(image)`. */
  createTray(image: I): TrayIcon<M, I>;
  /** `Menu.buildFromTemplate`. */
  buildMenu(template: TrayMenuTemplate[]): M;
  app: Pick<App, 'quit'>;
  platform: NodeJS.Platform;
  /** How state events are coalesced into one rebuild ({@link timerDebounce} when omitted). */
  debounce?: Debounce;
}

/** The icon file for a health state; macOS tints "Template" images for light and dark menu bars. */
export function trayIconPath(distDir: string, health: TrayHealth, platform: NodeJS.Platform): string {
  const file = platform === 'darwin' ? `${health}Template.png` : `${health}.png`;
  return path.join(distDir, '..', 'resources', 'tray', file);
}

const run = async (file: string, args: string[]): Promise<string> =>
  (await promisify(execFile)(file, args, { timeout: 3000, encoding: 'utf8' })).stdout;

/**
 * Whether this desktop shows tray icons. On GNOME that depends on the enabled Shell extensions,
 * read with gsettings; any failure there counts as "no tray" (the window then stays reachable).
 */
export async function detectTray(logger: Logger): Promise<TrayAvailability> {
  const gnome = /gnome/i.test(process.env.XDG_CURRENT_DESKTOP ?? '');
  const gnomeExtensions = process.platform === 'linux' && gnome ? await readGnomeExtensions(run) : null;
  const result = trayAvailability({ platform: process.platform, env: process.env, gnomeExtensions });
  logger.info('tray availability', { tray: result.tray, reason: result.reason });
  return result;
}

/**
 * The tray: icon, tooltip and menu from `trayModel`, rebuilt (debounced) on state events.
 * `onApplied` sees every model applied (the e2e probe reads the last one).
 */
export function setupTray<M, I>(
  ctx: ShellContext,
  window: Pick<ShellWindow, 'show' | 'open'>,
  loginItem: LoginItem,
  electron: TrayElectron<M, I>,
  onApplied: (model: TrayModel) => void = () => undefined,
): TrayIcon<M, I> {
  const { core } = ctx.running;
  const icons = new Map<TrayHealth, I>();
  const icon = (health: TrayHealth) => {
    let image = icons.get(health);
    if (image === undefined) {
      image = electron.image(trayIconPath(ctx.distDir, health, electron.platform));
      icons.set(health, image);
    }
    return image;
  };
  const tray = electron.createTray(icon('idle'));
  const paused = new Set<string>();

  const run = async (action: TrayAction): Promise<void> => {
    const instances = core.services.instances;
    switch (action.type) {
      case 'open-window':
        window.show();
        return;
      case 'open-instance':
        await window.open(targetRoute({ kind: 'instance', id: action.id }));
        return;
      case 'restart':
        await instances.restart(action.id);
        return;
      case 'sign-in':
        await core.services.accounts.start(action.id, true);
        return;
      case 'set-enabled':
        await instances.setEnabled(action.id, action.enabled);
        return;
      case 'pause-all':
        for (const config of instances.configs().filter((c) => c.enabled)) {
          paused.add(config.id);
          await instances.setEnabled(config.id, false);
        }
        return;
      case 'resume-all':
        for (const id of paused) await instances.setEnabled(id, true).catch(() => undefined);
        paused.clear();
        return;
      case 'toggle-launch-at-login':
        loginItem.setEnabled(!loginItem.enabled());
        rebuild();
        return;
      case 'quit':
        electron.app.quit();
        return;
    }
  };

  const toElectron = (item: TrayMenuItem): TrayMenuTemplate => {
    const click = (action: TrayAction) => () =>
      void run(action).catch((error: unknown) =>
        ctx.running.deps.logger.error('tray action failed', { action: action.type, error: String(error) }),
      );
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'instance':
        return { label: item.label, submenu: item.submenu.map(toElectron) };
      case 'checkbox':
        return { label: item.label, type: 'checkbox', checked: item.checked, click: click(item.action) };
      case 'action':
        return { label: item.label, enabled: item.enabled ?? true, click: click(item.action) };
    }
  };

  function rebuild(): void {
    void core.services.clients
      .list()
      .then((clients) => {
        const model = trayModel({
          instances: core.services.instances.list(),
          driftCount: clients.filter((c) => c.drift.length > 0).length,
          launchAtLogin: loginItem.enabled(),
          updates: core.services.updates.last(),
        });
        tray.setImage(icon(model.health));
        tray.setToolTip(model.tooltip);
        tray.setContextMenu(electron.buildMenu(model.menu.map(toElectron)));
        onApplied(model);
      })
      .catch((error: unknown) =>
        ctx.running.deps.logger.error('tray update failed', { error: String(error) }),
      );
  }
  const schedule = (electron.debounce ?? timerDebounce)(rebuild, REBUILD_DEBOUNCE_MS);
  core.bus.on('instancesChanged', schedule);
  core.bus.on('clientsChanged', schedule);
  core.bus.on('updatesAvailable', schedule);
  tray.on('click', () => window.show());
  rebuild();
  return tray;
}
