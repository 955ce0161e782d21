import path from 'node:path';
import type { ConnectorRuntime } from '../clients';
import type { NodeRuntime } from '../supervisor/watchdog';

/**
 * How the Electron app runs JavaScript outside its own process, decided from where it is
 * installed. Every such process (the orphan guardian, built-in servers, the connector AI clients
 * start) runs on the app's own binary with `ELECTRON_RUN_AS_NODE=1`, so users need no Node.
 * Kept free of Electron so it is tested in Node; `electron/main/setup-core.ts` passes the facts.
 */
export interface ElectronRuntimeInput {
  /** `process.execPath`: the app binary (or the development Electron). */
  execPath: string;
  /** The built app's `dist/` folder; inside `app.asar` when packaged. */
  distDir: string;
  /** The app's environment (`APPIMAGE` is set when running from an AppImage). */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The data folder: an AppImage's connector script is copied there (see `stableCliDir`). */
  dataDir?: string;
}

/** Where the app's Node-run processes come from. */
export interface ElectronRuntimePlan {
  /** Runs Node scripts: the guardian, and `node` for built-in servers. */
  runtime: NodeRuntime & { env: Record<string, string> };
  /** What AI clients' entries run: the app binary, the CLI script, and the runtime's variable. */
  connectorRuntime: ConnectorRuntime;
  /** The built-in servers' folder, as real files a child process can use as its working folder. */
  builtInServersDir: string;
  /** Copy this build's CLI here before entries name it (AppImage only: its own path dies at quit). */
  stableCli: { from: string; to: string } | null;
}

/** The variable that makes the Electron binary behave as plain Node. */
const RUN_AS_NODE = { ELECTRON_RUN_AS_NODE: '1' } as const;

/**
 * The same path outside the asar archive. Files a separate process needs (the CLI bundle, the
 * guardian, the servers) are unpacked next to `app.asar` by `asarUnpack` (electron-builder.yml): a child
 * process cannot use a folder inside the archive as its working directory, and a client's
 * `node` would not find the script there. Paths not in an archive are returned unchanged.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

/** Where an AppImage's connector script lives between runs: the data folder outlives the mount. */
export const stableCliDir = (dataDir: string): string => path.join(dataDir, 'runtime', 'cli');

/**
 * Why client entries must not name this app's binary: it runs from a place that goes away (a
 * disk image, macOS App Translocation, an AppImage mount without `$APPIMAGE`), or null.
 */
export function temporaryAppLocation(
  execPath: string,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): string | null {
  if (platform === 'darwin' && /\/AppTranslocation\//.test(execPath)) {
    return 'MCP Tray is running from a temporary copy macOS made of the download. Move it to Applications and open it from there; AI clients would lose it otherwise.';
  }
  if (platform === 'darwin' && execPath.startsWith('/Volumes/')) {
    return 'MCP Tray is running from its disk image. Drag it to Applications and open it from there; AI clients would lose it otherwise.';
  }
  if (platform === 'linux' && /^\/tmp\/\.mount_/.test(execPath) && !env.APPIMAGE) {
    return 'MCP Tray is running from a temporary AppImage mount whose file is unknown. Start the AppImage file itself.';
  }
  return null;
}

/** The runtime plan for the Electron app at `distDir`. */
export function electronRuntime({
  execPath,
  distDir,
  env = {},
  platform = process.platform,
  dataDir,
}: ElectronRuntimeInput): ElectronRuntimePlan {
  const appDir = path.dirname(distDir);
  const cliDir = unpackedPath(path.join(distDir, 'cli'));
  const unstable = temporaryAppLocation(execPath, platform, env);
  // An AppImage mounts at a new /tmp/.mount_* each run and unmounts at quit: entries start the
  // AppImage file itself, with the CLI copied to the data folder (it uses only Node's modules).
  const appImage = platform === 'linux' && env.APPIMAGE && dataDir ? env.APPIMAGE : null;
  const stableCli = appImage && dataDir ? { from: cliDir, to: stableCliDir(dataDir) } : null;
  return {
    runtime: {
      execPath,
      env: { ...RUN_AS_NODE },
      guardianScript: unpackedPath(path.join(distDir, 'guardian', 'guardian.cjs')),
    },
    connectorRuntime: {
      command: appImage ?? execPath,
      args: [path.join(stableCli?.to ?? cliDir, 'mcp-tray.mjs')],
      env: { ...RUN_AS_NODE },
      ...(unstable ? { unstable } : {}),
    },
    builtInServersDir: unpackedPath(path.join(appDir, 'servers')),
    stableCli,
  };
}
