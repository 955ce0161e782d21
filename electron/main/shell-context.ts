import type { RunningCore } from '../core/app-runtime';

/** What the Electron setup steps share. */
export interface ShellContext {
  running: RunningCore;
  /** `dist/` folder of the built app. */
  distDir: string;
}
