import type { Core, CoreDeps } from './core';
import { createCore } from './core';
import { ControlServer } from './control/control-server';
import { loadOrCreateInstallSecret } from './control/install-secret';
import { controlSocketPath } from './control/socket-path';
import type { NodeDepsOptions } from './node-deps';
import { createNodeDeps } from './node-deps';
import { InstanceLock } from './platform/instance-lock';
import type { HostInfo } from './platform/instance-lock';
import { appPaths } from './platform/paths';
import { recordSessionEnv, sessionEnvFile } from './platform/session-env';
import { installStableLauncher, stableLauncherPath } from './platform/stable-cli';

/**
 * The connector runtime with its stable launcher, written (or refreshed) now: entries name the
 * launcher, which names wherever MCP Tray runs from today. Not on Windows (clients there cannot
 * run a script without a shell; the installed app's path is stable), and not from a place that
 * goes away (the launcher would point there).
 */
function withLauncher(options: NodeDepsOptions, dataDir: string): NodeDepsOptions['connectorRuntime'] {
  const runtime = options.connectorRuntime;
  if (!runtime || runtime.unstable || process.platform === 'win32') return runtime;
  const launcher = stableLauncherPath(dataDir);
  installStableLauncher(launcher, runtime);
  return { ...runtime, launcher };
}

/** A core that owns its data folder, with its local control socket listening. */
export interface RunningCore {
  core: Core;
  deps: CoreDeps;
  /** Records how UIs reach this core (the headless host's URL). */
  publish(info: Omit<HostInfo, 'pid'>): void;
  /** Stops servers, closes the socket, releases the data folder. */
  shutdown(): Promise<void>;
}

/**
 * What both hosts do at start-up: take the data-folder lock (throws `AlreadyRunningError`),
 * build the core, open the control socket and start the enabled servers.
 */
export async function launchCore(options: NodeDepsOptions): Promise<RunningCore> {
  const paths = appPaths(options.dataDir);
  const lock = new InstanceLock(paths.runDir);
  lock.acquire();
  let control: ControlServer | null = null;
  let core: Core | null = null;
  try {
    const deps = createNodeDeps({ ...options, connectorRuntime: withLauncher(options, paths.dataDir) });
    // Started by the user: remember their session for cores the connector starts later.
    if (recordSessionEnv(paths.dataDir, process.env, process.platform)) {
      deps.logger.info('session environment recorded', { file: sessionEnvFile(paths.dataDir) });
    }
    core = createCore(deps);
    const socket = controlSocketPath(paths.dataDir, paths.runDir);
    control = new ControlServer({
      socketPath: socket.path,
      socketDir: socket.dir,
      secret: loadOrCreateInstallSecret(paths.dataDir),
      core,
      logger: deps.logger.child('control'),
    });
    await control.listen();
    lock.publish({ pid: process.pid, url: null, port: null });
    await core.start();
    const started = core;
    const listening = control;
    return {
      core: started,
      deps,
      publish: (info) => lock.publish({ pid: process.pid, ...info }),
      shutdown: async () => {
        await listening.close().catch(() => undefined);
        await started.stop();
        lock.release();
      },
    };
  } catch (error) {
    await control?.close().catch(() => undefined);
    await core?.stop().catch(() => undefined);
    lock.release();
    throw error;
  }
}
