import { describe, expect, it } from 'vitest';
import { installLink } from '../shared/deep-link';
import { eventChannel } from '../shared/ipc-channels';
import { parseLaunchArgs } from '../core/platform/launch-args';
import { AppDouble, ShellWindowDouble } from '../../test/main/electron-doubles';
import { startedShell } from '../../test/main/shell-context';
import { registerDeepLinks, setupDeepLinks } from './setup-deep-links';
import { setupSingleInstance } from './setup-lifecycle';

const GITHUB = installLink({ kind: 'catalog', integrationId: 'github' });
const NOTION = installLink({ kind: 'catalog', integrationId: 'notion' });
const INSTALL = eventChannel('installRequested');
const request = (integrationId: string) => ({ request: { kind: 'catalog', integrationId } });

/** The pre-ready steps of main.ts, in its order, on an app double. */
function boot(argv: string[]) {
  const app = new AppDouble();
  const launch = parseLaunchArgs(argv);
  const links = registerDeepLinks(launch, app);
  const first = setupSingleInstance(app, (next) => links.secondLaunch(next));
  return { app, links, first };
}

describe('install links and second launches', () => {
  it('keeps links that arrive before the window exists and hands them over in order', async () => {
    const { app, links, first } = boot(['/opt/mcp-tray/mcp-tray', GITHUB]);
    expect(first).toBe(true);
    // macOS sends `open-url` before `ready`; the shell takes the link instead of the OS.
    expect(app.emitPreventable('open-url', NOTION)).toBe(true);
    const window = new ShellWindowDouble();
    const ctx = await startedShell();
    // The window gets nothing until the shell is attached.
    expect(window.calls).toEqual([]);
    setupDeepLinks(ctx, window, links);
    expect(window.delivered).toEqual([
      { channel: INSTALL, payload: request('github') },
      { channel: INSTALL, payload: request('notion') },
    ]);
  });

  it('a second launch forwards its link to this one, or brings the window forward', async () => {
    const { app, links } = boot(['/opt/mcp-tray/mcp-tray']);
    const window = new ShellWindowDouble();
    setupDeepLinks(await startedShell(), window, links);
    app.emit('second-instance', {}, ['/opt/mcp-tray/mcp-tray', '--data-dir', '/tmp/x', GITHUB], '/home');
    expect(window.delivered).toEqual([{ channel: INSTALL, payload: request('github') }]);
    app.emit('second-instance', {}, ['/opt/mcp-tray/mcp-tray'], '/home');
    expect(window.calls).toEqual([`deliver(${INSTALL})`, 'show']);
  });

  it('a refused link shows the window, where the notice says why', async () => {
    const { app, links } = boot(['/opt/mcp-tray/mcp-tray']);
    const window = new ShellWindowDouble();
    const ctx = await startedShell();
    setupDeepLinks(ctx, window, links);
    app.emitPreventable('open-url', 'mcp-tray://install?integration=..%2Fetc');
    expect(window.calls).toEqual(['show']);
    expect(ctx.running.core.services.notices.list().map((n) => n.message)).toEqual([
      expect.stringMatching(/could not use the install link/),
    ]);
  });

  it('a launch that finds the lock taken quits and listens for nothing', () => {
    const app = new AppDouble();
    app.lockAvailable = false;
    expect(setupSingleInstance(app, () => undefined)).toBe(false);
    expect(app.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('a packaged app registers itself for mcp-tray: links', () => {
    const app = new AppDouble();
    app.isPackaged = true;
    registerDeepLinks(parseLaunchArgs([]), app);
    expect(app.calls).toEqual(['setAsDefaultProtocolClient(mcp-tray)']);
    const dev = new AppDouble();
    registerDeepLinks(parseLaunchArgs([]), dev);
    expect(dev.calls).toEqual([]);
  });
});
