import path from 'node:path';
import type { Core, CoreDeps } from '../../../electron/core/core';
import { nodeAdapterContext } from '../../../electron/core/clients/index';
import { nodeDetectorDeps } from '../../../electron/core/clients/client-detector';
import { createCore } from '../../../electron/core/core';
import { systemClock } from '../../../electron/core/platform/clock';
import { silentLogger } from '../../../electron/core/platform/logger';
import { appPaths } from '../../../electron/core/platform/paths';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { CommandResolver } from '../../../electron/core/supervisor/command-resolver';
import { nodeSpawner } from '../../../electron/core/supervisor/process-group';
import { ProcessSampler, createProcessTreeReader } from '../../../electron/core/supervisor/process-stats';
import { GUARDIAN_SCRIPT } from './guardian-script';
import { MemorySecretStore } from './memory-secret-store';

/** Production dependencies on a temp data dir, except the keychain (in memory) and fast timings. */
export function testDeps(dataDir: string, overrides: Partial<CoreDeps> = {}): CoreDeps {
  const paths = appPaths(dataDir);
  return {
    host: 'headless',
    paths,
    clock: systemClock,
    logger: silentLogger,
    opener: { openExternal: () => Promise.resolve() },
    secrets: new MemorySecretStore(),
    settings: new SettingsStore(paths.settingsFile, silentLogger, systemClock),
    spawner: nodeSpawner,
    // The test process's PATH is the login PATH here; reading the shell would only slow tests.
    commands: new CommandResolver({
      platform: process.platform,
      env: process.env,
      loginShellPath: async () => null,
      appNode: { execPath: process.execPath, env: {} },
    }),
    sampler: new ProcessSampler({ reader: createProcessTreeReader(process.platform), now: () => Date.now() }),
    runtime: { execPath: process.execPath, env: {}, guardianScript: GUARDIAN_SCRIPT },
    env: process.env,
    builtInServersDir: null,
    clientContext: nodeAdapterContext({ platform: process.platform, home: dataDir, env: {} }),
    // Programs only in this test's HOME: the machine's own clients must not leak into tests.
    clientDetector: nodeDetectorDeps({
      platform: process.platform,
      home: dataDir,
      env: { XDG_DATA_DIRS: path.join(dataDir, 'share') },
      findCommand: async () => null,
      isExecutable: () => false,
    }),
    connectorRuntime: {
      command: process.execPath,
      args: [path.resolve(import.meta.dirname, '../../../dist/cli/mcp-tray.mjs')],
    },
    dataDirArg: dataDir,
    ...overrides,
  };
}

/** A real core on a temp data dir; only the keychain is in memory. */
export function createTestCore(dataDir: string, overrides: Partial<CoreDeps> = {}): Core {
  return createCore(testDeps(dataDir, overrides));
}
