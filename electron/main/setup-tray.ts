import path from 'node:path';
import { Menu, Tray, app, nativeImage } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayHealth, TrayMenuItem } from '../shared/tray-model';
import { trayModel } from '../shared/tray-model';
import type { ShellContext } from './shell-context';

const REBUILD_DEBOUNCE_MS = 250;

/** The tray: icon, tooltip and menu from `trayModel`, rebuilt (debounced) on state events. */
export function setupTray(ctx: ShellContext, showWindow: () => BrowserWindow): Tray {
  const { core } = ctx.running;
  const icons = new Map<TrayHealth, Electron.NativeImage>();
  const icon = (health: TrayHealth) => {
    let image = icons.get(health);
    if (!image) {
      image = nativeImage.createFromPath(path.join(ctx.distDir, '..', 'resources', 'tray', `${health}.png`));
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
        showWindow();
        return;
      case 'open-instance':
        await showWindow().webContents.executeJavaScript(
          `location.hash = ${JSON.stringify(`#/services/${action.id}`)}`,
        );
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
        app.setLoginItemSettings({
          openAtLogin: !app.getLoginItemSettings().openAtLogin,
          args: ['--hidden'],
        });
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
    void core.services.clients.list().then((clients) => {
      const model = trayModel({
        instances: core.services.instances.list(),
        driftCount: clients.filter((c) => c.drift.length > 0).length,
        launchAtLogin: app.getLoginItemSettings().openAtLogin,
      });
      tray.setImage(icon(model.health));
      tray.setToolTip(model.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(model.menu.map(toElectron)));
    });
  }
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(rebuild, REBUILD_DEBOUNCE_MS);
  };
  core.bus.on('instancesChanged', schedule);
  core.bus.on('clientsChanged', schedule);
  tray.on('click', () => showWindow());
  rebuild();
  return tray;
}
