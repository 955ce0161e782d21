import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { onTestFinished } from 'vitest';
import { TOKEN_REFRESH_METHOD } from '../token-source';

export interface TestClientOptions {
  /** Answers the 401 channel like MCP Tray's core; omit to behave like a client without it. */
  refreshToken?: () => string | Promise<string>;
  /** Answers elicitation; omit for a client without the capability. */
  elicit?: (message: string) => ElicitResult;
}

/** An MCP client connected in memory to `server`, closed when the test finishes. */
export async function connectTestClient(server: McpServer, options: TestClientOptions = {}) {
  const client = new Client(
    { name: 'test-client', version: '1.0.0' },
    { capabilities: options.elicit ? { elicitation: {} } : {} },
  );
  if (options.refreshToken) {
    const refresh = options.refreshToken;
    client.setRequestHandler(
      z.object({
        method: z.literal(TOKEN_REFRESH_METHOD),
        params: z.optional(z.record(z.string(), z.unknown())),
      }),
      async () => ({ value: await refresh() }),
    );
  }
  if (options.elicit) {
    const elicit = options.elicit;
    client.setRequestHandler(ElicitRequestSchema, (request) => elicit(request.params.message));
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  onTestFinished(() => client.close());
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = (result: CallToolResult) =>
    result.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');
  return { client, call, text };
}

/** Options for `ApiClient` in tests: no real waiting, so retries and `Retry-After` run instantly. */
export function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}
