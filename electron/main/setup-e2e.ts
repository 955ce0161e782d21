import type { TrayAvailability } from '../core/platform/tray-availability';
import type { TrayModel } from '../shared/tray-model';

/** What the Electron specs read with Playwright's `app.evaluate` (see e2e/electron/). */
export interface E2eState {
  /** The tray model last applied to the tray icon, tooltip and menu. */
  trayModel: TrayModel | null;
  /** Whether this desktop got a tray, and why; set once start-up is done. */
  tray: TrayAvailability | null;
}

/** The global the state lives on in the main process; only set when `MCP_TRAY_E2E=1`. */
const E2E_PROBE_KEY = '__mcpTrayE2E';

/** How the shell reports to the probe. */
export interface E2eProbe {
  recordTray(model: TrayModel): void;
  ready(tray: TrayAvailability): void;
}

/**
 * Test-only hook: with `MCP_TRAY_E2E=1` the shell keeps an {@link E2eState} on `globalThis` in
 * the main process, the only place `app.evaluate` can read. Without it nothing is exposed.
 */
export function setupE2eProbe(): E2eProbe | null {
  if (process.env.MCP_TRAY_E2E !== '1') return null;
  const state: E2eState = { trayModel: null, tray: null };
  (globalThis as Record<string, unknown>)[E2E_PROBE_KEY] = state;
  return {
    recordTray: (model) => {
      state.trayModel = model;
    },
    ready: (tray) => {
      state.tray = tray;
    },
  };
}
