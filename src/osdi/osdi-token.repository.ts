import type { Db } from '../db/database.ts';

export async function insertToken(db: Db, t: { spaceId: string; userId: string; label: string; tokenHash: string }) {
  return db.insertInto('osdi_tokens').values({ space_id: t.spaceId, user_id: t.userId, label: t.label, token_hash: t.tokenHash })
    .returning(['id', 'label', 'created_at as createdAt']).executeTakeFirstOrThrow();
}

export async function listTokens(db: Db, spaceId: string) {
  return db.selectFrom('osdi_tokens as t').innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.label', 't.created_at as createdAt', 't.last_used_at as lastUsedAt', 'u.display_name as createdBy'])
    .where('t.space_id', '=', spaceId).where('t.revoked_at', 'is', null).orderBy('t.created_at', 'desc').execute();
}

export async function findToken(db: Db, id: string) {
  return db.selectFrom('osdi_tokens').select(['id', 'space_id as spaceId', 'user_id as userId', 'revoked_at as revokedAt']).where('id', '=', id).executeTakeFirst();
}

export async function findTokenByHash(db: Db, tokenHash: string) {
  return db.selectFrom('osdi_tokens').select(['id', 'space_id as spaceId', 'user_id as userId', 'last_used_at as lastUsedAt'])
    .where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function revokeToken(db: Db, id: string) {
  await db.updateTable('osdi_tokens').set({ revoked_at: new Date() }).where('id', '=', id).execute();
}

export async function touchToken(db: Db, id: string) {
  await db.updateTable('osdi_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute();
}
