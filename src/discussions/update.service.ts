import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { insertNotifications } from '../notifications/notification.repository.ts';
import type { AppDeps } from '../server/context.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { firstPost } from './discussion.service.ts';
import { plainText } from './markdown.ts';
import { replyAddress } from './reply-address.ts';
import { digestMail, updateMail } from './update-mail.ts';
import * as repo from './update.repository.ts';

// A coordinator's update to the member organizations: a thread on the alliance, told in the app
// and by email to its representatives (or to everyone who follows the alliance: its space's
// people too). Each email carries its recipient's own reply address when the app takes mail
// (SMTP_INBOUND_PORT): a reply lands in the thread as that person's post (inbound-mail.ts).
// People who chose a digest get one email a day instead.

type Deps = Pick<AppDeps, 'db' | 'box' | 'mailer' | 'config'>;
const origin = (deps: Deps) => deps.config.publicOrigin ?? `http://${deps.config.host}:${deps.config.port}`;
const localeOf = (locale: string | null) => (locale === 'es' ? 'es' : 'en');

export async function sendUpdate(deps: Deps, actor: Actor, allianceId: string, input: { title: string; body: string; audience: 'representatives' | 'followers'; attachments?: string[] }) {
  const { db } = deps;
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'admin', 'alliance');
  const recipients = (await repo.audienceOf(db, allianceId, spaceId, input.audience)).filter((r) => r.id !== actor.userId);
  const sent = await db.transaction().execute(async (trx) => {
    const { threadId } = await firstPost(trx, { spaceId, kind: 'alliance', subjectId: allianceId, title: input.title, userId: actor.userId, body: input.body, attachments: input.attachments });
    const update = await repo.insertUpdate(trx, { spaceId, allianceId, threadId, audience: input.audience, sentBy: actor.userId, userIds: recipients.map((r) => r.id) });
    await insertNotifications(trx, recipients.map((r) => ({ userId: r.id, spaceId, kind: 'update' as const, threadId, data: { threadTitle: input.title, allianceName: alliance.name } })));
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'update', entityId: update.id,
      changes: { title: [null, input.title], audience: [null, input.audience], recipients: [null, recipients.length] } }]);
    return { id: update.id, threadId };
  });
  let emailed = 0;
  if (deps.mailer.enabled) {
    const byEmail = recipients.filter((r) => !r.digest);
    const canReply = deps.config.inboundPort !== undefined;
    const addresses = canReply ? await repo.replyAddressIds(db, sent.threadId, spaceId, byEmail.map((r) => r.id)) : new Map<string, string>();
    const link = `${origin(deps)}/threads/${sent.threadId}`;
    deps.mailer.enqueue(byEmail.map((r) => {
      const addressId = addresses.get(r.id);
      return { to: r.email, ...updateMail(localeOf(r.locale), { allianceName: alliance.name, title: input.title, text: plainText(input.body), link, canReply: Boolean(addressId) }),
        ...(addressId ? { replyTo: replyAddress(addressId, deps.config.inboundDomain, deps.box.sign) } : {}), ref: r.id };
    }), async (m) => { if (m.ref) await repo.markEmailed(db, sent.id, m.ref); });
    emailed = byEmail.length;
  }
  return { ...sent, recipients: recipients.length, emailed };
}

export async function listAllianceUpdates(db: Db, actor: Actor, allianceId: string) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  const role = await requireRole(db, actor, spaceId, 'viewer', 'alliance');
  return { canSend: role === 'admin' || role === 'owner', updates: await repo.listUpdates(db, allianceId) };
}

/** The person's own choice: one email per update, or a daily digest. */
export async function setMyDigest(db: Db, actor: Actor, digest: boolean) {
  await db.transaction().execute(async (trx) => {
    await repo.setDigest(trx, actor.userId, digest);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: null, action: 'update', entity: 'user', entityId: actor.userId, changes: { digest: [!digest, digest] } }]);
  });
}

/** The clock's part: a digest for each person whose oldest waiting update is a day old. */
export async function sendDueDigests(deps: Deps, now = new Date()) {
  if (!deps.mailer.enabled) return 0;
  const rows = await repo.dueDigests(deps.db, new Date(now.getTime() - 86_400_000));
  const byUser = new Map<string, typeof rows>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  for (const [userId, items] of byUser) {
    const mail = digestMail(localeOf(items[0]!.locale), items.map((i) => ({ allianceName: i.allianceName, title: i.title, link: `${origin(deps)}/threads/${i.threadId}` })));
    // Marked first: a digest is never sent twice, even if this process stops before the mail server answers.
    await repo.markDigested(deps.db, userId, items.map((i) => i.updateId));
    deps.mailer.enqueue([{ to: items[0]!.email, ...mail }]);
  }
  return byUser.size;
}
