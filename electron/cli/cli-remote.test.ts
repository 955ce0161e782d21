import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, serveCore } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';

const cli = (dataDir: string, args: string[]) =>
  spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { encoding: 'utf8' });

/** `mcp-tray add --url` refusals (the happy path is in `core/remote/remote-product.test.ts`). */
describe('mcp-tray add --url', () => {
  it('refuses a command next to a URL, extra settings, and plain http to another computer', async () => {
    const dataDir = tempDir();
    await serveCore(dataDir);
    const both = cli(dataDir, ['add', 'x', '--url', 'https://mcp.example.com/mcp', '--', 'node']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--url and a command after "--" do not go together');
    const env = cli(dataDir, ['add', 'x', '--url', 'https://mcp.example.com/mcp', '--env', 'A=b']);
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('a remote server takes only an id, --name and --url');
    const plain = cli(dataDir, ['add', 'x', '--url', 'http://mcp.example.com/mcp']);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('must use https (plain http is only allowed to this computer)');
    expect(cli(dataDir, ['status', '--json']).stdout.trim()).toBe('[]');
  });
});
