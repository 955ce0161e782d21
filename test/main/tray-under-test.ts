import type { LoginItem } from '../../electron/main/login-item';
import type { ShellContext } from '../../electron/main/shell-context';
import { setupTray } from '../../electron/main/setup-tray';
import type { TrayMenuTemplate } from '../../electron/main/setup-tray';
import type { TrayModel } from '../../electron/shared/tray-model';
import { AppDouble, ManualDebounce, ShellWindowDouble, TrayDouble } from './electron-doubles';

/** A launch-at-login switch kept in memory. */
class LoginItemDouble implements LoginItem {
  on = false;
  enabled(): boolean {
    return this.on;
  }
  setEnabled(enabled: boolean): void {
    this.on = enabled;
  }
}

/** `setupTray` on a core with doubles for Electron; `applied()` waits for the next model shown. */
export function trayUnderTest(ctx: ShellContext, platform: NodeJS.Platform = 'linux') {
  const app = new AppDouble();
  const window = new ShellWindowDouble();
  const loginItem = new LoginItemDouble();
  const debounce = new ManualDebounce();
  const models: TrayModel[] = [];
  let waiters: ((model: TrayModel) => void)[] = [];
  const trays: TrayDouble[] = [];
  const returned = setupTray(
    ctx,
    window,
    loginItem,
    {
      image: (file) => file,
      createTray: (image) => {
        const made = new TrayDouble(image);
        trays.push(made);
        return made;
      },
      buildMenu: (template) => template,
      app,
      platform,
      debounce: debounce.debounce,
    },
    (model) => {
      models.push(model);
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake(model);
    },
  );
  const [tray] = trays;
  if (trays.length !== 1 || returned !== tray) throw new Error('setupTray made no tray, or more than one');
  const applied = () => new Promise<TrayModel>((resolve) => waiters.push(resolve));
  /** The menu item labelled `label` (in the top menu or a submenu), clicked. */
  const click = (label: string | RegExp, menu: TrayMenuTemplate[] = tray.menu ?? []): void => {
    const found = find(menu, label);
    if (!found?.click) throw new Error(`no clickable menu item ${String(label)}`);
    found.click();
  };
  return { app, window, loginItem, debounce, models, tray, applied, click };
}

function find(menu: TrayMenuTemplate[], label: string | RegExp): TrayMenuTemplate | undefined {
  for (const item of menu) {
    if (
      item.label !== undefined &&
      (typeof label === 'string' ? item.label === label : label.test(item.label))
    )
      return item;
    const inner = item.submenu && find(item.submenu, label);
    if (inner) return inner;
  }
  return undefined;
}
