import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/core/support/temp-dirs';

describe('npm start where Electron cannot run', () => {
  it('says why in one line and starts the headless host, printing its URL', async () => {
    const home = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(
      process.execPath,
      ['scripts/start.mjs', '--no-open', '--port', '0', '--data-dir', path.join(home, 'data')],
      { env },
    );
    const lines: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (match) {
          lines.push(...out.split('\n'));
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`start exited ${code}: ${out}`)));
    });
    expect(lines[0]).toMatch(
      /^MCP Tray: the tray app can't start here because .+; starting the headless host instead\.$/,
    );
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(302);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
