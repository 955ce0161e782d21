import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { _electron as electron, test } from '@playwright/test';
import { findElectronBinary, noDisplayReason } from '../../scripts/electron-binary.mjs';
import type { E2eState } from '../../electron/main/setup-e2e';

const binary = findElectronBinary();

/** Why the Electron specs cannot run here (no binary, no display), or null. */
const skipReason: string | null = binary.path ? noDisplayReason() : binary.reason;

/** Marks the current describe block skipped, with the reason, where Electron cannot run. */
export function skipWithoutElectron(): void {
  test.skip(skipReason !== null, `Electron specs need a runnable Electron: ${skipReason}`);
}

// Chromium refuses to start as root without this (CI containers); it does not change
// webPreferences.sandbox, which the security spec checks.
const ROOT_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
  home: string;
  dataDir: string;
  env: Record<string, string>;
  /** Starts a second copy of the app with extra arguments (it hands them over and quits). */
  secondLaunch(extra: string[]): Promise<number | null>;
  /** What the app's e2e probe holds (see electron/main/setup-e2e.ts). */
  probe(): Promise<E2eState>;
  close(): Promise<void>;
}

/**
 * Starts the built app (`dist/`, from `npm run build`) on a temporary HOME and data folder with
 * `MCP_TRAY_E2E=1`; `seed` may write files into the data folder first.
 */
export async function launchApp(seed?: (dataDir: string) => void): Promise<LaunchedApp> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-electron-'));
  const dataDir = path.join(home, 'data');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  seed?.(dataDir);
  const env = {
    ...(process.env as Record<string, string>),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    MCP_TRAY_E2E: '1',
  };
  const args = ['.', ...ROOT_ARGS, '--data-dir', dataDir];
  const app = await electron.launch({ executablePath: binary.path!, args, env });
  const window = await app.firstWindow();
  return {
    app,
    window,
    home,
    dataDir,
    env,
    secondLaunch: (extra) =>
      new Promise((resolve, reject) => {
        const child: ChildProcess = spawn(binary.path!, [...args, ...extra], { env, stdio: 'ignore' });
        child.once('error', reject);
        child.once('exit', (code) => resolve(code));
      }),
    probe: () => app.evaluate(() => (globalThis as unknown as { __mcpTrayE2E: E2eState }).__mcpTrayE2E),
    close: async () => {
      await app.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
