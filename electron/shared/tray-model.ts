import type { InstanceState, InstanceSummary } from './contract';
import type { OutdatedInstance } from './registry-contract';

/** The tray icon's look: one per aggregate health (resources/tray/<health>.png). */
export type TrayHealth = 'idle' | 'ok' | 'starting' | 'attention' | 'error';

/** What a menu item does; the Electron shell maps these to core calls. */
export type TrayAction =
  | { type: 'open-window' }
  | { type: 'open-instance'; id: string }
  | { type: 'restart'; id: string }
  | { type: 'sign-in'; id: string }
  | { type: 'set-enabled'; id: string; enabled: boolean }
  | { type: 'pause-all' }
  | { type: 'resume-all' }
  | { type: 'toggle-launch-at-login' }
  | { type: 'quit' };

export type TrayMenuItem =
  | { kind: 'separator' }
  | { kind: 'action'; label: string; action: TrayAction; enabled?: boolean }
  | { kind: 'checkbox'; label: string; checked: boolean; action: TrayAction }
  | { kind: 'instance'; label: string; state: InstanceState; submenu: TrayMenuItem[] };

export interface TrayModel {
  health: TrayHealth;
  tooltip: string;
  menu: TrayMenuItem[];
}

export interface TrayInputs {
  instances: readonly InstanceSummary[];
  /** Clients that removed our entries (config drift). */
  driftCount: number;
  launchAtLogin: boolean;
  /** Registry installs with a newer active version (the last update check's result). */
  updates?: readonly OutdatedInstance[];
}

const STATE_WORDS: Record<InstanceState, string> = {
  running: 'running',
  starting: 'starting',
  unhealthy: 'not responding',
  backoff: 'restarting',
  failed: 'failed',
  'needs-auth': 'needs sign-in',
  stopped: 'stopped',
  disabled: 'off',
};

/** The tray's icon, tooltip and menu as a pure function of core state (unit-tested in Node). */
export function trayModel({ instances, driftCount, launchAtLogin, updates = [] }: TrayInputs): TrayModel {
  const updateOf = new Map(updates.map((u) => [u.id, u]));
  const count = (...states: InstanceState[]) => instances.filter((i) => states.includes(i.state)).length;
  const enabled = instances.filter((i) => i.enabled);
  // Tools held back for review are news the user must act on, like a needed sign-in.
  const reviews = instances.filter((i) => (i.toolsToReview ?? 0) > 0).length;
  const health: TrayHealth =
    count('failed') > 0
      ? 'error'
      : count('needs-auth') > 0 || driftCount > 0 || reviews > 0
        ? 'attention'
        : count('starting', 'backoff', 'unhealthy') > 0
          ? 'starting'
          : enabled.length > 0
            ? 'ok'
            : 'idle';
  const parts = (['running', 'starting', 'backoff', 'unhealthy', 'needs-auth', 'failed'] as const)
    .map((state) => [count(state), STATE_WORDS[state]] as const)
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`);
  if (reviews > 0) parts.push(`${reviews} with tools to review`);
  if (driftCount > 0) parts.push(`${driftCount} client${driftCount === 1 ? '' : 's'} changed`);
  // An update is news, not a fault: it shows in words and never changes the icon.
  const updateCount = instances.filter((i) => updateOf.has(i.id)).length;
  if (updateCount > 0) parts.push(`${updateCount} update${updateCount === 1 ? '' : 's'} available`);
  const tooltip = `MCP Tray — ${parts.length > 0 ? parts.join(' · ') : enabled.length > 0 ? 'all stopped' : 'nothing enabled'}`;
  const anyEnabled = enabled.length > 0;
  const menu: TrayMenuItem[] = [
    ...instances.map((instance): TrayMenuItem => ({
      kind: 'instance',
      label: `${instance.name} — ${STATE_WORDS[instance.state]}${(instance.toolsToReview ?? 0) > 0 ? ' · tools changed' : ''}${updateOf.has(instance.id) ? ' · update available' : ''}`,
      state: instance.state,
      submenu: instanceMenu(instance, updateOf.get(instance.id)),
    })),
    ...(instances.length > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'action', label: 'Open MCP Tray', action: { type: 'open-window' } },
    anyEnabled
      ? { kind: 'action', label: 'Pause all', action: { type: 'pause-all' } }
      : {
          kind: 'action',
          label: 'Resume all',
          action: { type: 'resume-all' },
          enabled: instances.length > 0,
        },
    {
      kind: 'checkbox',
      label: 'Launch at login',
      checked: launchAtLogin,
      action: { type: 'toggle-launch-at-login' },
    },
    { kind: 'separator' },
    { kind: 'action', label: 'Quit MCP Tray', action: { type: 'quit' } },
  ];
  return { health, tooltip, menu };
}

function instanceMenu(instance: InstanceSummary, update: OutdatedInstance | undefined): TrayMenuItem[] {
  const { id } = instance;
  return [
    { kind: 'action', label: 'Open', action: { type: 'open-instance', id } },
    // Opens the service, where the update is reviewed before anything changes.
    ...(update
      ? [
          {
            kind: 'action',
            label: `Update available ${update.current} → ${update.latest}…`,
            action: { type: 'open-instance', id },
          } as const,
        ]
      : []),
    ...((instance.toolsToReview ?? 0) > 0
      ? [{ kind: 'action', label: 'Tools changed: review…', action: { type: 'open-instance', id } } as const]
      : []),
    ...(instance.state === 'needs-auth'
      ? [{ kind: 'action', label: 'Sign in…', action: { type: 'sign-in', id } } as const]
      : []),
    { kind: 'action', label: 'Restart', action: { type: 'restart', id }, enabled: instance.enabled },
    instance.enabled
      ? { kind: 'action', label: 'Disable', action: { type: 'set-enabled', id, enabled: false } }
      : { kind: 'action', label: 'Enable', action: { type: 'set-enabled', id, enabled: true } },
  ];
}
