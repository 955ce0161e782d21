import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TestBrowser } from '../../../test/core/auth/test-browser';
import { expectNoSecretsIn } from '../../../test/core/auth/test-scan';
import { silentLogger } from '../platform/logger';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { CLI, serveCore } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { startRemoteServer } from '../../../test/core/remote/test-remote-server';

/**
 * Runs the CLI without blocking: the remote server and its authorization server live in this
 * process and must keep answering meanwhile (so no `spawnSync`, and no `cliJson`).
 */
function cli(
  dataDir: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

/** `mcp-tray auth <id> --no-browser`: the URL it prints goes to the test browser. */
async function signInViaCli(dataDir: string, id: string, browser: TestBrowser): Promise<string> {
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'auth', id, '--no-browser']);
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let output = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const found = /(https?:\/\/\S+)/.exec(output);
      if (found && output.includes('Waiting')) resolve(found[1]!);
    });
    void exited.then((code) => reject(new Error(`auth exited ${code} before showing a URL: ${stderr}`)));
  });
  const visit = await browser.authorize(url);
  expect(visit.html).toContain('You are signed in');
  expect(await exited, stderr).toBe(0);
  return output;
}

/** An AI client the way Claude Desktop runs one: the stdio connector. */
async function connectorClient(dataDir: string, id: string, name: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'connect', id, '--data-dir', dataDir],
    stderr: 'pipe',
  });
  const client = new Client({ name, version: '1.0.0' }, { capabilities: {} });
  await client.connect(transport);
  onTestFinished(() => client.close());
  return async (tool: string) => {
    const result = (await client.callTool({ name: tool, arguments: {} })) as CallToolResult;
    return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  };
}

/**
 * The whole product with a remote server: `mcp-tray serve` (real keychain), `add --url`,
 * `auth` in the (test) browser, and two AI clients through the connector sharing one
 * connection and one token. Needs `npm run build:node` and `scripts/with-keyring.sh`.
 */
describe('a remote MCP server through the whole product', () => {
  it.skipIf(process.env.MCP_TRAY_TEST_KEYRING !== '1')(
    'add --url, sign in once, tool calls from two clients through the connector',
    async () => {
      const server = await startRemoteServer();
      onTestFinished(() => server.close());
      const registrations: string[] = [];
      server.provider!.provider.on('registration_create.success', (ctx) =>
        registrations.push(String(ctx.oidc.client?.clientId)),
      );
      const id = `remote-${randomBytes(4).toString('hex')}`;
      const keychain = new KeytarSecretStore(silentLogger);
      onTestFinished(async () => void (await keychain.deleteAllFor(id)));
      const dataDir = tempDir();
      await serveCore(dataDir);

      const added = await cli(dataDir, ['add', id, '--url', server.url, '--name', 'Remote test']);
      expect(added.status, added.stderr).toBe(0);
      expect(added.stdout).toContain(`${id}: needs-auth (Sign in to Remote test to use it.)`);
      expect(added.stdout).toContain(`Next: mcp-tray auth ${id}`);

      const output = await signInViaCli(dataDir, id, new TestBrowser());
      expect(output).toContain('Signed in.');
      type Status = { id: string; state: string; tools: number };
      const listed = JSON.parse((await cli(dataDir, ['status', '--json'])).stdout) as Status[];
      const status = listed.find((s) => s.id === id);
      expect(status).toMatchObject({ state: 'running', tools: 2 });

      const desktop = await connectorClient(dataDir, id, 'Claude Desktop');
      const cursor = await connectorClient(dataDir, id, 'Cursor');
      expect(await desktop('whoami')).toMatch(/^ada via \S+ \(mcp:read\)$/);
      expect(await cursor('whoami')).toMatch(/^ada via/);

      // One registration, one token at the server for both clients; none of it in our files.
      expect(registrations).toHaveLength(1);
      const tokens = new Set(server.requests.map((r) => r.token).filter((t): t is string => Boolean(t)));
      expect(tokens.size).toBe(1);
      const logs = await cli(dataDir, ['logs', '--json']);
      const calls = logs.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { tool: string; client: { name: string } });
      expect(calls.map((c) => `${c.client.name}: ${c.tool}`)).toEqual([
        'Claude Desktop: whoami',
        'Cursor: whoami',
      ]);
      expectNoSecretsIn(dataDir, [...tokens]);
    },
    60_000,
  );
});
