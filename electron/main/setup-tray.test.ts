import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { InstanceState } from '../shared/contract';
import type { TrayHealth } from '../shared/tray-model';
import type { Core } from '../core/core';
import type { SupervisorTuning } from '../core/supervisor/supervisor';
import { setup as accountSetup } from '../../test/core/support/account-fixture';
import { testDeps } from '../../test/core/support/test-core';
import { shellContext, startedShell } from '../../test/main/shell-context';
import { trayUnderTest } from '../../test/main/tray-under-test';
import { timerDebounce, trayIconPath } from './setup-tray';

const FIXTURES = path.resolve(import.meta.dirname, '../core/supervisor/fixtures');
// A crash fails at once; a server that never answers `initialize` stays starting for the test.
const TUNING: Partial<SupervisorTuning> = {
  restartPolicy: {
    initialDelayMs: 100,
    maxDelayMs: 100,
    jitter: 0,
    resetAfterMs: 30_000,
    maxCrashes: 1,
    crashWindowMs: 60_000,
  },
  initTimeoutMs: 60_000,
  stopTiming: { stdinGraceMs: 200, termGraceMs: 300 },
};

const HEALTHS: TrayHealth[] = ['idle', 'ok', 'starting', 'attention', 'error'];

function reached(core: Core, id: string, state: InstanceState): Promise<void> {
  return new Promise((resolve) => {
    const off = core.bus.on('instanceStateChanged', ({ id: changed, transition }) => {
      if (changed === id && transition.state === state) {
        off();
        resolve();
      }
    });
    if (core.services.instances.list().some((i) => i.id === id && i.state === state)) {
      off();
      resolve();
    }
  });
}

const iconOf = (file: string) => path.basename(file);

describe('the tray', () => {
  it('has an icon file for every health, a Template image on macOS', () => {
    const dist = path.resolve(import.meta.dirname, '../../dist');
    for (const health of HEALTHS) {
      for (const [platform, file] of [
        ['linux', `${health}.png`],
        ['win32', `${health}.png`],
        ['darwin', `${health}Template.png`],
      ] as const) {
        const icon = trayIconPath(dist, health, platform);
        expect(iconOf(icon)).toBe(file);
        expect(fs.existsSync(icon), icon).toBe(true);
      }
    }
  });

  it('starts idle, with the app menu, and shows the window on a click', async () => {
    const ctx = await startedShell();
    const t = trayUnderTest(ctx);
    const model = await t.applied();
    expect(model.health).toBe('idle');
    expect(iconOf(t.tray.image)).toBe('idle.png');
    expect(t.tray.tooltip).toBe('MCP Tray — nothing enabled');
    expect(t.tray.menu?.map((m) => m.label ?? m.type)).toEqual([
      'Open MCP Tray',
      'Resume all',
      'Launch at login',
      'separator',
      'Quit MCP Tray',
    ]);
    t.tray.emit('click');
    t.click('Open MCP Tray');
    expect(t.window.calls).toEqual(['show', 'show']);
    t.click('Quit MCP Tray');
    expect(t.app.calls).toEqual(['quit']);
  });

  it('shows running, starting and failed servers in its icon, tooltip and menu, rebuilt once per burst', async () => {
    const ctx = await startedShell({ tuning: TUNING });
    const { core } = ctx.running;
    const t = trayUnderTest(ctx);
    await t.applied();
    const add = (id: string, fixture: string) =>
      core.services.instances.addCustom({
        id,
        command: process.execPath,
        args: [path.join(FIXTURES, fixture)],
      });

    await add('good', 'fixture-server.mjs');
    await reached(core, 'good', 'running');
    // State events only schedule a rebuild; nothing changes until the debounce fires.
    expect(t.debounce.calls).toBeGreaterThan(1);
    expect(t.models).toHaveLength(1);
    const before = t.models.length;
    let next = t.applied();
    t.debounce.flush();
    expect((await next).health).toBe('ok');
    expect(t.models).toHaveLength(before + 1);
    expect(iconOf(t.tray.image)).toBe('ok.png');
    expect(t.tray.tooltip).toBe('MCP Tray — 1 running');
    expect(t.tray.menu?.[0]?.label).toMatch(/ — running$/);

    await add('hung', 'hang-on-initialize.mjs');
    await reached(core, 'hung', 'starting');
    next = t.applied();
    t.debounce.flush();
    expect((await next).health).toBe('starting');
    expect(iconOf(t.tray.image)).toBe('starting.png');
    expect(t.tray.tooltip).toBe('MCP Tray — 1 running · 1 starting');

    await add('crashy', 'crash-at-start.mjs');
    await reached(core, 'crashy', 'failed');
    next = t.applied();
    t.debounce.flush();
    expect((await next).health).toBe('error');
    expect(iconOf(t.tray.image)).toBe('error.png');
    expect(t.tray.tooltip).toMatch(/1 failed/);

    // A menu click reaches the core: Disable stops the server.
    t.click('Disable', t.tray.menu?.find((m) => m.label?.startsWith('good'))?.submenu);
    await reached(core, 'good', 'disabled');
  });

  it('asks for attention when a service needs a sign-in, and its Sign in item starts one', async () => {
    const { core, browser, dataDir } = await accountSetup();
    await new Promise<void>((resolve) => {
      if (core.services.instances.get('acct').state === 'needs-auth') return resolve();
      const off = core.bus.on('instanceStateChanged', ({ transition }) => {
        if (transition.state === 'needs-auth') {
          off();
          resolve();
        }
      });
    });
    const t = trayUnderTest(shellContext(core, testDeps(dataDir)), 'darwin');
    const model = await t.applied();
    expect(model.health).toBe('attention');
    expect(iconOf(t.tray.image)).toBe('attentionTemplate.png');
    expect(t.tray.tooltip).toBe('MCP Tray — 1 needs sign-in');
    expect(browser.opened).toEqual([]);
    t.click('Sign in…');
    await vi.waitFor(() => expect(browser.opened).toHaveLength(1));
  });

  it('toggles launch at login and shows the new state without waiting for an event', async () => {
    const t = trayUnderTest(await startedShell());
    await t.applied();
    const next = t.applied();
    t.click('Launch at login');
    expect(t.loginItem.on).toBe(true);
    await next;
    expect(t.tray.menu?.find((m) => m.label === 'Launch at login')?.checked).toBe(true);
  });

  it('coalesces a burst of calls into one run on timers', () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      const schedule = timerDebounce(run, 250);
      schedule();
      schedule();
      schedule();
      vi.runAllTimers();
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
