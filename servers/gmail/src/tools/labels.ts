import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../../../shared/cursor';
import { UserInputError, runTool, toolResult } from '../../../shared/tool-result';
import { formatLabels, formatModified } from '../format';
import { LabelDirectory } from '../labels';
import type { ToolContext } from './context';
import { cursorField, gmailId } from './context';

const LabelInfo = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['system', 'user']),
});

const LabelRefOutput = z.object({ id: z.string(), name: z.string() });

const labelNames = z
  .array(z.string().min(1).max(225))
  .max(20)
  .default([])
  .describe('Label names or ids, e.g. "STARRED", "UNREAD", "INBOX", "Receipts"');

export function registerLabels({ server, api }: ToolContext): void {
  server.registerTool(
    'list_labels',
    {
      title: 'List Gmail labels',
      description:
        'Lists the labels of the signed-in account: system ones (INBOX, UNREAD, STARRED, SPAM…) ' +
        "and the user's own, with the ids search_messages and modify_labels accept.",
      inputSchema: {
        type: z.enum(['all', 'user', 'system']).default('all').describe('Which labels to list'),
        limit: z.number().int().min(1).max(500).default(200).describe('Labels per page'),
        cursor: cursorField,
      },
      outputSchema: { labels: z.array(LabelInfo), nextCursor: z.string().optional() },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ type, limit, cursor }) =>
      runTool(async () => {
        const offset = Number(decodeCursor<{ offset: number }>(cursor)?.offset ?? 0);
        if (!Number.isInteger(offset) || offset < 0) {
          throw new UserInputError('The cursor is not one this tool returned; start again without a cursor.');
        }
        const all = (await api.listLabels())
          .map((l) => ({
            id: l.id ?? '',
            name: l.name ?? l.id ?? '',
            type: l.type === 'system' ? ('system' as const) : ('user' as const),
          }))
          .filter((l) => type === 'all' || l.type === type)
          // Gmail lists labels in no useful order: system labels first, then the user's by name.
          .sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'system' ? -1 : 1));
        const labels = all.slice(offset, offset + limit);
        const end = offset + labels.length;
        const nextCursor = end < all.length ? encodeCursor({ offset: end }) : undefined;
        return toolResult(
          { labels, ...(nextCursor ? { nextCursor } : {}) },
          formatLabels(labels, nextCursor),
        );
      }),
  );

  server.registerTool(
    'modify_labels',
    {
      title: 'Change labels on emails',
      description:
        'Adds and removes labels on messages, by label name or id. Common uses: mark read (remove ' +
        'UNREAD), archive (remove INBOX), star (add STARRED), file under a label. Moving to Trash is ' +
        'not offered.',
      inputSchema: {
        messageIds: z.array(gmailId('message')).min(1).max(100).describe('Messages to change (1–100)'),
        add: labelNames.describe('Labels to add, by name or id'),
        remove: labelNames.describe('Labels to remove, by name or id'),
      },
      outputSchema: {
        messageIds: z.array(z.string()),
        added: z.array(LabelRefOutput),
        removed: z.array(LabelRefOutput),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ messageIds, add, remove }) =>
      runTool(async () => {
        if (!add.length && !remove.length) throw new UserInputError('Give labels to add or to remove.');
        const directory = new LabelDirectory(api);
        const added = await directory.resolve(add);
        const removed = await directory.resolve(remove);
        // Trash is deletion after 30 days: out of scope for a labelling tool without confirmation.
        if (added.some((l) => l.id === 'TRASH')) {
          throw new UserInputError('Moving mail to Trash is not offered; do it in Gmail.');
        }
        const clash = added.find((a) => removed.some((r) => r.id === a.id));
        if (clash) throw new UserInputError(`"${clash.name}" is both added and removed.`);
        await api.batchModify({
          ids: messageIds,
          addLabelIds: added.map((l) => l.id),
          removeLabelIds: removed.map((l) => l.id),
        });
        return toolResult({ messageIds, added, removed }, formatModified(messageIds.length, added, removed));
      }),
  );
}
