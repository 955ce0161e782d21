import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Core, CoreDeps } from '../../electron/core/core';
import type { ShellContext } from '../../electron/main/shell-context';
import { createCore } from '../../electron/core/core';
import { testDeps } from '../core/support/test-core';
import { tempDir } from '../core/support/temp-dirs';

/** A shell context around `core`; `shutdown` stops the core, as the app's does. */
export function shellContext(core: Core, deps: CoreDeps): ShellContext {
  return {
    running: { core, deps, publish: () => undefined, shutdown: () => core.stop() },
    // The repository's dist/: resources/ sits beside it, as in the built app.
    distDir: path.resolve(import.meta.dirname, '../../dist'),
    packaged: false,
  };
}

/** A real, started core on a fresh data folder (and HOME), stopped when the test ends. */
export async function startedShell(overrides: Partial<CoreDeps> = {}): Promise<ShellContext> {
  const dataDir = tempDir();
  const deps = testDeps(dataDir, overrides);
  const core = createCore(deps);
  onTestFinished(() => core.stop());
  await core.start();
  return shellContext(core, deps);
}
