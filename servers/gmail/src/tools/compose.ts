import * as z from 'zod';
import { confirmAction } from '../../../shared/confirm';
import { UserInputError, runTool, toolError, toolResult } from '../../../shared/tool-result';
import type { ComposeInput } from '../compose';
import { draftSummary, prepareMail } from '../compose';
import { describeMail } from '../format';
import { RECIPIENT_PATTERN } from '../mime';
import type { ToolContext } from './context';
import { gmailId } from './context';

const recipients = (what: string) =>
  z
    .array(
      z
        .string()
        .max(320)
        .regex(
          RECIPIENT_PATTERN,
          'must be an email address like ada@example.com or "Ada Lovelace <ada@example.com>"',
        ),
    )
    .max(50)
    .default([])
    .describe(`${what}: addresses like ada@example.com or "Ada Lovelace <ada@example.com>"`);

const composeFields = {
  to: recipients('To'),
  cc: recipients('Cc'),
  bcc: recipients('Bcc (hidden from the other recipients)'),
  subject: z
    .string()
    .max(500)
    .optional()
    .describe('Subject; plain text, any language. When replying and omitted: "Re: " + the original subject'),
  replyToMessageId: gmailId('message')
    .optional()
    .describe(
      'Id of the message this answers: the mail joins its thread and, without to/cc/bcc, goes to its sender',
    ),
};

const body = z.string().max(100_000).describe('The message text (plain text; no HTML)');

const mailOutput = {
  threadId: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  subject: z.string(),
};

const hasRecipients = (m: { to: string[]; cc: string[]; bcc: string[] }) =>
  m.to.length + m.cc.length + m.bcc.length > 0;

export function registerCompose({ server, api }: ToolContext): void {
  server.registerTool(
    'create_draft',
    {
      title: 'Write an email draft',
      description:
        'Saves a plain-text email as a draft in Gmail (nothing is sent); the person can review it in ' +
        'Gmail, or send_message can send it by draftId. With replyToMessageId the draft is a reply in ' +
        'that conversation.',
      inputSchema: { ...composeFields, body },
      outputSchema: { draftId: z.string(), messageId: z.string(), ...mailOutput },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    (input) =>
      runTool(async () => {
        const mail = await prepareMail(api, input);
        const draft = await api.createDraft(mail.raw, mail.threadId);
        const { raw: _raw, ...shown } = mail;
        const result = {
          draftId: draft.id ?? '',
          messageId: draft.message?.id ?? '',
          ...shown,
          threadId: draft.message?.threadId ?? mail.threadId ?? '',
        };
        return toolResult(
          result,
          `Draft saved (draftId ${result.draftId}): ${describeMail(mail)}. Nothing was sent; it is in Gmail's Drafts.`,
        );
      }),
  );

  server.registerTool(
    'send_message',
    {
      title: 'Send an email',
      description:
        'Sends an email from the signed-in account: either a new plain-text message (to/cc/bcc, ' +
        'subject, body, optionally replyToMessageId) or an existing draft by draftId. The person is ' +
        'asked to confirm the recipients and subject first when the client supports it. Cannot be undone.',
      inputSchema: {
        draftId: gmailId('draft')
          .optional()
          .describe('Send this saved draft (from create_draft) instead; then give no other fields'),
        ...composeFields,
        body: body.optional().describe('The message text (plain text; no HTML); required without draftId'),
      },
      outputSchema: { messageId: z.string(), draftId: z.string().optional(), ...mailOutput },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    },
    ({ draftId, body: text, ...fields }) =>
      runTool(async () => {
        const composing =
          hasRecipients(fields) ||
          fields.subject !== undefined ||
          text !== undefined ||
          fields.replyToMessageId !== undefined;
        if (draftId && composing) {
          throw new UserInputError(
            'Give either draftId or the message fields (to, subject, body…), not both.',
          );
        }
        if (!draftId && text === undefined) {
          throw new UserInputError('Give the message body (or a draftId to send a saved draft).');
        }
        const input: ComposeInput = { ...fields, body: text ?? '' };
        const prepared = draftId === undefined ? await prepareMail(api, input) : null;
        const mail = prepared ?? (await draftSummary(api, draftId ?? ''));
        if (!hasRecipients(mail)) {
          throw new UserInputError(
            draftId
              ? 'That draft has no recipients; add them in Gmail or create a new draft.'
              : 'Give at least one recipient in to, cc or bcc (or replyToMessageId to answer its sender).',
          );
        }
        const answer = await confirmAction(server.server, `Send this email? ${describeMail(mail)}.`);
        if (answer === 'declined') return toolError('Sending cancelled by the user; nothing was sent.');
        const sent = prepared
          ? await api.sendMessage(prepared.raw, prepared.threadId)
          : await api.sendDraft(draftId ?? '');
        const result = {
          messageId: sent.id ?? '',
          ...(draftId ? { draftId } : {}),
          threadId: sent.threadId ?? '',
          to: mail.to,
          cc: mail.cc,
          bcc: mail.bcc,
          subject: mail.subject,
        };
        return toolResult(result, `Sent (message id ${result.messageId}): ${describeMail(mail)}.`);
      }),
  );
}
