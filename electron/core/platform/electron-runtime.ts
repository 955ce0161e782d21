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
}

/** Where the app's Node-run processes come from. */
export interface ElectronRuntimePlan {
  /** Runs Node scripts: the guardian, and `node` for built-in servers. */
  runtime: NodeRuntime & { env: Record<string, string> };
  /** What AI clients' entries run: the app binary, the CLI script, and the runtime's variable. */
  connectorRuntime: ConnectorRuntime;
  /** The built-in servers' folder, as real files a child process can use as its working folder. */
  builtInServersDir: string;
}

/** The variable that makes the Electron binary behave as plain Node. */
export const RUN_AS_NODE = { ELECTRON_RUN_AS_NODE: '1' } as const;

/**
 * The same path outside the asar archive. Files a separate process needs (the CLI bundle, the
 * servers) are unpacked next to `app.asar` by `asarUnpack` (electron-builder.yml): a child
 * process cannot use a folder inside the archive as its working directory, and a client's
 * `node` would not find the script there. Paths not in an archive are returned unchanged.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

/** The runtime plan for the Electron app at `distDir`. */
export function electronRuntime({ execPath, distDir }: ElectronRuntimeInput): ElectronRuntimePlan {
  const appDir = path.dirname(distDir);
  return {
    runtime: { execPath, env: { ...RUN_AS_NODE } },
    connectorRuntime: {
      command: execPath,
      args: [unpackedPath(path.join(distDir, 'cli', 'mcp-tray.mjs'))],
      env: { ...RUN_AS_NODE },
    },
    builtInServersDir: unpackedPath(path.join(appDir, 'servers')),
  };
}
