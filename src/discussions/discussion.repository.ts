import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { DroppedAttachment, ThreadSubjectKind } from '../db/tables.ts';

// Threads, posts, reactions and readers. SQL only; the service checks who may do what.

/** The space and a name of what a thread discusses, or nothing when there is no such subject. */
export async function subjectOf(db: Db, kind: ThreadSubjectKind, id: string): Promise<{ spaceId: string; name: string } | undefined> {
  switch (kind) {
    case 'alliance': {
      const row = await db.selectFrom('organizations').select(['own_space_id as spaceId', 'name']).where('id', '=', id).where('kind', '=', 'alliance').executeTakeFirst();
      return row?.spaceId ? { spaceId: row.spaceId, name: row.name } : undefined;
    }
    case 'committee': return db.selectFrom('committees').select(['space_id as spaceId', 'name']).where('id', '=', id).executeTakeFirst();
    case 'campaign': return db.selectFrom('campaigns').select(['space_id as spaceId', 'name']).where('id', '=', id).executeTakeFirst();
    case 'convening': return db.selectFrom('convenings').select(['space_id as spaceId', 'title as name']).where('id', '=', id).executeTakeFirst();
    case 'work_plan': return db.selectFrom('work_plans').select(['space_id as spaceId', 'title as name']).where('id', '=', id).executeTakeFirst();
    case 'proposal': return db.selectFrom('proposals as p').select(['p.space_id as spaceId',
      sql<string>`coalesce((select v.title from proposal_versions v where v.proposal_id = p.id order by v.version desc limit 1), '')`.as('name')])
      .where('p.id', '=', id).executeTakeFirst();
  }
}

const threadColumns = ['t.id', 't.space_id as spaceId', 't.subject_kind as subjectKind', 't.subject_id as subjectId', 't.title', 't.created_by as createdBy',
  't.created_at as createdAt', 't.last_post_at as lastPostAt', 't.post_count as postCount'] as const;

export async function insertThread(db: Db, t: { spaceId: string; subjectKind: ThreadSubjectKind; subjectId: string; title: string; createdBy: string | null }) {
  return db.insertInto('threads').values({ space_id: t.spaceId, subject_kind: t.subjectKind, subject_id: t.subjectId, title: t.title, created_by: t.createdBy })
    .returning('id').executeTakeFirstOrThrow();
}

export async function findThread(db: Db, id: string) {
  return db.selectFrom('threads as t').select(threadColumns).where('t.id', '=', id).executeTakeFirst();
}

/** The thread locked while a post is added (its count and last post move with it). */
export async function lockThread(db: Db, id: string) {
  return db.selectFrom('threads as t').select(threadColumns).where('t.id', '=', id).forUpdate().executeTakeFirst();
}

/** A proposal's one thread, its discussion. */
export async function proposalThread(db: Db, proposalId: string) {
  return db.selectFrom('threads as t').select(threadColumns).where('t.subject_kind', '=', 'proposal').where('t.subject_id', '=', proposalId).executeTakeFirst();
}

/** The threads on one subject, latest activity first, each with how many posts the reader has not read. */
export async function listThreads(db: Db, kind: ThreadSubjectKind, subjectId: string, userId: string) {
  const rows = await db.selectFrom('threads as t').leftJoin('thread_readers as r', (j) => j.onRef('r.thread_id', '=', 't.id').on('r.user_id', '=', userId))
    .select([...threadColumns, 'r.subscribed',
      sql<number>`(select count(*) from posts p where p.thread_id = t.id and p.deleted_at is null and (r.last_read_at is null or p.created_at > r.last_read_at))`.as('unread')])
    .where('t.subject_kind', '=', kind).where('t.subject_id', '=', subjectId).orderBy('t.last_post_at', 'desc').execute();
  return rows.map((r) => ({ ...r, subscribed: r.subscribed ?? false, unread: Number(r.unread) }));
}

export async function insertPost(db: Db, p: { threadId: string; spaceId: string; authorId: string | null; body: string; html: string;
  mentionedUsers: string[]; mentionedOrgs: string[]; via?: 'app' | 'email'; proposalVersion?: number | null; at?: Date; droppedAttachments?: DroppedAttachment[] }) {
  const at = p.at ?? new Date();
  const row = await db.insertInto('posts').values({ thread_id: p.threadId, space_id: p.spaceId, author_id: p.authorId, body: p.body, html: p.html,
    mentioned_users: p.mentionedUsers, mentioned_orgs: p.mentionedOrgs, via: p.via ?? 'app', proposal_version: p.proposalVersion ?? null, created_at: at,
    dropped_attachments: JSON.stringify(p.droppedAttachments ?? []) })
    .returning(['id', 'created_at as createdAt']).executeTakeFirstOrThrow();
  await db.updateTable('threads').set({ last_post_at: at, post_count: sql`post_count + 1` }).where('id', '=', p.threadId).execute();
  return row;
}

export async function findPost(db: Db, id: string) {
  return db.selectFrom('posts').select(['id', 'thread_id as threadId', 'space_id as spaceId', 'author_id as authorId', 'body', 'deleted_at as deletedAt'])
    .where('id', '=', id).executeTakeFirst();
}

export async function updatePost(db: Db, id: string, p: { body: string; html: string; mentionedUsers: string[]; mentionedOrgs: string[] }) {
  await db.updateTable('posts').set({ body: p.body, html: p.html, mentioned_users: p.mentionedUsers, mentioned_orgs: p.mentionedOrgs, edited_at: new Date() }).where('id', '=', id).execute();
}

/** A deleted post keeps its place in the thread; its words go. */
export async function deletePost(db: Db, id: string) {
  await db.updateTable('posts').set({ body: '', html: '', mentioned_users: [], mentioned_orgs: [], deleted_at: new Date() }).where('id', '=', id).execute();
  await db.deleteFrom('post_reactions').where('post_id', '=', id).execute();
  await db.deleteFrom('post_attachments').where('post_id', '=', id).execute();
}

/** One page of a thread's posts, oldest first, with their authors and reactions. */
export async function listPosts(db: Db, threadId: string, page: { after?: Date; limit: number }) {
  let query = db.selectFrom('posts as p').leftJoin('users as u', 'u.id', 'p.author_id')
    .select(['p.id', 'p.author_id as authorId', 'u.display_name as author', 'p.body', 'p.html', 'p.via', 'p.proposal_version as proposalVersion',
      'p.created_at as createdAt', 'p.edited_at as editedAt', 'p.deleted_at as deletedAt', 'p.dropped_attachments as droppedAttachments',
      sql<{ id: string; title: string; version: number | null; fileName: string | null; contentType: string | null; size: number | null }[]>`coalesce((select json_agg(json_build_object('id', i.id, 'title', i.title,
        'version', f.version, 'fileName', f.file_name, 'contentType', f.content_type, 'size', f.size) order by a.position)
        from post_attachments a join library_items i on i.id = a.item_id
        left join lateral (select version, file_name, content_type, size from library_files lf where lf.item_id = i.id order by version desc limit 1) f on true
        where a.post_id = p.id), '[]'::json)`.as('attachments'),
      sql<{ reaction: string; count: number; userIds: string[] }[]>`coalesce((select json_agg(json_build_object('reaction', x.reaction, 'count', x.n, 'userIds', x.users))
        from (select reaction, count(*)::int as n, array_agg(user_id) as users from post_reactions r where r.post_id = p.id group by reaction order by reaction) x), '[]'::json)`.as('reactions')])
    .where('p.thread_id', '=', threadId);
  if (page.after) query = query.where('p.created_at', '>', page.after);
  return query.orderBy('p.created_at').orderBy('p.id').limit(page.limit).execute();
}

/** Which of `itemIds` are resources of the space's library. */
export async function resourcesIn(db: Db, spaceId: string, itemIds: string[]) {
  if (!itemIds.length) return [];
  return (await db.selectFrom('library_items').select('id').where('space_id', '=', spaceId).where('id', 'in', itemIds).execute()).map((r) => r.id);
}

/** A post's attachments, in the order given, in place of the ones it had. */
export async function setAttachments(db: Db, post: { id: string; spaceId: string }, itemIds: string[]) {
  await db.deleteFrom('post_attachments').where('post_id', '=', post.id).execute();
  if (itemIds.length) await db.insertInto('post_attachments').values(itemIds.map((itemId, position) => ({ post_id: post.id, item_id: itemId, space_id: post.spaceId, position }))).execute();
}

export async function toggleReaction(db: Db, r: { postId: string; userId: string; spaceId: string; reaction: string }) {
  const removed = await db.deleteFrom('post_reactions').where('post_id', '=', r.postId).where('user_id', '=', r.userId).where('reaction', '=', r.reaction).executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) return false;
  await db.insertInto('post_reactions').values({ post_id: r.postId, user_id: r.userId, space_id: r.spaceId, reaction: r.reaction }).execute();
  return true;
}

export async function readerOf(db: Db, threadId: string, userId: string) {
  return db.selectFrom('thread_readers').select(['last_read_at as lastReadAt', 'subscribed']).where('thread_id', '=', threadId).where('user_id', '=', userId).executeTakeFirst();
}

export async function setReader(db: Db, r: { threadId: string; userId: string; spaceId: string; lastReadAt?: Date; subscribed?: boolean }) {
  await db.insertInto('thread_readers').values({ thread_id: r.threadId, user_id: r.userId, space_id: r.spaceId, last_read_at: r.lastReadAt ?? null, subscribed: r.subscribed ?? false })
    .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doUpdateSet({
      ...(r.lastReadAt ? { last_read_at: r.lastReadAt } : {}), ...(r.subscribed !== undefined ? { subscribed: r.subscribed } : {}),
    })).execute();
}

/** Who follows a thread and may still read it (besides the author of the new post), with how to reach them. */
export async function subscribers(db: Db, threadId: string, except: string | null) {
  let query = db.selectFrom('thread_readers as r').innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('space_roles as sr', (j) => j.onRef('sr.space_id', '=', 'r.space_id').onRef('sr.user_id', '=', 'r.user_id'))
    .select(['u.id as userId', 'u.email', 'u.locale']).where('r.thread_id', '=', threadId).where('r.subscribed', '=', true);
  if (except) query = query.where('u.id', '!=', except);
  return query.execute();
}

/** Those among `userIds` who hold a role in the space (a mention reaches only them). */
export async function withRoleIn(db: Db, spaceId: string, userIds: string[]) {
  if (!userIds.length) return [];
  return db.selectFrom('space_roles').select('user_id as userId').where('space_id', '=', spaceId).where('user_id', 'in', userIds).execute();
}

/**
 * Posts matching a search, in English or Spanish (either stemming matches), in the spaces the
 * reader holds a role in, newest first (as a message board reads; and a common word then stops
 * at the first screenful instead of ranking every post that holds it); a snippet of each with the
 * matches marked.
 */
export async function searchPosts(db: Db, userId: string, q: string, limit: number) {
  const query = sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q}))`;
  return db.selectFrom('posts as p').innerJoin('threads as t', 't.id', 'p.thread_id').leftJoin('users as u', 'u.id', 'p.author_id')
    .select(['p.id', 'p.thread_id as threadId', 't.title as threadTitle', 't.subject_kind as subjectKind', 't.subject_id as subjectId', 'u.display_name as author', 'p.created_at as createdAt',
      sql<string>`ts_headline('english', p.body, ${query}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=10')`.as('snippet')])
    .where(sql<boolean>`p.search @@ ${query}`)
    .where('p.deleted_at', 'is', null)
    .where('p.space_id', 'in', (eb) => eb.selectFrom('space_roles').select('space_id').where('user_id', '=', userId))
    .orderBy('p.created_at', 'desc').limit(limit).execute();
}
