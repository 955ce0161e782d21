import type { RunningCore } from '../core/app-runtime';

/** What the Electron setup steps share. */
export interface ShellContext {
  running: RunningCore;
  /** `dist/` folder of the built app (inside `app.asar` when packaged). */
  distDir: string;
  /** A packaged build (no DevTools; entries run the installed app). */
  packaged: boolean;
}
