import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ApiServerOptions } from '../../shared/create-api-server';
import { createApiServer } from '../../shared/create-api-server';
import { NotionApi } from './notion-api';
import { registerQueryDatabase } from './tools/query-database';
import { registerReadPage } from './tools/read-page';
import { registerSearch } from './tools/search';
import { registerWriteTools } from './tools/write';

export type CreateServerOptions = ApiServerOptions;

/** The Notion MCP server with its tools, not yet connected to a transport. */
export function createServer(options: CreateServerOptions): McpServer {
  return createApiServer(
    {
      info: { name: 'notion', title: 'Notion', version: '1.0.0' },
      instructions:
        'Notion pages and databases the user shared with the MCP Tray integration. Find things with search, ' +
        'read pages with read_page, list database rows with query_database, write with create_page and ' +
        'append_blocks (Markdown). Anything not shared with the integration is invisible to these tools.',
      api: (apiOptions) => new NotionApi(apiOptions),
      tools: [registerSearch, registerReadPage, registerQueryDatabase, registerWriteTools],
    },
    options,
  );
}
