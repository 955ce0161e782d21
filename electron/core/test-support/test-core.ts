import type { Core, CoreDeps } from '../core';
import { createCore } from '../core';
import { systemClock } from '../platform/clock';
import { silentLogger } from '../platform/logger';
import { appPaths } from '../platform/paths';
import { SettingsStore } from '../settings/settings-store';
import { MemorySecretStore } from './memory-secret-store';

/** A real core on a temp data dir; only the keychain is in memory. */
export function createTestCore(dataDir: string, overrides: Partial<CoreDeps> = {}): Core {
  const paths = appPaths(dataDir);
  return createCore({
    host: 'headless',
    paths,
    clock: systemClock,
    logger: silentLogger,
    opener: { openExternal: () => Promise.resolve() },
    secrets: new MemorySecretStore(),
    settings: new SettingsStore(paths.settingsFile, silentLogger, systemClock),
    ...overrides,
  });
}
