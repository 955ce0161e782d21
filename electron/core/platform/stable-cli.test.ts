import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dirs';
import { installStableCli } from './stable-cli';

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
