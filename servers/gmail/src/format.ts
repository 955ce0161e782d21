import type { LabelRef } from './labels';
import type { MessageDetail, MessageSummary } from './messages';

/** Text renderings of tool results, for people and models reading the client's transcript. */

const size = (bytes: number): string =>
  bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} B`;

const more = (nextCursor: string | undefined): string =>
  nextCursor ? `\nMore results: call again with cursor "${nextCursor}".` : '';

export function formatSearch(messages: MessageSummary[], nextCursor: string | undefined): string {
  if (!messages.length) return 'No messages match.';
  const lines = messages.map((m, i) =>
    [
      `${i + 1}. ${m.subject || '(no subject)'}`,
      `   From: ${m.from} · ${m.date}`,
      `   To: ${m.to}`,
      `   id: ${m.id} · thread: ${m.threadId}${m.labels.length ? ` · labels: ${m.labels.join(', ')}` : ''}`,
      m.snippet ? `   ${m.snippet}` : null,
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );
  return `${messages.length} message${messages.length === 1 ? '' : 's'}:\n\n${lines.join('\n\n')}${more(nextCursor)}`;
}

export function formatMessage(m: MessageDetail): string {
  const head = [
    `Subject: ${m.subject || '(no subject)'}`,
    `From: ${m.from}`,
    `To: ${m.to}`,
    m.cc ? `Cc: ${m.cc}` : null,
    `Date: ${m.date}`,
    `id: ${m.id} · thread: ${m.threadId}`,
    m.labels.length ? `Labels: ${m.labels.join(', ')}` : null,
  ].filter((line) => line !== null);
  const files = m.attachments.length
    ? `\n\nAttachments (not downloaded):\n${m.attachments
        .map((a) => `- ${a.filename} (${a.mimeType}, ${size(a.size)})`)
        .join('\n')}`
    : '';
  return `${head.join('\n')}\n\n${m.body || '(no text body)'}${files}`;
}

export function formatThread(
  thread: { id: string; messageCount: number; offset: number; messages: MessageDetail[] },
  nextCursor: string | undefined,
): string {
  const first = thread.offset + 1;
  const last = thread.offset + thread.messages.length;
  const range = thread.messages.length === thread.messageCount ? '' : `, showing ${first}–${last}`;
  const heading = `Thread ${thread.id}: ${thread.messageCount} message${thread.messageCount === 1 ? '' : 's'}${range}`;
  const parts = thread.messages.map((m, i) => `--- Message ${first + i} ---\n${formatMessage(m)}`);
  return `${heading}\n\n${parts.join('\n\n')}${more(nextCursor)}`;
}

export function formatLabels(
  labels: Array<{ id: string; name: string; type: string }>,
  nextCursor: string | undefined,
): string {
  if (!labels.length) return 'No labels.';
  const lines = labels.map((l) => `- ${l.name} (id: ${l.id}, ${l.type})`);
  return `${labels.length} label${labels.length === 1 ? '' : 's'}:\n${lines.join('\n')}${more(nextCursor)}`;
}

export function formatModified(count: number, added: LabelRef[], removed: LabelRef[]): string {
  const names = (refs: LabelRef[]) => refs.map((r) => r.name).join(', ');
  const changes = [
    added.length ? `added ${names(added)}` : null,
    removed.length ? `removed ${names(removed)}` : null,
  ].filter(Boolean);
  return `Updated ${count} message${count === 1 ? '' : 's'}: ${changes.join('; ')}.`;
}

/** Recipients and subject in one line, for confirmations and results. */
export function describeMail(mail: { to: string[]; cc: string[]; bcc: string[]; subject: string }): string {
  const who = [
    mail.to.length ? `to ${mail.to.join(', ')}` : null,
    mail.cc.length ? `cc ${mail.cc.join(', ')}` : null,
    mail.bcc.length ? `bcc ${mail.bcc.join(', ')}` : null,
  ].filter(Boolean);
  return `${who.join('; ') || 'no recipients'}, subject "${mail.subject || '(no subject)'}"`;
}
