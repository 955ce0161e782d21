import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseLaunchArgs } from '../core/platform/launch-args';
import { alive } from '../../test/core/support/served-core';
import { AppDouble, ShellWindowDouble, TrayDouble } from '../../test/main/electron-doubles';
import { startedShell } from '../../test/main/shell-context';
import { fatal, setupActivate, setupDataDir, setupQuit } from './setup-lifecycle';

const FIXTURE = path.resolve(import.meta.dirname, '../core/supervisor/fixtures/fixture-server.mjs');

describe('the app lifecycle', () => {
  it('quit stops the core, waits for it, and only then exits', async () => {
    const ctx = await startedShell();
    const { instances } = ctx.running.core.services;
    await instances.addCustom({ id: 'srv', command: process.execPath, args: [FIXTURE] });
    await vi.waitFor(() => expect(instances.get('srv').state).toBe('running'), { timeout: 15_000 });
    const pid = instances.get('srv').pid!;
    const app = new AppDouble();
    const window = new ShellWindowDouble();
    const tray = new TrayDouble('idle.png');
    let atExit: { serverAlive: boolean; state: string } | null = null;
    app.onExit = () => (atExit = { serverAlive: alive(pid), state: instances.get('srv').state });
    setupQuit(ctx, window, tray, app);

    // Electron quits on its own once every window is closed, unless someone listens.
    expect(app.listenerCount('window-all-closed')).toBe(1);
    expect(app.emitPreventable('before-quit')).toBe(true);
    expect(window.calls).toEqual(['prepareToQuit']);
    expect(tray.destroyed).toBe(true);
    expect(app.exitCode).toBeNull();
    // A second Quit while stopping lets the quit go on; it does not stop the core twice.
    expect(app.emitPreventable('before-quit')).toBe(false);
    await vi.waitFor(() => expect(app.exitCode).toBe(0), { timeout: 15_000 });
    expect(atExit).toEqual({ serverAlive: false, state: 'stopped' });
    expect(app.calls).toEqual(['exit(0)']);
  });

  it('a failed start says why and exits with 1', () => {
    const app = new AppDouble();
    const boxes: string[][] = [];
    fatal(new Error('the data folder is in use'), app, {
      showErrorBox: (title, content) => {
        boxes.push([title, content]);
      },
    });
    expect(boxes).toEqual([['MCP Tray could not start', 'the data folder is in use']]);
    expect(app.calls).toEqual(['exit(1)']);
  });

  it('exits even when the dialog cannot show', () => {
    const app = new AppDouble();
    expect(() =>
      fatal('boom', app, {
        showErrorBox: () => {
          throw new Error('no display');
        },
      }),
    ).toThrow('no display');
    expect(app.calls).toEqual(['exit(1)']);
  });

  it("keeps Electron's storage in the data folder of --data-dir", () => {
    const app = new AppDouble();
    const dir = path.resolve('/tmp/mcp-tray-data');
    expect(setupDataDir(parseLaunchArgs(['app', '--data-dir', dir]), app)).toBe(dir);
    expect(app.paths.get('userData')).toBe(dir);
  });

  it('opening the app again shows the window', () => {
    const app = new AppDouble();
    const window = new ShellWindowDouble();
    setupActivate(app, window);
    app.emit('activate', {}, false);
    expect(window.calls).toEqual(['show']);
  });
});
