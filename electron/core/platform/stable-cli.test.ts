import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { spawnSync } from 'node:child_process';
import { installStableCli, installStableLauncher } from './stable-cli';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('installStableCli', () => {
  it('copies the CLI without source maps, and replaces an older copy whole', () => {
    const root = tempDir();
    const from = path.join(root, 'mount', 'dist', 'cli');
    const to = path.join(root, 'data', 'runtime', 'cli');
    write(path.join(to, 'mcp-tray.mjs'), 'old');
    write(path.join(to, 'chunks', 'gone-old.mjs'), 'old chunk');
    write(path.join(from, 'mcp-tray.mjs'), 'new');
    write(path.join(from, 'mcp-tray.mjs.map'), '{}');
    write(path.join(from, 'chunks', 'connector-abc.mjs'), 'chunk');
    installStableCli(from, to);
    expect(fs.readFileSync(path.join(to, 'mcp-tray.mjs'), 'utf8')).toBe('new');
    expect(fs.readdirSync(path.join(to, 'chunks'))).toEqual(['connector-abc.mjs']);
    expect(fs.existsSync(path.join(to, 'mcp-tray.mjs.map'))).toBe(false);
    // No temporary or old folders left beside it.
    expect(fs.readdirSync(path.dirname(to))).toEqual(['cli']);
  });

  it('leaves the old copy usable when the new one cannot be made', () => {
    const root = tempDir();
    const to = path.join(root, 'data', 'runtime', 'cli');
    write(path.join(to, 'mcp-tray.mjs'), 'old');
    expect(() => installStableCli(path.join(root, 'missing'), to)).toThrow();
    expect(fs.readFileSync(path.join(to, 'mcp-tray.mjs'), 'utf8')).toBe('old');
    expect(fs.readdirSync(path.dirname(to))).toEqual(['cli']);
  });
});

describe.skipIf(process.platform === 'win32')('installStableLauncher (a real script run by sh)', () => {
  it('runs the current runtime with the client’s arguments, and is rewritten when MCP Tray moves', () => {
    const root = tempDir();
    const launcher = path.join(root, 'data', 'runtime', 'mcp-tray');
    const script = path.join(root, "app's place", 'cli.mjs');
    write(
      script,
      'console.log(JSON.stringify([process.env.ELECTRON_RUN_AS_NODE, ...process.argv.slice(2)]));',
    );
    installStableLauncher(launcher, {
      command: process.execPath,
      args: [script],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    expect(fs.statSync(launcher).mode & 0o777).toBe(0o700);
    const run = spawnSync(launcher, ['connect', 'notes'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('["1","connect","notes"]');

    // The app moved away and was not opened since: the client gets a reason, not "not found".
    fs.rmSync(path.dirname(script), { recursive: true });
    const gone = spawnSync(launcher, ['connect', 'notes'], { encoding: 'utf8' });
    expect(gone.status).toBe(127);
    expect(gone.stderr).toContain(`MCP Tray is no longer at ${script}. Open MCP Tray once`);

    // Opened from its new place: the launcher follows.
    const moved = path.join(root, 'new place', 'cli.mjs');
    write(moved, 'console.log("moved", process.argv.slice(2).join(" "));');
    installStableLauncher(launcher, { command: process.execPath, args: [moved] });
    expect(spawnSync(launcher, ['connect', 'notes'], { encoding: 'utf8' }).stdout.trim()).toBe(
      'moved connect notes',
    );
    expect(fs.readdirSync(path.dirname(launcher))).toEqual(['mcp-tray']);
  });
});
