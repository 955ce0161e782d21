import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createCore } from '../core/core';
import { DEFAULT_PORT, PortInUseError } from '../core/host/listen';
import { startHeadlessHost } from '../core/host/headless-host';
import { createNodeDeps } from '../core/node-deps';
import { AlreadyRunningError, InstanceLock } from '../core/platform/instance-lock';
import { appPaths, currentDataDir } from '../core/platform/paths';
import type { ParsedArgs } from './args';

/** Folder of the built renderer, next to this bundle in `dist/`. */
export const rendererDir = (): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

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
  const lock = new InstanceLock(appPaths(dataDir).runDir);
  try {
    lock.acquire();
  } catch (error) {
    if (error instanceof AlreadyRunningError) {
      fail(error.message);
      return 1;
    }
    throw error;
  }
  const deps = createNodeDeps({ host: 'headless', dataDir, echo: process.stderr });
  const core = createCore(deps);
  let host;
  try {
    host = await startHeadlessHost({
      core,
      rendererDir: uiDir,
      port: args.port ?? DEFAULT_PORT,
      strictPort: args.port !== undefined && args.port !== 0,
      logger: deps.logger.child('host'),
    });
  } catch (error) {
    lock.release();
    await core.stop();
    if (error instanceof PortInUseError) {
      fail(error.message);
      return 1;
    }
    throw error;
  }
  lock.publish({ pid: process.pid, url: host.url, port: host.port });
  if (args.json) {
    out(JSON.stringify({ url: host.url, port: host.port, pid: process.pid, dataDir }));
  } else {
    if (host.fellBackFrom !== null) {
      out(`Port ${host.fellBackFrom} is in use; using ${host.port} instead.`);
    }
    out(`MCP Tray is running. Open ${host.url}`);
    out(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);
  }
  if (args.open && hasDisplay()) {
    deps.opener.openExternal(host.url).catch(() => undefined);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('SIGHUP', stop);
  });
  await host.close();
  await core.stop();
  lock.release();
  return 0;
}
