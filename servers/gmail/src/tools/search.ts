import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../../../shared/cursor';
import { ApiError } from '../../../shared/http-client';
import { runTool, toolResult } from '../../../shared/tool-result';
import { formatSearch } from '../format';
import type { Message } from '../gmail-api';
import { LabelDirectory } from '../labels';
import { MessageSummary, SUMMARY_HEADERS, mapLimit, summarize } from '../messages';
import type { ToolContext } from './context';
import { cursorField } from './context';

export function registerSearch({ server, api }: ToolContext): void {
  server.registerTool(
    'search_messages',
    {
      title: 'Search Gmail',
      description:
        'Finds messages in the signed-in Gmail account with Gmail search syntax, newest first. Returns ' +
        'sender, recipients, subject, date, a short snippet and labels for each; use read_message or ' +
        'read_thread for the full text.',
      inputSchema: {
        query: z
          .string()
          .max(2000)
          .optional()
          .describe(
            'Gmail search, as typed in the Gmail search box (the API\'s "q"), e.g. ' +
              '"from:ada@example.com is:unread newer_than:7d", "subject:invoice has:attachment". ' +
              'Omit to list the newest messages.',
          ),
        labels: z
          .array(z.string().min(1).max(225))
          .max(10)
          .optional()
          .describe('Only messages carrying all these labels, by name or id (e.g. "INBOX", "Receipts")'),
        includeSpamTrash: z.boolean().default(false).describe('Also search Spam and Trash'),
        maxResults: z.number().int().min(1).max(50).default(10).describe('Messages per page (1–50)'),
        cursor: cursorField,
      },
      outputSchema: {
        messages: z.array(MessageSummary),
        resultSizeEstimate: z.number().describe("Gmail's estimate of all matches"),
        nextCursor: z.string().optional(),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ query, labels, includeSpamTrash, maxResults, cursor }) =>
      runTool(async () => {
        const page = decodeCursor<{ pageToken: string }>(cursor);
        const directory = new LabelDirectory(api);
        const labelIds = labels?.length ? (await directory.resolve(labels)).map((l) => l.id) : undefined;
        const list = await api.listMessages({
          q: query?.trim() || undefined,
          labelIds,
          maxResults,
          pageToken: page?.pageToken,
          includeSpamTrash,
        });
        const found = await mapLimit(list.messages ?? [], 5, async (ref): Promise<Message | null> => {
          try {
            return await api.getMessage(ref.id ?? '', 'metadata', SUMMARY_HEADERS);
          } catch (error) {
            // Deleted between the list and the fetch: leave it out rather than fail the page.
            if (error instanceof ApiError && error.status === 404) return null;
            throw error;
          }
        });
        const messages = await Promise.all(
          found.filter((m): m is Message => m !== null).map((m) => summarize(m, directory)),
        );
        const nextCursor = list.nextPageToken ? encodeCursor({ pageToken: list.nextPageToken }) : undefined;
        return toolResult(
          {
            messages,
            resultSizeEstimate: list.resultSizeEstimate ?? messages.length,
            ...(nextCursor ? { nextCursor } : {}),
          },
          formatSearch(messages, nextCursor),
        );
      }),
  );
}
