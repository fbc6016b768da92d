import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';
import EmailReplyParser from 'email-reply-parser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { insertAudit } from '../audit/audit.repository.ts';
import type { AppDeps } from '../server/context.ts';
import { Problem } from '../server/problem.ts';
import { MAX_POST } from './discussion.schema.ts';
import { addPost, type SentFile } from './discussion.service.ts';
import { readReplyAddress } from './reply-address.ts';
import { findReplyAddress } from './update.repository.ts';

// The app's own SMTP server for replies (SMTP_INBOUND_PORT). A reply lands in its thread as a
// post by the person the address was made for, with the quoted text and signature taken off and
// its attached files put in the library of the thread's space and attached to the post —
// only when the address's signature is the app's, the sender (envelope and From) is that person,
// and they may still write there. Anything else is refused in the SMTP conversation and nothing
// is created. The reply address is the credential (as in every reply-by-email system): a sender
// address alone is easy to forge, so it is checked but not relied on; DKIM/DMARC checks belong to
// the mail server in front (docs/security.md). Refusals of a known address are logged with their
// reason in its space; the others (guessed or malformed addresses) only on the console, so
// nobody can fill the audit log from outside. Never the mail's words or addresses.

type Deps = Pick<AppDeps, 'db' | 'box' | 'config'>;
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;
const MAX_CLIENTS = 20;

export type Refusal = 'not a reply address' | 'bad signature' | 'unknown address' | 'sender does not match' | 'empty reply' | 'may not post';

async function refuse(deps: Deps, reason: Refusal, spaceId: string | null = null): Promise<{ refused: Refusal }> {
  if (spaceId) await insertAudit(deps.db, [{ userId: null, spaceId, action: 'email_refused', entity: 'inbound_mail', entityId: null, changes: { reason } }]);
  else console.warn(`[crossroads] inbound mail refused: ${reason}`);
  return { refused: reason };
}

/** Checks an address at RCPT time: a reply address the app made, at its domain, for a thread that still exists. */
export async function checkRecipient(deps: Deps, to: string) {
  const read = readReplyAddress(to, deps.config.inboundDomain, deps.box.sign);
  if ('refused' in read) return refuse(deps, read.refused);
  const address = await findReplyAddress(deps.db, read.id);
  return address ? { address } : refuse(deps, 'unknown address');
}

const same = (a: string | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
type Mail = { envelopeFrom: string; from: string | undefined; text: string; files?: SentFile[] };

/** Every recipient checked, with the reply it would post, before anything is posted. */
async function checkAll(deps: Deps, recipients: string[], mail: Mail) {
  const checked = [];
  for (const to of recipients) {
    const c = await checkRecipient(deps, to);
    if ('refused' in c) return c;
    if (!same(mail.envelopeFrom, c.address.email) || !same(mail.from, c.address.email)) return refuse(deps, 'sender does not match', c.address.spaceId);
    // Only the top of the mail is the reply; cut before parsing, so no mail makes the parser's patterns work for long.
    const body = new EmailReplyParser().parseReply(mail.text.slice(0, MAX_POST)).trim();
    if (!body) return refuse(deps, 'empty reply', c.address.spaceId);
    checked.push({ address: c.address, body });
  }
  return { checked };
}

/** A received reply: checked for every recipient, stripped, then posted. */
export async function receiveReply(deps: Deps, mail: Mail & { to: string | string[] }): Promise<{ postIds: string[] } | { refused: Refusal }> {
  const all = await checkAll(deps, Array.isArray(mail.to) ? mail.to : [mail.to], mail);
  if ('refused' in all) return all;
  const postIds = [];
  for (const { address, body } of all.checked) {
    try {
      postIds.push((await addPost(deps.db, { userId: address.userId, isWorkspaceAdmin: false }, address.threadId, { body },
        { via: 'email', files: mail.files, language: address.locale === 'es' ? 'es' : 'en' })).id);
    } catch (err) {
      if (err instanceof Problem) return refuse(deps, 'may not post', address.spaceId);
      throw err;
    }
  }
  return { postIds };
}

const smtpError = (reason: string, code = 550) => Object.assign(new Error(`${['bad signature', 'not a reply address', 'unknown address'].includes(reason) ? 'No such mailbox' : 'Not accepted'}: ${reason}`), { responseCode: code });

/** Counts a message's bytes as they arrive and stops it past the limit, before it is held whole. */
function capped(limit: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? smtpError('too large', 552) : null, chunk);
    },
  });
}

/** Listens for replies; resolves once listening, with the port and a way to stop. */
export async function startInboundMail(deps: Deps, options: { port: number; host?: string }) {
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false, size: MAX_INBOUND_BYTES, maxClients: MAX_CLIENTS, banner: 'Crossroads replies',
    onRcptTo(address, _session, callback) {
      checkRecipient(deps, address.address).then((r) => callback('refused' in r ? smtpError(r.refused) : undefined), (err: Error) => callback(err));
    },
    onData(stream, session, callback) {
      const limited = stream.pipe(capped(MAX_INBOUND_BYTES));
      // Past the limit the rest is read and dropped, so the client hears the refusal.
      limited.on('error', (err) => { stream.resume(); callback(err); });
      simpleParser(limited, { skipImageLinks: true }).then(async (parsed) => {
        const text = parsed.text ?? (typeof parsed.html === 'string' ? parsed.html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '') : '');
        // Attached files are kept; images embedded in the HTML (a signature's logo) are not.
        const files = parsed.attachments.filter((a) => !a.related).map((a, i) => ({ name: a.filename ?? `attachment-${i + 1}`, bytes: new Uint8Array(a.content) }));
        const result = await receiveReply(deps, { to: session.envelope.rcptTo.map((r) => r.address), envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          from: parsed.from?.value[0]?.address, text, files });
        callback('refused' in result ? smtpError(result.refused) : undefined);
      }).catch((err: Error) => { if (!limited.destroyed) callback(err); });
    },
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(options.port, options.host ?? '0.0.0.0', () => resolve()); });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
