// The built main bundle under an Electron double that keeps Electron's boot order (see
// test/electron-double). This is not an Electron test: it catches shells that would hang or
// misorder their start-up, where no Electron binary can run.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestNames } from '../shared/contract';
import { installLink } from '../shared/deep-link';
import { eventChannel, requestChannel } from '../shared/ipc-channels';
import { APP_USER_MODEL_ID } from '../core/platform/app-identity';
import { InstanceLock } from '../core/platform/instance-lock';
import { appPaths } from '../core/platform/paths';
import { cliJson, seedSettings, until } from '../../test/core/support/served-core';
import type { BootDirs, BootedApp } from '../../test/electron-double/boot-app';
import { bootApp, bootDirs, buildHarness, descendants, isRunning } from '../../test/electron-double/boot-app';

const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);
// Evaluation that does not finish in this time is the deadlock Electron would show as a hung app.
const EVALUATION_LIMIT_MS = 10_000;

let harness = '';
let workDir: BootDirs;
const running: BootedApp[] = [];
const dirs: BootDirs[] = [];

beforeAll(async () => {
  workDir = bootDirs();
  harness = await buildHarness(workDir.home);
});
afterEach(() => {
  for (const app of running.splice(0)) app.kill();
});
afterAll(() => {
  for (const d of [workDir, ...dirs]) fs.rmSync(d.home, { recursive: true, force: true });
});

function boot(d: BootDirs, args: string[] = []): BootedApp {
  const app = bootApp(harness, d, args);
  running.push(app);
  return app;
}
function freshDirs(): BootDirs {
  const d = bootDirs();
  dirs.push(d);
  return d;
}

/** Boots, waits for the entry to evaluate, then for the window and tray start() makes. */
async function started(d: BootDirs) {
  const app = boot(d);
  await app.next('evaluated', EVALUATION_LIMIT_MS);
  await app.next('ready', 5000);
  const state = await until(async () => {
    const s = await app.state();
    // A new window shows itself once its page has loaded (`ready-to-show`).
    return s.windows[0]?.shown && s.trays.length > 0 ? s : undefined;
  }, 'a shown window and a tray');
  return { app, state };
}

describe('main bundle boot order (Electron double)', () => {
  it('evaluates its entry without waiting for ready, then opens the window, tray and IPC', async () => {
    const d = freshDirs();
    const { app, state } = await started(d);
    expect(state.violations).toEqual([]);
    // Pre-ready steps, in order, before anything that needs a ready app.
    const order = [
      'app.setPath(userData)',
      'app.requestSingleInstanceLock',
      'protocol.registerSchemesAsPrivileged',
    ];
    const windows = process.platform === 'win32';
    expect(state.calls.slice(0, windows ? 4 : 3)).toEqual(
      windows ? ['app.setAppUserModelId', ...order] : order,
    );
    if (windows) expect(state.appUserModelId).toBe(APP_USER_MODEL_ID);
    expect(state.userData).toBe(d.dataDir);
    expect(state.schemes).toEqual(['app']);
    expect(state.handledSchemes).toEqual(['app']);
    expect(state.windows).toHaveLength(1);
    const window = state.windows[0]!;
    expect(window.url).toBe('app://mcp-tray/index.html');
    expect(window.preload && fs.existsSync(window.preload)).toBe(true);
    expect(state.trays).toHaveLength(1);
    expect(state.trays[0]!.iconExists).toBe(true);
    expect([...state.ipcChannels].sort()).toEqual(requestNames.map(requestChannel).sort());
    expect(state.listeners).toEqual(
      expect.arrayContaining(['activate', 'open-url', 'second-instance', 'before-quit']),
    );
    // The window loaded through app:// (the double fails the load otherwise) and shows.
    expect(window.shown).toBe(true);
    app.send({ cmd: 'quit' });
    expect((await app.exited).code).toBe(0);
  });

  it('a second instance hands its install link to the first and quits', async () => {
    const d = freshDirs();
    const { app } = await started(d);
    const link = installLink({ kind: 'catalog', integrationId: 'github' });
    const second = boot(d, [link]);
    const { code, state } = await second.exited;
    expect(code).toBe(0);
    expect(state?.windows).toEqual([]);
    expect(state?.violations).toEqual([]);
    const delivered = await until(async () => {
      const s = await app.state();
      return s.windows[0]!.sent.find((m) => m.channel === eventChannel('installRequested'));
    }, 'the link delivered to the page');
    expect(delivered.payload).toEqual({ request: { kind: 'catalog', integrationId: 'github' } });
  });

  it('quit stops the core and leaves no child process behind', async () => {
    const d = freshDirs();
    seedSettings(d.dataDir, [{ id: 'everything', args: [EVERYTHING, 'stdio'] }]);
    const { app } = await started(d);
    const status = await until(() => {
      const list = cliJson<{ id: string; state: string; pid: number | null }[]>(d.dataDir, ['status']);
      return list.find((s) => s.id === 'everything' && s.state === 'running' && s.pid);
    }, 'the server running');
    const children = descendants(app.child.pid!);
    expect(children).toContain(status.pid);
    app.send({ cmd: 'quit' });
    const { code, state } = await app.exited;
    expect(code).toBe(0);
    expect(state?.violations).toEqual([]);
    await until(() => children.every((pid) => !isRunning(pid)) || undefined, 'every child gone');
  });

  it('a data folder held by another MCP Tray shows the reason and exits instead of lingering', async () => {
    const d = freshDirs();
    // What `mcp-tray serve` on the same folder holds.
    const lock = new InstanceLock(appPaths(d.dataDir).runDir);
    lock.acquire();
    try {
      const app = boot(d);
      await app.next('evaluated', EVALUATION_LIMIT_MS);
      const { code, state } = await app.exited;
      expect(code).toBe(1);
      expect(state?.errorBoxes).toHaveLength(1);
      expect(state?.errorBoxes[0]!.content).toMatch(/already running|in use/i);
      expect(state?.windows).toEqual([]);
      expect(fs.existsSync(path.join(d.dataDir, '.double-singleton-lock'))).toBe(false);
    } finally {
      lock.release();
    }
  });
});
