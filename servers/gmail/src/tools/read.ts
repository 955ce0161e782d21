import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../../../shared/cursor';
import { UserInputError, runTool, toolResult } from '../../../shared/tool-result';
import { formatMessage, formatThread } from '../format';
import { LabelDirectory } from '../labels';
import { MessageDetail, detail } from '../messages';
import type { ToolContext } from './context';
import { cursorField, gmailId } from './context';

export function registerRead({ server, api }: ToolContext): void {
  server.registerTool(
    'read_message',
    {
      title: 'Read an email',
      description:
        'Reads one message as plain text (the text part, or the HTML converted to text), with its ' +
        'headers and a list of attachments (names, types, sizes; not downloaded). Long bodies are cut ' +
        'at maxChars. Does not mark the message as read.',
      inputSchema: {
        id: gmailId('message').describe('Message id from search_messages or read_thread'),
        maxChars: z
          .number()
          .int()
          .min(500)
          .max(24_000)
          .default(8000)
          .describe('Longest body to return, in characters'),
      },
      outputSchema: MessageDetail.shape,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ id, maxChars }) =>
      runTool(async () => {
        const message = await api.getMessage(id, 'full');
        const result = await detail(message, new LabelDirectory(api), maxChars);
        return toolResult(result, formatMessage(result));
      }),
  );

  server.registerTool(
    'read_thread',
    {
      title: 'Read an email conversation',
      description:
        'Reads a whole conversation, oldest message first, each rendered like read_message with its ' +
        'body cut at maxCharsPerMessage. Long threads come in pages of maxMessages.',
      inputSchema: {
        id: gmailId('thread').describe('Thread id (threadId from search_messages or read_message)'),
        maxMessages: z.number().int().min(1).max(25).default(10).describe('Messages per page (1–25)'),
        maxCharsPerMessage: z
          .number()
          .int()
          .min(200)
          .max(10_000)
          .default(2000)
          .describe('Longest body per message, in characters'),
        cursor: cursorField,
      },
      outputSchema: {
        id: z.string(),
        messageCount: z.number().describe('Messages in the whole thread'),
        offset: z.number().describe('Position of the first message shown (0 = oldest)'),
        messages: z.array(MessageDetail),
        nextCursor: z.string().optional(),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ id, maxMessages, maxCharsPerMessage, cursor }) =>
      runTool(async () => {
        const offset = Number(decodeCursor<{ offset: number }>(cursor)?.offset ?? 0);
        if (!Number.isInteger(offset) || offset < 0) {
          throw new UserInputError('The cursor is not one this tool returned; start again without a cursor.');
        }
        const thread = await api.getThread(id);
        const all = thread.messages ?? [];
        const page = all.slice(offset, offset + maxMessages);
        const labels = new LabelDirectory(api);
        const messages = await Promise.all(page.map((m) => detail(m, labels, maxCharsPerMessage)));
        const end = offset + page.length;
        const nextCursor = end < all.length ? encodeCursor({ offset: end }) : undefined;
        const result = {
          id: thread.id ?? id,
          messageCount: all.length,
          offset,
          messages,
          ...(nextCursor ? { nextCursor } : {}),
        };
        return toolResult(result, formatThread(result, nextCursor));
      }),
  );
}
