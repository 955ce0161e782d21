import { UserInputError } from '../../shared/tool-result';
import type { GmailApi } from './gmail-api';
import { header, rawHeader } from './message-parts';
import type { Address } from './mime';
import { buildMessage, decodeEncodedWords, parseAddress, showAddress, splitAddressList, toRaw } from './mime';

/** What create_draft and send_message are given for a new message. */
export interface ComposeInput {
  to: string[];
  cc: string[];
  bcc: string[];
  subject?: string | undefined;
  body: string;
  replyToMessageId?: string | undefined;
}

/** A message ready for Gmail, and what it says for confirmations and results. */
export interface PreparedMail {
  raw: string;
  threadId?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
}

/** Headers of the original that a reply needs (RFC 5322 §3.6.4). */
const REPLY_HEADERS = ['Message-ID', 'References', 'Subject', 'From', 'Reply-To'];

/** An address list header, split before decoding so an encoded comma cannot split a name. */
function addressList(raw: string): Array<Address | null> {
  return splitAddressList(raw).map((piece) => parseAddress(decodeEncodedWords(piece)));
}

function addresses(values: string[], field: string): Address[] {
  return values.map((value) => {
    const address = parseAddress(value);
    if (!address) throw new UserInputError(`${field}: "${value}" is not an email address.`);
    return address;
  });
}

/**
 * Builds the RFC 5322 message. A reply goes to the original's Reply-To (else From) unless `to`
 * is given, keeps "Re:" + its subject unless one is given, and carries In-Reply-To, References
 * and the thread id so Gmail and other mail programs thread it.
 */
export async function prepareMail(api: GmailApi, input: ComposeInput): Promise<PreparedMail> {
  let to = addresses(input.to, 'to');
  const cc = addresses(input.cc, 'cc');
  const bcc = addresses(input.bcc, 'bcc');
  let subject = input.subject ?? '';
  let threadId: string | undefined;
  let inReplyTo: string | undefined;
  let references: string[] | undefined;
  if (input.replyToMessageId) {
    const original = await api.getMessage(input.replyToMessageId, 'metadata', REPLY_HEADERS);
    threadId = original.threadId ?? undefined;
    const messageId = rawHeader(original.payload, 'Message-ID');
    if (messageId) {
      inReplyTo = messageId;
      const earlier = rawHeader(original.payload, 'References').split(/\s+/).filter(Boolean);
      references = [...earlier, messageId];
    }
    if (!to.length && !cc.length && !bcc.length) {
      const sender = rawHeader(original.payload, 'Reply-To') || rawHeader(original.payload, 'From');
      to = addressList(sender).filter((a): a is Address => a !== null);
      if (!to.length) {
        throw new UserInputError('Could not tell who sent the original message; give "to" explicitly.');
      }
    }
    if (input.subject === undefined) {
      const originalSubject = header(original.payload, 'Subject');
      subject = /^re:/i.test(originalSubject) ? originalSubject : `Re: ${originalSubject}`.trim();
    }
  }
  const raw = toRaw(await buildMessage({ to, cc, bcc, subject, body: input.body, inReplyTo, references }));
  return {
    raw,
    ...(threadId ? { threadId } : {}),
    to: to.map(showAddress),
    cc: cc.map(showAddress),
    bcc: bcc.map(showAddress),
    subject,
  };
}

/** Recipients and subject of a saved draft, for the confirmation before sending it. */
export async function draftSummary(
  api: GmailApi,
  draftId: string,
): Promise<Omit<PreparedMail, 'raw' | 'threadId'>> {
  const draft = await api.getDraft(draftId);
  const payload = draft.message?.payload;
  const list = (name: string) => {
    const raw = splitAddressList(rawHeader(payload, name));
    return addressList(rawHeader(payload, name)).map((a, i) =>
      a ? showAddress(a) : decodeEncodedWords(raw[i]!),
    );
  };
  return { to: list('To'), cc: list('Cc'), bcc: list('Bcc'), subject: header(payload, 'Subject') };
}
