import type { Db } from '../db/database.ts';

export async function insertUser(db: Db, user: { email: string; displayName: string; passwordHash: string; locale?: string; isWorkspaceAdmin?: boolean }) {
  return db.insertInto('users').values({
    email: user.email.trim(), display_name: user.displayName, password_hash: user.passwordHash,
    locale: user.locale ?? 'en', is_workspace_admin: user.isWorkspaceAdmin ?? false,
  }).returning(['id', 'email']).executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase())).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(db: Db, id: string, patch: { locale?: string; display_name?: string; password_hash?: string }) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function insertSession(db: Db, session: { tokenHash: string; userId: string; expiresAt: Date }) {
  await db.insertInto('sessions').values({ token_hash: session.tokenHash, user_id: session.userId, expires_at: session.expiresAt }).execute();
}

export async function findSessionUser(db: Db, tokenHash: string) {
  return db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.is_workspace_admin', 'users.locale', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash).executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every other session of a user (after a password change). */
export async function deleteOtherSessions(db: Db, userId: string, keepTokenHash: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', keepTokenHash).execute();
}
