import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { ApiError } from '../../../shared/http-client';
import { runTool, toolResult } from '../../../shared/tool-result';
import { notificationList } from '../format';
import type { GitHubApi } from '../github-api';
import { cursor, perPage } from '../inputs';
import { ListNotificationsOutput } from '../outputs';
import { notification } from '../views';
import { READ_ONLY } from './annotations';

/** list_notifications. */
export function registerNotificationTools(server: McpServer, api: GitHubApi): void {
  server.registerTool(
    'list_notifications',
    {
      title: 'List notifications',
      description:
        "The account's GitHub notifications (mentions, review requests, assignments, activity on watched " +
        'repositories), most recently updated first. Unread only unless all is true. Reading them here does ' +
        'not mark them read.',
      inputSchema: {
        all: z.boolean().default(false).describe('Include notifications already read.'),
        participating: z
          .boolean()
          .default(false)
          .describe('Only threads the account takes part in or was mentioned or asked to review in.'),
        since: z.iso
          .datetime({ offset: true, message: 'since must be an ISO 8601 time, like 2025-01-31T09:00:00Z' })
          .optional()
          .describe('Only notifications updated after this time (ISO 8601).'),
        per_page: perPage(50, 25),
        cursor,
      },
      outputSchema: ListNotificationsOutput,
      annotations: READ_ONLY,
    },
    ({ all, participating, since, per_page, cursor }) =>
      runTool(async () => {
        try {
          const { data, nextCursor } = await api.listNotifications(
            { all, participating, ...(since ? { since } : {}) },
            cursor,
            per_page,
          );
          const notifications = data.map(notification);
          return toolResult({ notifications, nextCursor }, notificationList(notifications, nextCursor));
        } catch (error) {
          // The notifications API takes only OAuth and classic tokens, never fine-grained ones.
          const rateLimited =
            error instanceof ApiError && error.message.startsWith('GitHub is rate limiting');
          if (error instanceof ApiError && error.status === 403 && !rateLimited) {
            throw new ApiError(
              `${error.message} Notifications can be read only after signing in to GitHub (or with a classic token); fine-grained personal access tokens cannot read them.`,
              403,
            );
          }
          throw error;
        }
      }),
  );
}
