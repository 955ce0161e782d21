import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { LineTransport } from '../../../electron/core/broker/line-transport';
import type { Core } from '../../../electron/core/core';

/** An MCP client attached to the broker in-process, as a connector's socket would be. */
export async function brokerClient(core: Core, instanceId: string): Promise<Client> {
  const client = new Client({ name: 'in-process', version: '1' });
  const clientSide: Transport = {
    start: () => Promise.resolve(),
    send: (message) => {
      line.receive(JSON.stringify(message));
      return Promise.resolve();
    },
    close: () => {
      line.fail('client closed');
      return Promise.resolve();
    },
  };
  const line = new LineTransport({
    write: (text) => clientSide.onmessage?.(JSON.parse(text) as JSONRPCMessage),
    end: () => clientSide.onclose?.(),
  });
  await core.broker.attach(instanceId, line);
  await client.connect(clientSide);
  return client;
}
