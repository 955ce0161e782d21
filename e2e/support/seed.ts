import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI } from './serve';

/** A custom-command service as the settings file holds it. */
export function customInstance(
  id: string,
  name: string,
  launch: { command: string; args: string[]; env?: Record<string, string> },
  enabled = true,
) {
  return {
    id,
    name,
    integrationId: 'custom',
    enabled,
    createdAt: new Date().toISOString(),
    launch: { command: launch.command, args: launch.args, env: launch.env ?? {} },
  };
}

/** Writes a data dir's settings file, as a user's earlier session would have (owner-only). */
export function writeSettings(dataDir: string, settings: object): void {
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(settings), { mode: 0o600 });
}

/** An empty Claude Desktop config in the HOME around `dataDir` (as `startServe` lays them out). */
export function writeClaudeConfig(dataDir: string): void {
  const claude = path.join(path.dirname(dataDir), '.config', 'Claude', 'claude_desktop_config.json');
  fs.mkdirSync(path.dirname(claude), { recursive: true });
  fs.writeFileSync(claude, '{\n  "mcpServers": {}\n}\n');
}

/** One tool call by an AI client through the connector, so the logs have a row from it. */
export async function callThroughConnector(
  dataDir: string,
  client: { name: string; version: string },
  instanceId: string,
  call: { name: string; arguments: Record<string, unknown> },
): Promise<void> {
  const connection = new Client(client);
  await connection.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'connect', instanceId, '--data-dir', dataDir],
      stderr: 'ignore',
    }),
  );
  await connection.callTool(call);
  await connection.close();
}
