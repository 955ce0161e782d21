import * as z from 'zod';
import { trimText } from '../../shared/tool-result';
import type { Message } from './gmail-api';
import type { LabelDirectory } from './labels';
import { attachments, bodyText, decodeEntities, header } from './message-parts';

/** Headers `search_messages` asks for with `format=metadata`. */
export const SUMMARY_HEADERS = ['From', 'To', 'Subject', 'Date'];

export const MessageSummary = z.object({
  id: z.string(),
  threadId: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  date: z.string().describe('ISO 8601, when Gmail received the message'),
  snippet: z.string(),
  labels: z.array(z.string()).describe('Label names (system labels by id: INBOX, UNREAD…)'),
});
export type MessageSummary = z.infer<typeof MessageSummary>;

const AttachmentInfo = z.object({
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().describe('Bytes'),
});

export const MessageDetail = z.object({
  id: z.string(),
  threadId: z.string(),
  from: z.string(),
  to: z.string(),
  cc: z.string(),
  subject: z.string(),
  date: z.string().describe('ISO 8601, when Gmail received the message'),
  labels: z.array(z.string()),
  body: z.string().describe('Plain text (HTML converted), cut at the requested length'),
  bodyTruncated: z.boolean(),
  attachments: z.array(AttachmentInfo).describe('Listed only; not downloaded'),
});
export type MessageDetail = z.infer<typeof MessageDetail>;

/** `internalDate` (ms since the epoch, as a string) is when Gmail got it; the Date header can lie. */
function isoDate(message: Message): string {
  const internal = Number(message.internalDate);
  if (message.internalDate && Number.isFinite(internal)) return new Date(internal).toISOString();
  const parsed = Date.parse(header(message.payload, 'Date'));
  return Number.isNaN(parsed) ? '' : new Date(parsed).toISOString();
}

export async function summarize(message: Message, labels: LabelDirectory): Promise<MessageSummary> {
  return {
    id: message.id ?? '',
    threadId: message.threadId ?? '',
    from: header(message.payload, 'From'),
    to: header(message.payload, 'To'),
    subject: header(message.payload, 'Subject'),
    date: isoDate(message),
    snippet: decodeEntities(message.snippet ?? ''),
    labels: await labels.names(message.labelIds),
  };
}

export async function detail(
  message: Message,
  labels: LabelDirectory,
  maxChars: number,
): Promise<MessageDetail> {
  const text = bodyText(message.payload);
  const body = trimText(text, maxChars);
  return {
    id: message.id ?? '',
    threadId: message.threadId ?? '',
    from: header(message.payload, 'From'),
    to: header(message.payload, 'To'),
    cc: header(message.payload, 'Cc'),
    subject: header(message.payload, 'Subject'),
    date: isoDate(message),
    labels: await labels.names(message.labelIds),
    body,
    bodyTruncated: body !== text,
    attachments: attachments(message.payload),
  };
}

/** Runs `task` over `items`, at most `limit` at a time, keeping order (Gmail limits concurrency per user). */
export async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
