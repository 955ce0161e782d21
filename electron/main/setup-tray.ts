import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Menu, Tray, app, nativeImage } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { Logger } from '../core/platform/logger';
import { targetRoute } from '../core/platform/notifier';
import type { TrayAvailability } from '../core/platform/tray-availability';
import { readGnomeExtensions, trayAvailability } from '../core/platform/tray-availability';
import type { TrayAction, TrayHealth, TrayMenuItem, TrayModel } from '../shared/tray-model';
import { trayModel } from '../shared/tray-model';
import type { LoginItem } from './login-item';
import type { ShellContext } from './shell-context';
import type { MainWindow } from './setup-window';

const REBUILD_DEBOUNCE_MS = 250;

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
export function setupTray(
  ctx: ShellContext,
  window: MainWindow,
  loginItem: LoginItem,
  onApplied: (model: TrayModel) => void = () => undefined,
): Tray {
  const { core } = ctx.running;
  const icons = new Map<TrayHealth, Electron.NativeImage>();
  const icon = (health: TrayHealth) => {
    let image = icons.get(health);
    if (!image) {
      // macOS tints "Template" images for light and dark menu bars; the shape carries the state.
      const file = process.platform === 'darwin' ? `${health}Template.png` : `${health}.png`;
      image = nativeImage.createFromPath(path.join(ctx.distDir, '..', 'resources', 'tray', file));
      icons.set(health, image);
    }
    return image;
  };
  const tray = new Tray(icon('idle'));
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
        app.quit();
        return;
    }
  };

  const toElectron = (item: TrayMenuItem): MenuItemConstructorOptions => {
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

  let timer: NodeJS.Timeout | null = null;
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
        tray.setContextMenu(Menu.buildFromTemplate(model.menu.map(toElectron)));
        onApplied(model);
      })
      .catch((error: unknown) =>
        ctx.running.deps.logger.error('tray update failed', { error: String(error) }),
      );
  }
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(rebuild, REBUILD_DEBOUNCE_MS);
  };
  core.bus.on('instancesChanged', schedule);
  core.bus.on('clientsChanged', schedule);
  core.bus.on('updatesAvailable', schedule);
  tray.on('click', () => window.show());
  rebuild();
  return tray;
}
