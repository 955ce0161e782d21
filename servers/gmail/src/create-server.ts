import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ApiServerOptions } from '../../shared/create-api-server';
import { createApiServer } from '../../shared/create-api-server';
import { GmailApi } from './gmail-api';
import { registerCompose } from './tools/compose';
import { registerLabels } from './tools/labels';
import { registerRead } from './tools/read';
import { registerSearch } from './tools/search';

export type GmailServerOptions = ApiServerOptions;

/** The Gmail MCP server with all its tools; `server.ts` runs it over stdio, tests in memory. */
export function createServer(options: GmailServerOptions): McpServer {
  return createApiServer(
    {
      info: { name: 'mcp-tray-gmail', title: 'Gmail', version: '1.0.0' },
      instructions:
        'Gmail for the signed-in account. Find mail with search_messages (Gmail search syntax), read it ' +
        'with read_message or read_thread, organize it with list_labels and modify_labels, write with ' +
        'create_draft, and send only when the person asked to, with send_message.',
      api: (apiOptions) => new GmailApi(apiOptions),
      tools: [
        (server, api) => registerSearch({ server, api }),
        (server, api) => registerRead({ server, api }),
        (server, api) => registerCompose({ server, api }),
        (server, api) => registerLabels({ server, api }),
      ],
    },
    options,
  );
}
