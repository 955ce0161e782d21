import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { TokenSource } from '../../shared/token-source';
import { GmailApi } from './gmail-api';
import { registerCompose } from './tools/compose';
import { registerLabels } from './tools/labels';
import { registerRead } from './tools/read';
import { registerSearch } from './tools/search';

export interface GmailServerOptions {
  /** Gmail API base, e.g. `https://gmail.googleapis.com/gmail/v1`. */
  apiUrl: string;
  /**
   * The access token; a function when it needs the server itself (the 401 channel asks
   * through the server's client connection).
   */
  token: TokenSource | ((server: Server) => TokenSource);
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** The Gmail MCP server with all its tools; `server.ts` runs it over stdio, tests in memory. */
export function createServer(options: GmailServerOptions): McpServer {
  const server = new McpServer(
    { name: 'mcp-tray-gmail', title: 'Gmail', version: '1.0.0' },
    {
      instructions:
        'Gmail for the signed-in account. Find mail with search_messages (Gmail search syntax), read it ' +
        'with read_message or read_thread, organize it with list_labels and modify_labels, write with ' +
        'create_draft, and send only when the person asked to, with send_message.',
    },
  );
  const token = typeof options.token === 'function' ? options.token(server.server) : options.token;
  const api = new GmailApi({
    apiUrl: options.apiUrl,
    token,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const context = { server, api };
  registerSearch(context);
  registerRead(context);
  registerCompose(context);
  registerLabels(context);
  return server;
}
