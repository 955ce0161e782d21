import type { ClientId } from './client-adapter';

/** Runs a program and resolves its exit code (injected: tests check the commands, not the OS). */
export type RunCommand = (file: string, args: string[]) => Promise<number>;

export interface RestartResult {
  restarted: boolean;
  message: string;
}

const MANUAL = 'Quit Claude Desktop completely (also from its tray icon) and open it again.';
const POLL_MS = 250;
const QUIT_TIMEOUT_MS = 10_000;

/**
 * Quits and reopens Claude Desktop so it reads its config again. Closing its window is not
 * enough: on macOS and Windows it keeps running in the menu bar / tray. Linux has no official
 * Claude Desktop, so there (and for other clients) the user gets the manual step.
 * Windows: the Store (MSIX) install is started through its AppsFolder id, the classic install
 * through its launcher in %LOCALAPPDATA%\AnthropicClaude (not verified on a Windows machine).
 */
export async function restartClient(
  client: ClientId,
  platform: NodeJS.Platform,
  run: RunCommand,
  options: { msix?: boolean; localAppData?: string; sleep?: (ms: number) => Promise<void> } = {},
): Promise<RestartResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  if (client !== 'claude-desktop' || (platform !== 'darwin' && platform !== 'win32')) {
    return { restarted: false, message: MANUAL };
  }
  const isRunning =
    platform === 'darwin'
      ? async () => (await run('pgrep', ['-x', 'Claude'])) === 0
      : async () =>
          (await run('cmd.exe', [
            '/d',
            '/c',
            'tasklist /FI "IMAGENAME eq claude.exe" | find /I "claude.exe"',
          ])) === 0;
  if (platform === 'darwin') await run('osascript', ['-e', 'tell application "Claude" to quit']);
  else await run('taskkill', ['/IM', 'claude.exe']);
  for (let waited = 0; (await isRunning()) && waited < QUIT_TIMEOUT_MS; waited += POLL_MS)
    await sleep(POLL_MS);
  if (await isRunning()) {
    return { restarted: false, message: `Claude Desktop did not quit in time. ${MANUAL}` };
  }
  const started =
    platform === 'darwin'
      ? await run('open', ['-a', 'Claude'])
      : options.msix
        ? await run('explorer.exe', ['shell:AppsFolder\\Claude_pzs8sxrjxfjjc!Claude'])
        : await run(`${options.localAppData ?? ''}\\AnthropicClaude\\claude.exe`, []);
  return started === 0
    ? { restarted: true, message: 'Claude Desktop was restarted and has read the new settings.' }
    : { restarted: false, message: `Claude Desktop quit but could not be opened again. Open it yourself.` };
}
