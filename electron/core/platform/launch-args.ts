import { deepLinkFromArgv } from '../../shared/deep-link';

/** What the Electron app's command line asks for. */
export interface LaunchArgs {
  /** `--data-dir DIR` (also `--data-dir=DIR`), else undefined. */
  dataDir: string | undefined;
  /** Started at login (`--hidden`, which our login items pass): stay in the tray. */
  hidden: boolean;
  /** An `mcp-tray://` link the OS started us with (Windows, Linux). */
  deepLink: string | null;
}

/**
 * Reads the app's argv (the first launch's, or a second instance's). Unknown switches are
 * Chromium's or Electron's and are ignored.
 */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1] !== undefined) dataDir = argv[++i];
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
  }
  return {
    dataDir: dataDir || undefined,
    hidden: argv.includes('--hidden'),
    deepLink: deepLinkFromArgv(argv),
  };
}
