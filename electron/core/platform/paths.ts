import os from 'node:os';
import path from 'node:path';

/** Every location the app writes to, all under one data directory. */
export interface AppPaths {
  dataDir: string;
  settingsFile: string;
  logsDir: string;
  coreLog: string;
  /** Per-run files (lock, host info); 0700. */
  runDir: string;
}

/** Paths under `dataDir`. */
export function appPaths(dataDir: string): AppPaths {
  const root = path.resolve(dataDir);
  return {
    dataDir: root,
    settingsFile: path.join(root, 'settings.json'),
    logsDir: path.join(root, 'logs'),
    coreLog: path.join(root, 'logs', 'core.log'),
    runDir: path.join(root, 'run'),
  };
}

export interface DataDirSource {
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

/**
 * Where the app keeps its data: `--data-dir`, else `MCP_TRAY_HOME`, else the platform's
 * per-user config folder. The Electron shell uses the same answer so CLI and tray agree.
 */
export function resolveDataDir({ flag, env, platform, home }: DataDirSource): string {
  if (flag) return path.resolve(flag);
  if (env.MCP_TRAY_HOME) return path.resolve(env.MCP_TRAY_HOME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'MCP Tray');
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'MCP Tray');
  }
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'mcp-tray');
}

/** `resolveDataDir` for the current process. */
export function currentDataDir(flag?: string): string {
  return resolveDataDir({ flag, env: process.env, platform: process.platform, home: os.homedir() });
}
