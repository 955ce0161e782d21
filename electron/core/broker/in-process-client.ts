import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Broker } from './broker';
import { LineTransport } from './line-transport';

export { CallToolResultSchema, McpError } from '@modelcontextprotocol/sdk/types.js';

/**
 * An MCP client attached to the broker in this process, through the same line transport a
 * connector's socket uses, so its calls take the path every AI client's calls take.
 */
export async function inProcessClient(
  broker: Pick<Broker, 'attach'>,
  instanceId: string,
  info: { name: string; version: string },
  source: 'client' | 'mcp-tray' = 'client',
): Promise<Client> {
  const client = new Client(info);
  const clientSide: Transport = {
    start: () => Promise.resolve(),
    send: (message) => {
      line.receive(JSON.stringify(message));
      return Promise.resolve();
    },
    close: () => {
      line.fail(`${info.name} closed its session`);
      return Promise.resolve();
    },
  };
  const line = new LineTransport({
    write: (text) => clientSide.onmessage?.(JSON.parse(text) as JSONRPCMessage),
    end: () => clientSide.onclose?.(),
  });
  await broker.attach(instanceId, line, source);
  await client.connect(clientSide);
  return client;
}
