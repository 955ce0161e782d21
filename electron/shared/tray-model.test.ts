import { describe, expect, it } from 'vitest';
import type { InstanceState, InstanceSummary } from './contract';
import { trayModel } from './tray-model';

const instance = (id: string, state: InstanceState, enabled = state !== 'disabled'): InstanceSummary => ({
  id,
  name: id.toUpperCase(),
  integrationId: 'custom',
  enabled,
  state,
  stateReason: null,
  stateSince: '2026-01-01T00:00:00Z',
  pid: null,
  toolCount: 0,
  nextRetryAt: null,
  clients: [],
  sandbox: 'none',
  blockedCount: 0,
});

const model = (states: InstanceState[], driftCount = 0) =>
  trayModel({ instances: states.map((s, i) => instance(`s${i}`, s)), driftCount, launchAtLogin: false });

describe('trayModel', () => {
  it('picks the icon by the worst news first', () => {
    expect(model([]).health).toBe('idle');
    expect(model(['disabled']).health).toBe('idle');
    expect(model(['running', 'running']).health).toBe('ok');
    expect(model(['running', 'starting']).health).toBe('starting');
    expect(model(['running', 'backoff']).health).toBe('starting');
    expect(model(['running', 'needs-auth', 'starting']).health).toBe('attention');
    expect(model(['running'], 1).health).toBe('attention');
    expect(model(['needs-auth', 'failed']).health).toBe('error');
  });

  it('summarises in the tooltip', () => {
    expect(model(['running', 'running', 'running', 'running', 'needs-auth']).tooltip).toBe(
      'MCP Tray — 4 running · 1 needs sign-in',
    );
    expect(model([]).tooltip).toBe('MCP Tray — nothing enabled');
    expect(model(['failed'], 2).tooltip).toBe('MCP Tray — 1 failed · 2 clients changed');
  });

  it('lists each instance with its actions, then the app actions', () => {
    const { menu } = trayModel({
      instances: [instance('gh', 'needs-auth'), instance('mem', 'disabled')],
      driftCount: 0,
      launchAtLogin: true,
    });
    const [gh, mem] = menu;
    expect(gh).toMatchObject({ kind: 'instance', label: 'GH — needs sign-in', state: 'needs-auth' });
    expect(gh?.kind === 'instance' && gh.submenu.map((i) => i.kind !== 'separator' && i.label)).toEqual([
      'Open',
      'Sign in…',
      'Restart',
      'Disable',
    ]);
    expect(mem?.kind === 'instance' && mem.submenu.map((i) => i.kind !== 'separator' && i.label)).toEqual([
      'Open',
      'Restart',
      'Enable',
    ]);
    const labels = menu.filter((i) => i.kind === 'action' || i.kind === 'checkbox').map((i) => i.label);
    expect(labels).toEqual(['Open MCP Tray', 'Pause all', 'Launch at login', 'Quit MCP Tray']);
    expect(menu.find((i) => i.kind === 'checkbox')).toMatchObject({ checked: true });
  });

  it('asks for attention while a service has changed tools to review, and offers the review', () => {
    const changed = { ...instance('gh', 'running'), toolsToReview: 2 };
    const tray = trayModel({
      instances: [changed, instance('b', 'running')],
      driftCount: 0,
      launchAtLogin: false,
    });
    expect(tray.health).toBe('attention');
    expect(tray.tooltip).toBe('MCP Tray — 2 running · 1 with tools to review');
    const item = tray.menu[0];
    expect(item).toMatchObject({ kind: 'instance', label: 'GH — running · tools changed' });
    expect(item?.kind === 'instance' && item.submenu[1]).toEqual({
      kind: 'action',
      label: 'Tools changed: review…',
      action: { type: 'open-instance', id: 'gh' },
    });
    // A failure is still worse news.
    expect(
      trayModel({ instances: [changed, instance('x', 'failed')], driftCount: 0, launchAtLogin: false })
        .health,
    ).toBe('error');
  });

  it('shows an update in words with the versions, without changing the icon', () => {
    const tray = trayModel({
      instances: [instance('gh', 'running'), instance('b', 'running')],
      driftCount: 0,
      launchAtLogin: false,
      updates: [
        { id: 'gh', name: 'io.github.x/gh', current: '1.2.3', latest: '1.4.0' },
        // An update for a service that is gone since the check is not shown.
        { id: 'removed', name: 'io.github.x/old', current: '1', latest: '2' },
      ],
    });
    expect(tray.health).toBe('ok');
    expect(tray.tooltip).toBe('MCP Tray — 2 running · 1 update available');
    const [gh, b] = tray.menu;
    expect(gh).toMatchObject({ label: 'GH — running · update available' });
    expect(gh?.kind === 'instance' && gh.submenu[1]).toEqual({
      kind: 'action',
      label: 'Update available 1.2.3 → 1.4.0…',
      action: { type: 'open-instance', id: 'gh' },
    });
    expect(b).toMatchObject({ label: 'B — running' });
  });
});
