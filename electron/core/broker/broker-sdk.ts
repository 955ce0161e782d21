import {
  CreateMessageResultSchema,
  ElicitResultSchema,
  ErrorCode,
  ListRootsResultSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';

export { BrokerSession } from './broker-session';
export { restartedError, trayError } from './forwarding';
export { ErrorCode, McpError };

/** How the answer to each server-initiated request a client may be asked is checked. */
export const RESULT_SCHEMAS: Record<string, typeof CreateMessageResultSchema> = {
  'sampling/createMessage': CreateMessageResultSchema,
  'elicitation/create': ElicitResultSchema as never,
  'roots/list': ListRootsResultSchema as never,
};
