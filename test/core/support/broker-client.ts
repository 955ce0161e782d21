import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { inProcessClient } from '../../../electron/core/broker/in-process-client';
import type { Core } from '../../../electron/core/core';

/** An MCP client attached to the broker in-process, as a connector's socket would be. */
export function brokerClient(core: Core, instanceId: string): Promise<Client> {
  return inProcessClient(core.broker, instanceId, { name: 'in-process', version: '1' });
}
