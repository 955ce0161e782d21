import type { Core } from '../core/core';
import type { CoreDeps } from '../core/core';
import type { InstanceLock } from '../core/platform/instance-lock';

/** What the Electron setup steps share. */
export interface ShellContext {
  core: Core;
  deps: CoreDeps;
  lock: InstanceLock;
  /** `dist/` folder of the built app. */
  distDir: string;
}
