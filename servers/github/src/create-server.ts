import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ApiServerOptions } from '../../shared/create-api-server';
import { createApiServer } from '../../shared/create-api-server';
import { GitHubApi } from './github-api';
import { registerCodeTools } from './tools/code';
import { registerIssueTools } from './tools/issues';
import { registerNotificationTools } from './tools/notifications';
import { registerPullRequestTools } from './tools/pull-requests';
import { registerRepositoryTools } from './tools/repositories';

export type GitHubServerOptions = ApiServerOptions;

/** The GitHub MCP server with all its tools, not yet connected to a transport. */
export function createServer(options: GitHubServerOptions): McpServer {
  return createApiServer(
    {
      info: { name: 'mcp-tray-github', title: 'GitHub', version: '1.0.0' },
      instructions:
        'GitHub: repositories, files, issues, pull requests and notifications of the signed-in account. ' +
        'Repositories are named by owner and repo ("octocat" and "hello-world"). Lists return nextCursor; ' +
        'pass it back as cursor for more.',
      api: (apiOptions) => new GitHubApi(apiOptions),
      tools: [
        registerRepositoryTools,
        registerIssueTools,
        registerPullRequestTools,
        registerCodeTools,
        registerNotificationTools,
      ],
    },
    options,
  );
}
