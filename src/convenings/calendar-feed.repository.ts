import type { Db } from '../db/database.ts';

// Calendar feed tokens, stored as their SHA-256 only.

export async function replaceFeedToken(db: Db, t: { spaceId: string; organizationId: string; userId: string; tokenHash: string }) {
  await db.deleteFrom('calendar_feed_tokens').where('organization_id', '=', t.organizationId).where('user_id', '=', t.userId).execute();
  await db.insertInto('calendar_feed_tokens').values({ space_id: t.spaceId, organization_id: t.organizationId, user_id: t.userId, token_hash: t.tokenHash }).execute();
}

export async function findFeedToken(db: Db, tokenHash: string) {
  return db.selectFrom('calendar_feed_tokens').select(['id', 'space_id as spaceId', 'organization_id as organizationId', 'user_id as userId'])
    .where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findFeedOf(db: Db, organizationId: string, userId: string) {
  return db.selectFrom('calendar_feed_tokens').select(['id', 'created_at as createdAt'])
    .where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
}

export async function deleteFeedOf(db: Db, organizationId: string, userId: string) {
  const rows = await db.deleteFrom('calendar_feed_tokens').where('organization_id', '=', organizationId).where('user_id', '=', userId).returning('id').execute();
  return rows.length > 0;
}

/** Every feed a person holds through a space: called when their role there goes. */
export async function deleteFeedsInSpace(db: Db, spaceId: string, userId: string) {
  await db.deleteFrom('calendar_feed_tokens').where('space_id', '=', spaceId).where('user_id', '=', userId).execute();
}

export async function deleteFeedToken(db: Db, id: string) {
  await db.deleteFrom('calendar_feed_tokens').where('id', '=', id).execute();
}
