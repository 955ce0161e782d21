import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { onTestFinished } from 'vitest';
import type { ToolCallRecord } from '../../../electron/shared/contract';
import { CLI, ROOT, cliJson, serveCore, until } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { configSecretAccount } from '../../../electron/core/integrations/launch-spec';
import { KeytarSecretStore } from '../../../electron/core/secrets/keytar-secret-store';
import { silentLogger } from '../../../electron/core/platform/logger';

export interface ProductOptions {
  /** Folder under `servers/`. */
  integration: string;
  instanceId?: string;
  /** Merged into the manifest's `_meta["dev.mcptray"].auth`: local endpoints, a client id. */
  auth?: Record<string, unknown>;
  /** Non-sensitive `user_config` values (the fake API's address). */
  userConfig?: Record<string, string | number | boolean>;
  /** Sensitive `user_config` values (API keys), put in the real keychain as the UI would. */
  secrets?: Record<string, string>;
}

/**
 * The whole product around one built-in server, as a user runs it: `mcp-tray serve` (real
 * keychain, supervisor, broker, call log) with the integration's manifest pointed at local test
 * endpoints, plus the CLI and the connector an AI client runs. Needs `npm run build:node` and,
 * for the keychain, `scripts/with-keyring.sh`.
 */
export async function startProduct(options: ProductOptions) {
  // Unique: tests run in parallel against one keychain, where secrets are keyed by instance id.
  const id = options.instanceId ?? `${options.integration}-${randomBytes(4).toString('hex')}`;
  const root = tempDir('mcp-tray-product-');
  const dataDir = path.join(root, 'data');
  const serversDir = path.join(root, 'servers');
  const source = path.join(ROOT, 'servers', options.integration);
  const target = path.join(serversDir, options.integration);
  fs.mkdirSync(target, { recursive: true });
  fs.symlinkSync(path.join(source, 'dist'), path.join(target, 'dist'));
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'manifest.json'), 'utf8'));
  const tray = manifest._meta?.['dev.mcptray'];
  if (options.auth && tray?.auth) tray.auth = { ...tray.auth, ...options.auth };
  fs.writeFileSync(path.join(target, 'manifest.json'), JSON.stringify(manifest, null, 2));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      instances: [
        {
          id,
          name: manifest.display_name ?? id,
          integrationId: options.integration,
          enabled: true,
          createdAt: new Date().toISOString(),
          userConfig: options.userConfig ?? {},
          secretFields: Object.keys(options.secrets ?? {}),
        },
      ],
    }),
  );
  if (options.secrets) {
    const keychain = new KeytarSecretStore(silentLogger);
    for (const [key, value] of Object.entries(options.secrets)) {
      await keychain.set(configSecretAccount(id, key), value);
    }
    onTestFinished(async () => void (await keychain.deleteAllFor(id)));
  }
  await serveCore(dataDir, { MCP_TRAY_SERVERS_DIR: serversDir });

  type Status = { id: string; state: string; stateReason: string | null };
  const status = () => cliJson<Status[]>(dataDir, ['status']).find((s) => s.id === id);
  return {
    id,
    dataDir,
    status,
    /** Waits until the instance is in `state`. */
    waitFor: (state: string) => until(() => status()?.state === state && status(), `${id} ${state}`),
    cli: <T>(args: string[]) => cliJson<T>(dataDir, args),
    /**
     * `mcp-tray auth <id> --no-browser`; `drive` gets the URL the user would open (the
     * authorization URL, or the device verification page) and completes the sign-in.
     */
    signIn: (drive: (url: string, output: string) => Promise<unknown>) => signInViaCli(dataDir, id, drive),
    /** An MCP client connected the way Claude Desktop is: through the connector. */
    connect: async (name = 'Claude Desktop') => {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [CLI, 'connect', id, '--data-dir', dataDir],
        stderr: 'pipe',
      });
      const client = new Client({ name, version: '1.0.0' }, { capabilities: {} });
      await client.connect(transport);
      onTestFinished(() => client.close());
      return {
        client,
        call: async (tool: string, args: Record<string, unknown> = {}) =>
          (await client.callTool({ name: tool, arguments: args })) as CallToolResult,
      };
    },
    /** Logged tool calls, oldest first (`mcp-tray logs --json`). */
    calls: (): ToolCallRecord[] =>
      spawnSync(process.execPath, [CLI, '--data-dir', dataDir, 'logs', '--json'], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ToolCallRecord),
  };
}

async function signInViaCli(
  dataDir: string,
  id: string,
  drive: (url: string, output: string) => Promise<unknown>,
): Promise<string> {
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
  await drive(url, output);
  const code = await exited;
  if (code !== 0) throw new Error(`mcp-tray auth exited ${code}: ${stderr}`);
  return output;
}
