import fs from 'node:fs';
import path from 'node:path';
import { launchCore } from '../core/app-runtime';
import type { RunningCore } from '../core/app-runtime';
import { startHeadlessHost } from '../core/host/headless-host';
import { DEFAULT_PORT, PortInUseError } from '../core/host/listen';
import { AlreadyRunningError } from '../core/platform/instance-lock';
import { currentDataDir } from '../core/platform/paths';
import { ProcessGuard } from '../core/platform/process-guard';
import type { ParsedArgs } from './args';
import { cliDir } from './bundle-paths';

const bundleDir = (): string => cliDir(import.meta.url);

/** Folder of the built renderer, next to this bundle in `dist/`. */
export const rendererDir = (): string => path.resolve(bundleDir(), '..', 'renderer');

/** The orphan guardian, built beside the CLI in `dist/guardian/`. */
export const guardianScript = (): string => path.resolve(bundleDir(), '..', 'guardian', 'guardian.cjs');

/**
 * Built-in integrations ship beside `dist/` in `servers/`. `MCP_TRAY_SERVERS_DIR` points the app
 * at another folder while developing an integration (docs/integrations.md).
 */
export const builtInServersDir = (): string =>
  process.env.MCP_TRAY_SERVERS_DIR || path.resolve(bundleDir(), '..', '..', 'servers');

const hasDisplay = (): boolean =>
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** `mcp-tray serve`: runs the core and the UI on 127.0.0.1 until interrupted. */
export async function serveCommand(args: ParsedArgs): Promise<number> {
  const out = (line: string) => process.stdout.write(line + '\n');
  const fail = (line: string) => process.stderr.write(`mcp-tray: ${line}\n`);
  const uiDir = rendererDir();
  if (!fs.existsSync(path.join(uiDir, 'index.html'))) {
    fail(`the UI is not built (no ${uiDir}/index.html); run "npm run build" first`);
    return 1;
  }
  const dataDir = currentDataDir(args.dataDir);
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
  });
  let running: RunningCore;
  try {
    running = await launchCore({
      host: 'headless',
      dataDir,
      echo: process.stderr,
      builtInServersDir: builtInServersDir(),
      runtime: { execPath: process.execPath, env: {}, guardianScript: guardianScript() },
      // Client entries run this Node with this CLI: `node …/mcp-tray.mjs connect <id>`.
      connectorRuntime: { command: process.execPath, args: [path.join(bundleDir(), 'mcp-tray.mjs')] },
      // `mcp-tray quit`: the same clean stop as Ctrl+C.
      onQuit: () => stop(),
    });
  } catch (error) {
    if (error instanceof AlreadyRunningError) {
      fail(error.message);
      return 1;
    }
    throw error;
  }
  let host;
  try {
    host = await startHeadlessHost({
      core: running.core,
      rendererDir: uiDir,
      port: args.port ?? DEFAULT_PORT,
      strictPort: args.port !== undefined && args.port !== 0,
      logger: running.deps.logger.child('host'),
    });
  } catch (error) {
    await running.shutdown();
    if (error instanceof PortInUseError) {
      fail(error.message);
      return 1;
    }
    throw error;
  }
  new ProcessGuard(running.deps.logger.child('guard')).install();
  running.publish({ url: host.url, port: host.port });
  if (args.json) {
    out(JSON.stringify({ url: host.url, port: host.port, pid: process.pid, dataDir }));
  } else {
    if (host.fellBackFrom !== null) out(`Port ${host.fellBackFrom} is in use; using ${host.port} instead.`);
    out(`MCP Tray is running. Open ${host.url}`);
    out(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);
  }
  if (args.open && hasDisplay()) running.deps.opener.openExternal(host.url).catch(() => undefined);
  await stopped;
  if (!args.json) out('Stopping MCP Tray and its services…');
  await host.close();
  await running.shutdown();
  return 0;
}
