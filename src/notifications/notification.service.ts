import type { Db } from '../db/database.ts';
import type { AppDeps } from '../server/context.ts';
import type { Actor } from '../spaces/access.ts';
import { voteClosingMail, voteOpenedMail } from './email-text.ts';
import * as repo from './notification.repository.ts';

export interface VoteNotice {
  kind: 'vote_opened' | 'vote_closing';
  spaceId: string;
  proposalId: string;
  voteId: string;
  proposalTitle: string;
  allianceName: string;
  closesAt: Date | null;
  userIds: string[];
}

/** Tells the people who may cast a ballot, in the app and (when SMTP is set up) by email. */
export async function notifyVoters(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'>, notice: VoteNotice) {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  const data = { proposalTitle: notice.proposalTitle, allianceName: notice.allianceName, closesAt: notice.closesAt?.toISOString() ?? null };
  const rows = await repo.insertNotifications(deps.db, userIds.map((userId) => ({
    userId, spaceId: notice.spaceId, kind: notice.kind, proposalId: notice.proposalId, voteId: notice.voteId, data,
  })));
  if (!deps.mailer.enabled) return;
  const users = await deps.db.selectFrom('users').select(['id', 'email', 'locale']).where('id', 'in', userIds).execute();
  const origin = deps.config.publicOrigin ?? `http://${deps.config.host}:${deps.config.port}`;
  const link = `${origin}/proposals/${notice.proposalId}`;
  const compose = notice.kind === 'vote_opened' ? voteOpenedMail : voteClosingMail;
  deps.mailer.enqueue(users.map((u) => {
    const mail = compose(u.locale === 'es' ? 'es' : 'en', { proposalTitle: notice.proposalTitle, allianceName: notice.allianceName, closesAt: notice.closesAt, link });
    return { to: u.email, ...mail, ref: rows.find((r) => r.userId === u.id)?.id };
  }), async (message) => { if (message.ref) await repo.markEmailed(deps.db, message.ref); });
}

export async function listMyNotifications(db: Db, actor: Actor) {
  const [rows, unread] = await Promise.all([repo.listNotifications(db, actor.userId), repo.countUnread(db, actor.userId)]);
  return { unread, notifications: rows };
}

export async function markNotificationsRead(db: Db, actor: Actor, ids: string[] | 'all') {
  await repo.markRead(db, actor.userId, ids);
}
