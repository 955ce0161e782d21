import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { TokenSource } from '../../shared/token-source';
import { GitHubApi } from './github-api';
import { registerCodeTools } from './tools/code';
import { registerIssueTools } from './tools/issues';
import { registerNotificationTools } from './tools/notifications';
import { registerPullRequestTools } from './tools/pull-requests';
import { registerRepositoryTools } from './tools/repositories';

export interface GitHubServerOptions {
  /** REST API base: `https://api.github.com`, an Enterprise `…/api/v3`, or a test server. */
  apiUrl: string;
  /**
   * The token, or how to make one from the MCP server (a `ChannelTokenSource`, which needs the
   * server to ask MCP Tray for a fresh token on 401).
   */
  token: TokenSource | ((server: Server) => TokenSource);
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** The GitHub MCP server with all its tools, not yet connected to a transport. */
export function createServer(options: GitHubServerOptions): McpServer {
  const server = new McpServer(
    { name: 'mcp-tray-github', title: 'GitHub', version: '1.0.0' },
    {
      instructions:
        'GitHub: repositories, files, issues, pull requests and notifications of the signed-in account. ' +
        'Repositories are named by owner and repo ("octocat" and "hello-world"). Lists return nextCursor; ' +
        'pass it back as cursor for more.',
    },
  );
  const token = typeof options.token === 'function' ? options.token(server.server) : options.token;
  const api = new GitHubApi({
    apiUrl: options.apiUrl,
    token,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  registerRepositoryTools(server, api);
  registerIssueTools(server, api);
  registerPullRequestTools(server, api);
  registerCodeTools(server, api);
  registerNotificationTools(server, api);
  return server;
}
