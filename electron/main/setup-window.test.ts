import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MainWindowOptions } from '../shared/window-options';
import { APP_ENTRY_URL } from '../core/platform/app-protocol';
import type { CloseAction } from '../core/platform/tray-availability';
import { WindowDouble } from '../../test/main/electron-doubles';
import { startedShell } from '../../test/main/shell-context';
import { setupWindow } from './setup-window';

/** `setupWindow` with a `BrowserWindow` factory that keeps the windows it made. */
async function windowUnderTest(onClose: CloseAction = 'close') {
  const ctx = await startedShell();
  const windows: WindowDouble[] = [];
  const opened: string[] = [];
  const main = setupWindow(
    ctx,
    { onClose },
    {
      createWindow: (options: MainWindowOptions) => {
        const window = new WindowDouble(options);
        windows.push(window);
        return window;
      },
      shell: {
        openExternal: (url) => {
          opened.push(url);
          return Promise.resolve();
        },
      },
      nativeTheme: { shouldUseDarkColors: true },
    },
  );
  const only = () => {
    expect(windows).toHaveLength(1);
    return windows[0]!;
  };
  return { ctx, main, windows, opened, only };
}

describe('the main window', () => {
  it('is made on demand, isolated and sandboxed, loads our page and shows once ready', async () => {
    const { ctx, main, windows, only } = await windowUnderTest();
    expect(windows).toEqual([]);
    main.show();
    const window = only();
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(ctx.distDir, 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: true,
    });
    expect(window.options.backgroundColor).toBe('#16181c');
    expect(window.loads).toEqual([APP_ENTRY_URL]);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    window.minimized = true;
    main.show();
    expect(window).toMatchObject({ minimized: false, focused: true });
    expect(windows).toHaveLength(1);
  });

  it('refuses navigation and redirects away from our page', async () => {
    const { main, only } = await windowUnderTest();
    main.show();
    const page = only().webContents;
    expect(page.navigate(`${APP_ENTRY_URL}#/clients`)).toBe(true);
    expect(page.navigate('app://mcp-tray/index.html?x=1')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'app://mcp-tray/other.html',
      'app://evil/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(page.navigate(url), url).toBe(false);
      expect(page.navigate(url, 'will-redirect'), url).toBe(false);
    }
  });

  it('opens no new windows; web and mail links go to the system, other schemes nowhere', async () => {
    const { main, only, opened } = await windowUnderTest();
    main.show();
    const handler = only().webContents.openHandler!;
    for (const url of [
      'https://github.com/settings',
      'mailto:help@example.com',
      'file:///etc/passwd',
      'smb://x/y',
    ])
      expect(handler({ url }), url).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/settings', 'mailto:help@example.com']);
  });

  it('delivers to the page only once it has loaded, and loads again after a failure', async () => {
    const { main, only } = await windowUnderTest();
    const first = main.deliver('mcp-tray:event:x', 1);
    const window = only();
    const page = window.webContents;
    page.emit('did-fail-load', {}, -105, 'NAME_NOT_RESOLVED', APP_ENTRY_URL, true);
    await expect(first).rejects.toThrow(/could not load: NAME_NOT_RESOLVED/);
    expect(page.sent).toEqual([]);
    const second = main.deliver('mcp-tray:event:x', 2);
    expect(window.loads).toEqual([APP_ENTRY_URL, APP_ENTRY_URL]);
    page.emit('did-finish-load');
    await second;
    expect(page.sent).toEqual([{ channel: 'mcp-tray:event:x', payload: 2 }]);
    await main.open('#/services/notes');
    expect(page.scripts).toEqual(['location.hash = "#/services/notes"']);
  });

  it('minimises instead of closing where there is no tray, and closes once quitting', async () => {
    const { main, windows } = await windowUnderTest('minimize');
    main.show();
    expect(windows[0]!.close()).toBe(true);
    expect(windows[0]!.minimized).toBe(true);
    main.prepareToQuit();
    expect(windows[0]!.close()).toBe(false);
    // Closed for good: the next show makes a new window.
    main.show();
    expect(windows).toHaveLength(2);
  });

  it('closes (to the tray) where there is one', async () => {
    const { main, windows } = await windowUnderTest('close');
    main.show();
    expect(windows[0]!.close()).toBe(false);
  });
});
