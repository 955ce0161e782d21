import fs from 'node:fs';
import os from 'node:os';
import type { AppInfo } from '../shared/contract';
import type { CoreDeps } from './core';
import { systemClock } from './platform/clock';
import { FileLogger } from './platform/logger';
import type { Notifier } from './platform/notifier';
import type { Opener } from './platform/opener';
import { NodeOpener } from './platform/opener';
import { appPaths, resolveDataDir } from './platform/paths';
import type { ConnectorRuntime } from './clients';
import { nodeAdapterContext } from './clients';
import { nodeDetectorDeps } from './clients/client-detector';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { SettingsStore } from './settings/settings-store';
import { CommandResolver, readLoginShellPath } from './supervisor/command-resolver';
import { nodeSpawner } from './supervisor/process-group';
import { ProcessSampler, createProcessTreeReader } from './supervisor/process-stats';
import type { NodeRuntime } from './supervisor/watchdog';

export interface NodeDepsOptions {
  host: AppInfo['host'];
  dataDir: string;
  /** Where to echo warnings for a person watching (the serve terminal). */
  echo?: NodeJS.WritableStream | null;
  opener?: Opener;
  /** How to run a Node script and where the guardian is; Electron passes itself as Node. */
  runtime: NodeRuntime;
  builtInServersDir?: string | null;
  /** How client entries start the connector; default: this Node and the CLI next to it. */
  connectorRuntime?: ConnectorRuntime;
  /** Desktop notifications (the Electron shell's); default: logged. */
  notifier?: Notifier;
  /** How the host stops itself when asked (`mcp-tray quit`). */
  onQuit?: () => void;
}

/** The production dependencies, shared by the Electron main process and the headless host. */
export function createNodeDeps(options: NodeDepsOptions): CoreDeps {
  const paths = appPaths(options.dataDir);
  fs.mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  const logger = new FileLogger({ file: paths.coreLog, echo: options.echo ?? null });
  const env = process.env;
  const platform = process.platform;
  const runtime = options.runtime;
  const commands = new CommandResolver({
    platform,
    env,
    loginShellPath: () => readLoginShellPath({ shell: env.SHELL || '/bin/sh', env }),
    // Built-in servers run on the host's own Node (Electron as Node in the app).
    appNode: { execPath: runtime.execPath, env: definedOnly(runtime.env) },
  });
  return {
    host: options.host,
    paths,
    clock: systemClock,
    logger,
    opener: options.opener ?? new NodeOpener(logger.child('opener')),
    secrets: new KeytarSecretStore(logger.child('keychain')),
    settings: new SettingsStore(paths.settingsFile, logger.child('settings'), systemClock),
    spawner: nodeSpawner,
    commands,
    sampler: new ProcessSampler({ reader: createProcessTreeReader(platform), now: () => Date.now() }),
    runtime,
    env,
    builtInServersDir: options.builtInServersDir ?? null,
    clientContext: nodeAdapterContext({ platform, home: os.homedir(), env }),
    clientDetector: nodeDetectorDeps({
      platform,
      home: os.homedir(),
      env,
      findCommand: (name) => commands.which(name),
      isExecutable: (file) => commands.canRun(file),
    }),
    connectorRuntime: options.connectorRuntime ?? { command: process.execPath, args: [] },
    dataDirArg: paths.dataDir === defaultDataDir(env, platform) ? null : paths.dataDir,
    ...(options.notifier ? { notifier: options.notifier } : {}),
    ...(options.onQuit ? { quit: options.onQuit } : {}),
  };
}

/** An environment without unset entries. */
function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The folder a connector finds without `--data-dir`: clients start it without our env. */
function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return resolveDataDir({ env: { ...env, MCP_TRAY_HOME: undefined }, platform, home: os.homedir() });
}
