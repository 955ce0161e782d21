import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

/** Writes a line to stderr, which MCP Tray keeps per instance; stdout is JSON-RPC only. */
export function log(message: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), message, ...fields })}\n`);
}

/** Reads a required environment variable, exiting with a readable message when it is missing. */
export function requireEnv(name: string, what: string): string {
  const value = process.env[name];
  if (value) return value;
  log(`${name} is not set: ${what}. Start this server from MCP Tray, which provides it.`);
  process.exit(2);
}

/** Serves over stdio and exits when the client closes stdin (the supervisor's first stop step). */
export async function runStdio(server: McpServer): Promise<void> {
  const transport = new StdioServerTransport();
  process.stdin.once('end', () => void server.close().finally(() => process.exit(0)));
  await server.connect(transport);
}
