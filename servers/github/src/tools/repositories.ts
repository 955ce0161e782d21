import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { runTool, toolResult } from '../../../shared/tool-result';
import { repositoryList, repositoryText } from '../format';
import type { GitHubApi } from '../github-api';
import { cursor, owner, perPage, repo } from '../inputs';
import { RepositoryOutput, SearchRepositoriesOutput } from '../outputs';
import { repository, repositorySummary } from '../views';
import { READ_ONLY } from './annotations';

/** search_repositories, get_repository. */
export function registerRepositoryTools(server: McpServer, api: GitHubApi): void {
  server.registerTool(
    'search_repositories',
    {
      title: 'Search repositories',
      description:
        'Search GitHub repositories with GitHub search syntax, e.g. "mcp server language:typescript stars:>100", ' +
        '"user:octocat" or "org:github topic:cli". Private repositories appear only if the account can see them.',
      inputSchema: {
        query: z
          .string()
          .min(1)
          .max(256)
          .describe('Search words and qualifiers (language:, user:, org:, topic:, stars:>N, in:name…).'),
        sort: z
          .enum(['best-match', 'stars', 'forks', 'updated'])
          .default('best-match')
          .describe('Order of the results.'),
        per_page: perPage(50, 10),
        cursor,
      },
      outputSchema: SearchRepositoriesOutput,
      annotations: READ_ONLY,
    },
    ({ query, sort, per_page, cursor }) =>
      runTool(async () => {
        const { data, nextCursor } = await api.searchRepositories(
          { q: query, ...(sort === 'best-match' ? {} : { sort, order: 'desc' }) },
          cursor,
          per_page,
        );
        const repositories = data.items.map(repositorySummary);
        const result = {
          totalCount: data.total_count,
          incompleteResults: data.incomplete_results,
          repositories,
          nextCursor,
        };
        return toolResult(result, repositoryList(data.total_count, repositories, nextCursor));
      }),
  );

  server.registerTool(
    'get_repository',
    {
      title: 'Get repository',
      description:
        'Details of one repository: description, default branch, stars, language, license, topics, ' +
        'and whether the account can push to it.',
      inputSchema: { owner, repo },
      outputSchema: RepositoryOutput,
      annotations: READ_ONLY,
    },
    ({ owner, repo }) =>
      runTool(async () => {
        const result = repository(await api.getRepository(owner, repo));
        return toolResult(result, repositoryText(result));
      }),
  );
}
