import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Updates, their recipients, reply addresses and digests. SQL only.

/**
 * The accounts an update reaches: those seated for a current member, and (for followers) everyone
 * with a role in the alliance's space — always among those who hold a role there, since only they
 * can read the update's thread and reply in it.
 */
export async function audienceOf(db: Db, allianceId: string, spaceId: string, audience: 'representatives' | 'followers') {
  const seated = db.selectFrom('memberships as m').innerJoin('representatives as r', 'r.membership_id', 'm.id').innerJoin('people as p', 'p.id', 'r.person_id')
    .select('p.user_id as userId').where('m.alliance_id', '=', allianceId).where('m.status', 'not in', ['left', 'prospect']).where('p.user_id', 'is not', null);
  const ids = audience === 'representatives' ? seated
    : seated.union(db.selectFrom('space_roles').select('user_id as userId').where('space_id', '=', spaceId));
  return db.selectFrom('users').select(['id', 'email', 'locale', 'digest']).where('id', 'in', ids as never)
    .where('id', 'in', (eb) => eb.selectFrom('space_roles').select('user_id').where('space_id', '=', spaceId)).orderBy('email').execute();
}

export async function insertUpdate(db: Db, u: { spaceId: string; allianceId: string; threadId: string; audience: 'representatives' | 'followers'; sentBy: string; userIds: string[] }) {
  const row = await db.insertInto('updates').values({ space_id: u.spaceId, alliance_id: u.allianceId, thread_id: u.threadId, audience: u.audience, sent_by: u.sentBy })
    .returning(['id', 'sent_at as sentAt']).executeTakeFirstOrThrow();
  if (u.userIds.length) await db.insertInto('update_recipients').values(u.userIds.map((userId) => ({ update_id: row.id, user_id: userId, space_id: u.spaceId }))).execute();
  return row;
}

export async function listUpdates(db: Db, allianceId: string) {
  const rows = await db.selectFrom('updates as u').innerJoin('threads as t', 't.id', 'u.thread_id').leftJoin('users as s', 's.id', 'u.sent_by')
    .select(['u.id', 'u.thread_id as threadId', 't.title', 'u.audience', 'u.sent_at as sentAt', 's.display_name as sentBy', 't.post_count as posts',
      sql<number>`(select count(*) from update_recipients r where r.update_id = u.id)`.as('recipients'),
      sql<number>`(select count(*) from posts p where p.thread_id = u.thread_id and p.via = 'email')`.as('emailReplies')])
    .where('u.alliance_id', '=', allianceId).orderBy('u.sent_at', 'desc').execute();
  return rows.map((r) => ({ ...r, recipients: Number(r.recipients), emailReplies: Number(r.emailReplies) }));
}

export async function markEmailed(db: Db, updateId: string, userId: string) {
  await db.updateTable('update_recipients').set({ emailed_at: new Date() }).where('update_id', '=', updateId).where('user_id', '=', userId).execute();
}

/** Each recipient's reply address for a thread, made once. */
export async function replyAddressIds(db: Db, threadId: string, spaceId: string, userIds: string[]) {
  if (!userIds.length) return new Map<string, string>();
  await db.insertInto('reply_addresses').values(userIds.map((userId) => ({ thread_id: threadId, user_id: userId, space_id: spaceId })))
    .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doNothing()).execute();
  const rows = await db.selectFrom('reply_addresses').select(['id', 'user_id as userId']).where('thread_id', '=', threadId).where('user_id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.userId, r.id]));
}

export async function findReplyAddress(db: Db, id: string) {
  return db.selectFrom('reply_addresses as a').innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.thread_id as threadId', 'a.space_id as spaceId', 'u.id as userId', 'u.email', 'u.locale', 'u.is_workspace_admin as isWorkspaceAdmin'])
    .where('a.id', '=', id).executeTakeFirst();
}

/** People on a digest whose oldest update neither emailed nor in a digest was sent before `before`, with all of theirs waiting. */
export async function dueDigests(db: Db, before: Date) {
  return db.selectFrom('update_recipients as r').innerJoin('users as us', 'us.id', 'r.user_id').innerJoin('updates as u', 'u.id', 'r.update_id')
    .innerJoin('threads as t', 't.id', 'u.thread_id').innerJoin('organizations as o', 'o.id', 'u.alliance_id')
    .select(['us.id as userId', 'us.email', 'us.locale', 'u.id as updateId', 'u.thread_id as threadId', 't.title', 'o.name as allianceName', 'u.sent_at as sentAt'])
    .where('us.digest', '=', true).where('r.digested_at', 'is', null).where('r.emailed_at', 'is', null)
    .where('us.id', 'in', (eb) => eb.selectFrom('update_recipients as r2').innerJoin('updates as u2', 'u2.id', 'r2.update_id').select('r2.user_id')
      .where('r2.digested_at', 'is', null).where('r2.emailed_at', 'is', null).where('u2.sent_at', '<=', before))
    .orderBy('us.id').orderBy('u.sent_at').execute();
}

export async function markDigested(db: Db, userId: string, updateIds: string[]) {
  if (updateIds.length) await db.updateTable('update_recipients').set({ digested_at: new Date() }).where('user_id', '=', userId).where('update_id', 'in', updateIds).execute();
}

export async function setDigest(db: Db, userId: string, digest: boolean) {
  await db.updateTable('users').set({ digest }).where('id', '=', userId).execute();
}
