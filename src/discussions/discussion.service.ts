import { findUserById } from '../accounts/accounts.repository.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import type { ThreadSubjectKind } from '../db/tables.ts';
import { insertNotifications } from '../notifications/notification.repository.ts';
import { addSentFiles, type FileRefusal, readFile, type ReadFile } from '../library/library.service.ts';
import { forbidden, notFound, Problem } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import * as repo from './discussion.repository.ts';
import { renderPost } from './markdown.ts';

// Discussions live in the space of what they discuss, and open only to a role there: viewers
// read, members write, react and follow, the author edits their own post, administrators remove
// any. Whoever writes in a thread follows it; followers and the people a post mentions (those
// with a role in the space) hear of it in the app.

const PAGE = 200;

async function subjectFor(db: Db, actor: Actor, kind: ThreadSubjectKind, subjectId: string, role: 'viewer' | 'member') {
  const subject = await repo.subjectOf(db, kind, subjectId);
  if (!subject) throw notFound(kind.replace('_', ' '));
  return { ...subject, role: await requireRole(db, actor, subject.spaceId, role, kind.replace('_', ' ')) };
}

async function threadFor(db: Db, actor: Actor, threadId: string, role: 'viewer' | 'member' | 'admin') {
  const thread = await repo.findThread(db, threadId);
  if (!thread) throw notFound('thread');
  const held = await requireRole(db, actor, thread.spaceId, role, 'thread');
  return { thread, role: held };
}

export async function listSubjectThreads(db: Db, actor: Actor, kind: ThreadSubjectKind, subjectId: string) {
  const subject = await subjectFor(db, actor, kind, subjectId, 'viewer');
  return { subject: { kind, id: subjectId, name: subject.name, spaceId: subject.spaceId }, canPost: roleAtLeast(subject.role, 'member'), threads: await repo.listThreads(db, kind, subjectId, actor.userId) };
}

/** Tells followers and the people mentioned (with a role in the space) of a new post. */
async function notify(db: Db, thread: { id: string; spaceId: string; title: string }, postAuthor: Actor | null, authorName: string, mentionedUsers: string[]) {
  const mentioned = new Set((await repo.withRoleIn(db, thread.spaceId, mentionedUsers)).map((r) => r.userId));
  const followers = (await repo.subscribers(db, thread.id, postAuthor?.userId ?? null)).map((s) => s.userId);
  const data = { threadTitle: thread.title, author: authorName };
  const rows = [
    ...[...mentioned].filter((u) => u !== postAuthor?.userId).map((userId) => ({ userId, spaceId: thread.spaceId, kind: 'mention' as const, threadId: thread.id, data })),
    ...followers.filter((u) => !mentioned.has(u)).map((userId) => ({ userId, spaceId: thread.spaceId, kind: 'thread_post' as const, threadId: thread.id, data })),
  ];
  await insertNotifications(db, rows);
}

async function authorName(db: Db, userId: string) {
  return (await findUserById(db, userId))?.display_name ?? '';
}

/** Attachments must be resources of the library of the thread's space: whoever reads the thread may open them. */
async function checkAttachments(db: Db, spaceId: string, ids: string[] | undefined) {
  if (!ids?.length) return [];
  const found = new Set(await repo.resourcesIn(db, spaceId, ids));
  const errors = ids.flatMap((id, i) => (found.has(id) ? [] : [{ field: `attachments.${i}`, message: "not a resource of this space's library" }]));
  if (errors.length) throw new Problem(422, 'Invalid input', "An attachment is not in the library of the thread's space.", errors);
  return ids;
}

/**
 * A post that opens its thread, or joins a proposal's one thread (its discussion) if it has one;
 * its author follows the thread. Part of the caller's transaction; the caller writes the audit entry.
 */
export async function firstPost(trx: Db, p: { spaceId: string; kind: ThreadSubjectKind; subjectId: string; title: string; userId: string; body: string; proposalVersion?: number; attachments?: string[] }) {
  const attachments = await checkAttachments(trx, p.spaceId, p.attachments);
  const existing = p.kind === 'proposal' ? await repo.proposalThread(trx, p.subjectId) : undefined;
  const threadId = existing?.id ?? (await repo.insertThread(trx, { spaceId: p.spaceId, subjectKind: p.kind, subjectId: p.subjectId, title: p.title, createdBy: p.userId })).id;
  const rendered = renderPost(p.body);
  const post = await repo.insertPost(trx, { threadId, spaceId: p.spaceId, authorId: p.userId, body: p.body, ...rendered, proposalVersion: p.proposalVersion });
  await repo.setAttachments(trx, { id: post.id, spaceId: p.spaceId }, attachments);
  await repo.setReader(trx, { threadId, userId: p.userId, spaceId: p.spaceId, lastReadAt: new Date(), subscribed: true });
  return { threadId, postId: post.id, createdAt: post.createdAt, mentionedUsers: rendered.mentionedUsers };
}

export async function startThread(db: Db, actor: Actor, kind: ThreadSubjectKind, subjectId: string, input: { title: string; body: string; attachments?: string[] }) {
  const subject = await subjectFor(db, actor, kind, subjectId, 'member');
  const written = await db.transaction().execute(async (trx) => {
    const post = await firstPost(trx, { spaceId: subject.spaceId, kind, subjectId, title: input.title, userId: actor.userId, body: input.body, attachments: input.attachments });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: subject.spaceId, action: 'create', entity: 'thread', entityId: post.threadId, changes: { title: [null, input.title] } }]);
    return post;
  });
  const result = { id: written.threadId, postId: written.postId };
  await notify(db, { id: result.id, spaceId: subject.spaceId, title: input.title }, actor, await authorName(db, actor.userId), written.mentionedUsers);
  return result;
}

/** A thread and a page of its posts; reading it marks it read for the reader. */
export async function getThread(db: Db, actor: Actor, threadId: string, page: { after?: string } = {}) {
  const { thread, role } = await threadFor(db, actor, threadId, 'viewer');
  const [subject, posts, reader] = await Promise.all([
    repo.subjectOf(db, thread.subjectKind, thread.subjectId),
    repo.listPosts(db, threadId, { after: page.after ? new Date(page.after) : undefined, limit: PAGE }),
    repo.readerOf(db, threadId, actor.userId),
  ]);
  await repo.setReader(db, { threadId, userId: actor.userId, spaceId: thread.spaceId, lastReadAt: new Date() });
  return {
    ...thread, subject: { kind: thread.subjectKind, id: thread.subjectId, name: subject?.name ?? '' },
    canPost: roleAtLeast(role, 'member'), canModerate: roleAtLeast(role, 'admin'), subscribed: reader?.subscribed ?? false, lastReadAt: reader?.lastReadAt ?? null,
    posts: posts.map((p) => ({ ...p, mine: p.authorId === actor.userId, reactions: p.reactions.map((r) => ({ reaction: r.reaction, count: r.count, mine: r.userIds.includes(actor.userId) })) })),
    more: posts.length === PAGE,
  };
}

/** A file sent with a reply by email. */
export interface SentFile { name: string; bytes: Uint8Array }

/** Reads sent files as the library would take them: the ones it takes, and the others named with why. */
async function sortSentFiles(files: SentFile[]) {
  const taken: ReadFile[] = [];
  const dropped: { name: string; reason: FileRefusal }[] = [];
  for (const f of files) {
    const read = await readFile(f.name, f.bytes);
    if ('refused' in read) dropped.push({ name: f.name.slice(0, 255), reason: read.refused });
    else taken.push(read);
  }
  return { taken, dropped };
}

const SENT_FILE_NOTE = {
  en: (title: string) => `Attached to a reply by email in the thread “${title}”.`,
  es: (title: string) => `Adjunto de una respuesta por correo en la conversación «${title}».`,
};

/**
 * A post written in the app (or, through `via`, by email as that account) into a thread the
 * author may write in, with resources of the space's library attached; a reply by email's own
 * files join that library (the ones it does not take are named on the post).
 */
export async function addPost(db: Db, actor: Actor, threadId: string, input: { body: string; attachments?: string[] },
  options: { via?: 'app' | 'email'; proposalVersion?: number; files?: SentFile[]; language?: 'en' | 'es' } = {}) {
  const { thread } = await threadFor(db, actor, threadId, 'member');
  const rendered = renderPost(input.body);
  const sent = await sortSentFiles(options.files ?? []);
  const language = options.language ?? 'en';
  const post = await db.transaction().execute(async (trx) => {
    const attached = await checkAttachments(trx, thread.spaceId, input.attachments);
    await repo.lockThread(trx, threadId);
    const row = await repo.insertPost(trx, { threadId, spaceId: thread.spaceId, authorId: actor.userId, body: input.body, ...rendered, via: options.via,
      proposalVersion: options.proposalVersion, droppedAttachments: sent.dropped });
    const added = await addSentFiles(trx, { userId: actor.userId, spaceId: thread.spaceId, language }, sent.taken, SENT_FILE_NOTE[language](thread.title));
    await repo.setAttachments(trx, { id: row.id, spaceId: thread.spaceId }, [...attached, ...added]);
    await repo.setReader(trx, { threadId, userId: actor.userId, spaceId: thread.spaceId, lastReadAt: new Date(), subscribed: true });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: thread.spaceId, action: 'create', entity: 'post', entityId: row.id,
      changes: { thread: [null, thread.title], via: [null, options.via ?? 'app'], attachments: [null, attached.length + added.length], ...(sent.dropped.length ? { notKept: [null, sent.dropped.length] } : {}) } }]);
    return row;
  });
  await notify(db, thread, actor, await authorName(db, actor.userId), rendered.mentionedUsers);
  return post;
}

async function postFor(db: Db, actor: Actor, postId: string) {
  const post = await repo.findPost(db, postId);
  if (!post || post.deletedAt) throw notFound('post');
  const role = await requireRole(db, actor, post.spaceId, 'viewer', 'post');
  return { post, role };
}

export async function editPost(db: Db, actor: Actor, postId: string, input: { body: string; attachments?: string[] }) {
  const { post, role } = await postFor(db, actor, postId);
  if (post.authorId !== actor.userId || !roleAtLeast(role, 'member')) throw forbidden('Only its author, while a member of the space, edits a post.');
  await db.transaction().execute(async (trx) => {
    if (input.attachments) await repo.setAttachments(trx, { id: postId, spaceId: post.spaceId }, await checkAttachments(trx, post.spaceId, input.attachments));
    await repo.updatePost(trx, postId, { body: input.body, ...renderPost(input.body) });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: post.spaceId, action: 'update', entity: 'post', entityId: postId, changes: { edited: [null, true] } }]);
  });
}

export async function removePost(db: Db, actor: Actor, postId: string) {
  const { post, role } = await postFor(db, actor, postId);
  if (post.authorId !== actor.userId && !roleAtLeast(role, 'admin')) throw forbidden('Only its author or an administrator removes a post.');
  await db.transaction().execute(async (trx) => {
    await repo.deletePost(trx, postId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: post.spaceId, action: 'delete', entity: 'post', entityId: postId, changes: { by: [null, post.authorId === actor.userId ? 'author' : 'administrator'] } }]);
  });
}

export async function react(db: Db, actor: Actor, postId: string, reaction: string) {
  const { post, role } = await postFor(db, actor, postId);
  if (!roleAtLeast(role, 'member')) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const added = await repo.toggleReaction(trx, { postId, userId: actor.userId, spaceId: post.spaceId, reaction });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: post.spaceId, action: 'update', entity: 'post_reaction', entityId: postId, changes: { [reaction]: [!added, added] } }]);
    return { added };
  });
}

export async function subscribe(db: Db, actor: Actor, threadId: string, subscribed: boolean) {
  const { thread } = await threadFor(db, actor, threadId, 'viewer');
  await db.transaction().execute(async (trx) => {
    await repo.setReader(trx, { threadId, userId: actor.userId, spaceId: thread.spaceId, subscribed });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: thread.spaceId, action: 'update', entity: 'thread_subscription', entityId: threadId, changes: { subscribed: [!subscribed, subscribed] } }]);
  });
}

export async function searchDiscussions(db: Db, actor: Actor, q: string) {
  return { results: await repo.searchPosts(db, actor.userId, q, 50) };
}
