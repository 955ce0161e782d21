import fs from 'node:fs';
import type { AppInfo } from '../shared/contract';
import type { CoreDeps } from './core';
import { systemClock } from './platform/clock';
import { FileLogger } from './platform/logger';
import type { Opener } from './platform/opener';
import { NodeOpener } from './platform/opener';
import { appPaths } from './platform/paths';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { SettingsStore } from './settings/settings-store';

export interface NodeDepsOptions {
  host: AppInfo['host'];
  dataDir: string;
  /** Where to echo warnings for a person watching (the serve terminal). */
  echo?: NodeJS.WritableStream | null;
  opener?: Opener;
}

/** The production dependencies, shared by the Electron main process and the headless host. */
export function createNodeDeps(options: NodeDepsOptions): CoreDeps {
  const paths = appPaths(options.dataDir);
  fs.mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  const logger = new FileLogger({ file: paths.coreLog, echo: options.echo ?? null });
  return {
    host: options.host,
    paths,
    clock: systemClock,
    logger,
    opener: options.opener ?? new NodeOpener(logger.child('opener')),
    secrets: new KeytarSecretStore(logger.child('keychain')),
    settings: new SettingsStore(paths.settingsFile, logger.child('settings'), systemClock),
  };
}
