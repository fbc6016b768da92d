import type { AddressInfo } from 'node:net';
import EmailReplyParser from 'email-reply-parser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { insertAudit } from '../audit/audit.repository.ts';
import type { AppDeps } from '../server/context.ts';
import { Problem } from '../server/problem.ts';
import { addPost } from './discussion.service.ts';
import { readReplyAddress } from './reply-address.ts';
import { findReplyAddress } from './update.repository.ts';

// The app's own SMTP server for replies (SMTP_INBOUND_PORT). A reply lands in its thread as a
// post by the person the address was made for, with the quoted text and signature taken off —
// only when the address's signature is the app's, the sender (envelope and From) is that person,
// and they may still write there. Anything else is refused at the SMTP conversation and nothing
// is created; each refusal is logged with its reason, never with the mail's words or addresses.

type Deps = Pick<AppDeps, 'db' | 'box'>;
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

export type Refusal = 'not a reply address' | 'bad signature' | 'unknown address' | 'sender does not match' | 'empty reply' | 'may not post';

async function refuse(deps: Deps, reason: Refusal, spaceId: string | null = null): Promise<{ refused: Refusal }> {
  await insertAudit(deps.db, [{ userId: null, spaceId, action: 'email_refused', entity: 'inbound_mail', entityId: null, changes: { reason } }]);
  return { refused: reason };
}

/** Checks an address at RCPT time: a reply address the app made, for a thread that still exists. */
export async function checkRecipient(deps: Deps, to: string) {
  const read = readReplyAddress(to, deps.box.sign);
  if ('refused' in read) return refuse(deps, read.refused);
  const address = await findReplyAddress(deps.db, read.id);
  return address ? { address } : refuse(deps, 'unknown address');
}

const same = (a: string | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** One received reply: checked, stripped, posted. */
export async function receiveReply(deps: Deps, mail: { to: string; envelopeFrom: string; from: string | undefined; text: string }): Promise<{ postId: string } | { refused: Refusal }> {
  const checked = await checkRecipient(deps, mail.to);
  if ('refused' in checked) return checked;
  const { address } = checked;
  if (!same(mail.envelopeFrom, address.email) || !same(mail.from, address.email)) return refuse(deps, 'sender does not match', address.spaceId);
  const body = new EmailReplyParser().parseReply(mail.text).trim();
  if (!body) return refuse(deps, 'empty reply', address.spaceId);
  try {
    const post = await addPost(deps.db, { userId: address.userId, isWorkspaceAdmin: false }, address.threadId, { body: body.slice(0, 20_000) }, { via: 'email' });
    return { postId: post.id };
  } catch (err) {
    if (err instanceof Problem) return refuse(deps, 'may not post', address.spaceId);
    throw err;
  }
}

const smtpError = (reason: string, code = 550) => Object.assign(new Error(`${reason === 'bad signature' || reason === 'not a reply address' || reason === 'unknown address' ? 'No such mailbox' : 'Not accepted'}: ${reason}`), { responseCode: code });

/** Listens for replies; resolves once listening, with the port and a way to stop. */
export async function startInboundMail(deps: Deps, options: { port: number; host?: string }) {
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false, size: MAX_INBOUND_BYTES, banner: 'Crossroads replies',
    onRcptTo(address, _session, callback) {
      checkRecipient(deps, address.address).then((r) => callback('refused' in r ? smtpError(r.refused) : undefined), (err: Error) => callback(err));
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipImageLinks: true }).then(async (parsed) => {
        if (stream.sizeExceeded) return callback(smtpError('too large', 552));
        const text = parsed.text ?? (typeof parsed.html === 'string' ? parsed.html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '') : '');
        const from = parsed.from?.value[0]?.address;
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        for (const rcpt of session.envelope.rcptTo) {
          const result = await receiveReply(deps, { to: rcpt.address, envelopeFrom, from, text });
          if ('refused' in result) return callback(smtpError(result.refused));
        }
        callback();
      }).catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(options.port, options.host ?? '0.0.0.0', () => resolve()); });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
