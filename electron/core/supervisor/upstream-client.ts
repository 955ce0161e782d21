import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { TokenRejectedResult } from '../auth/token-channel';
import { TokenRejectedRequest } from '../auth/token-channel';
import type { UpstreamHooks } from './runner';

/** What the runner gives the client it connects to its server. */
export interface UpstreamClientOptions {
  info: { name: string; version: string };
  upstream: UpstreamHooks;
  /** A list changed (`list_changed`): re-list before clients are told. */
  refreshLists: (client: Client) => Promise<void>;
  /** Answers the 401 channel of our own servers; absent for remote ones. */
  tokenRejected?: () => Promise<TokenRejectedResult>;
}

/**
 * An SDK client that can answer sampling, elicitation and roots for the server by asking a
 * connected AI client (the broker routes them). Loaded with the first server started, not with
 * the core: the SDK's schemas are the largest part of the core's start-up (see runner-base).
 */
export function upstreamClient({
  info,
  upstream,
  refreshLists,
  tokenRejected,
}: UpstreamClientOptions): Client {
  const client = new Client(info, {
    capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } },
  });
  for (const schema of [
    ToolListChangedNotificationSchema,
    ResourceListChangedNotificationSchema,
    PromptListChangedNotificationSchema,
  ]) {
    client.setNotificationHandler(schema, async (notification) => {
      await refreshLists(client);
      upstream.onNotification(notification);
    });
  }
  for (const schema of [ResourceUpdatedNotificationSchema, LoggingMessageNotificationSchema]) {
    client.setNotificationHandler(schema, (notification) => upstream.onNotification(notification));
  }
  if (tokenRejected) client.setRequestHandler(TokenRejectedRequest, () => tokenRejected());
  for (const schema of [CreateMessageRequestSchema, ElicitRequestSchema, ListRootsRequestSchema]) {
    client.setRequestHandler(schema, (request, extra) => upstream.onRequest(request, extra.signal) as never);
  }
  return client;
}
