import type { Db } from '../db/database.ts';

export interface NewNotification {
  userId: string;
  spaceId: string;
  kind: 'vote_opened' | 'vote_closing' | 'thread_post' | 'mention' | 'update';
  proposalId?: string;
  voteId?: string;
  threadId?: string;
  data: Record<string, unknown>;
}

export async function insertNotifications(db: Db, rows: NewNotification[]) {
  if (rows.length === 0) return [];
  return db.insertInto('notifications').values(rows.map((n) => ({
    user_id: n.userId, space_id: n.spaceId, kind: n.kind, proposal_id: n.proposalId ?? null, vote_id: n.voteId ?? null, thread_id: n.threadId ?? null, data: JSON.stringify(n.data),
  }))).returning(['id', 'user_id as userId']).execute();
}

export async function listNotifications(db: Db, userId: string, limit = 50) {
  return db.selectFrom('notifications')
    .select(['id', 'kind', 'proposal_id as proposalId', 'vote_id as voteId', 'thread_id as threadId', 'data', 'created_at as createdAt', 'read_at as readAt', 'emailed_at as emailedAt'])
    .where('user_id', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
}

/** Every unread notification counts, not only those on the page listed. */
export async function countUnread(db: Db, userId: string) {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Db, userId: string, ids: string[] | 'all') {
  let query = db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}

export async function markEmailed(db: Db, id: string) {
  await db.updateTable('notifications').set({ emailed_at: new Date() }).where('id', '=', id).execute();
}
