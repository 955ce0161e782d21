import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { TokenSource } from './token-source';

/** How a built-in server reaches its provider's API (the same for all four). */
export interface ApiServerOptions {
  /** The provider's API base: its public one, an enterprise one, or a test server. */
  apiUrl: string;
  /**
   * The token, or how to make one from the MCP server: a `ChannelTokenSource` needs the server
   * to ask MCP Tray (its connected client) for a fresh token on 401.
   */
  token: TokenSource | ((server: Server) => TokenSource);
  /** Replaces waiting between retries (tests record the waits instead). */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** What makes one built-in server: its name, its words for the model, its API and its tools. */
export interface ApiServerSpec<Api> {
  info: { name: string; title: string; version: string };
  instructions: string;
  api: (options: Omit<ApiServerOptions, 'token'> & { token: TokenSource }) => Api;
  tools: ((server: McpServer, api: Api) => void)[];
}

/** A built-in MCP server with all its tools, not yet connected to a transport. */
export function createApiServer<Api>(spec: ApiServerSpec<Api>, options: ApiServerOptions): McpServer {
  const server = new McpServer(spec.info, { instructions: spec.instructions });
  const token = typeof options.token === 'function' ? options.token(server.server) : options.token;
  const api = spec.api({
    apiUrl: options.apiUrl,
    token,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  for (const register of spec.tools) register(server, api);
  return server;
}
