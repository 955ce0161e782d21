import { describe, expect, it } from 'vitest';
import { restartClient } from './client-restart';

/** A fake OS: records commands; Claude is "running" until it was asked to quit. */
function fakeOs(quits = true) {
  const calls: string[] = [];
  let running = true;
  const run = async (file: string, args: string[]) => {
    calls.push([file, ...args].join(' '));
    if (file === 'osascript' || file === 'taskkill') running = !quits;
    if (file === 'pgrep' || file === 'cmd.exe') return running ? 0 : 1;
    return 0;
  };
  return { calls, run };
}

const noSleep = () => Promise.resolve();

describe('restartClient', () => {
  it('quits Claude Desktop on macOS, waits until it is gone, and opens it again', async () => {
    const os = fakeOs();
    const result = await restartClient('claude-desktop', 'darwin', os.run, { sleep: noSleep });
    expect(result.restarted).toBe(true);
    expect(os.calls).toEqual([
      'osascript -e tell application "Claude" to quit',
      'pgrep -x Claude',
      'pgrep -x Claude',
      'open -a Claude',
    ]);
  });

  it('uses the Store app id on Windows for the MSIX install', async () => {
    const os = fakeOs();
    await restartClient('claude-desktop', 'win32', os.run, { msix: true, sleep: noSleep });
    expect(os.calls[0]).toBe('taskkill /IM claude.exe');
    expect(os.calls.at(-1)).toBe('explorer.exe shell:AppsFolder\\Claude_pzs8sxrjxfjjc!Claude');
  });

  it('says what to do when it does not quit, on Linux, and for other clients', async () => {
    const stuck = await restartClient('claude-desktop', 'darwin', fakeOs(false).run, { sleep: noSleep });
    expect(stuck).toMatchObject({ restarted: false, message: expect.stringMatching(/did not quit in time/) });
    expect((await restartClient('claude-desktop', 'linux', fakeOs().run)).restarted).toBe(false);
    expect((await restartClient('cursor', 'darwin', fakeOs().run)).message).toMatch(/Quit/);
  });
});
