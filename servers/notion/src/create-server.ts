import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { TokenSource } from '../../shared/token-source';
import { NotionApi } from './notion-api';
import { registerQueryDatabase } from './tools/query-database';
import { registerReadPage } from './tools/read-page';
import { registerSearch } from './tools/search';
import { registerWriteTools } from './tools/write';

export interface CreateServerOptions {
  /** Notion's API root, `https://api.notion.com` unless testing. */
  apiUrl: string;
  /**
   * The integration secret. A function receives the MCP server, so the source can ask MCP Tray
   * through it when Notion rejects the secret (`ChannelTokenSource`).
   */
  token: TokenSource | ((server: Server) => TokenSource);
  /** Replaces waiting between retries (tests record the waits instead). */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** The Notion MCP server with its tools, not yet connected to a transport. */
export function createServer(options: CreateServerOptions): McpServer {
  const server = new McpServer(
    { name: 'notion', title: 'Notion', version: '1.0.0' },
    {
      instructions:
        'Notion pages and databases the user shared with the MCP Tray integration. Find things with search, ' +
        'read pages with read_page, list database rows with query_database, write with create_page and ' +
        'append_blocks (Markdown). Anything not shared with the integration is invisible to these tools.',
    },
  );
  const token = typeof options.token === 'function' ? options.token(server.server) : options.token;
  const api = new NotionApi({
    apiUrl: options.apiUrl,
    token,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  registerSearch(server, api);
  registerReadPage(server, api);
  registerQueryDatabase(server, api);
  registerWriteTools(server, api);
  return server;
}
