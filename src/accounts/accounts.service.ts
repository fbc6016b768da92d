import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { Problem } from '../server/problem.ts';
import { listSpacesOfUser } from '../spaces/spaces.repository.ts';
import type { Me } from './accounts.schema.ts';
import * as repo from './accounts.repository.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { Actor } from '../spaces/access.ts';

export const SESSION_DAYS = 14;
// Compared against when the email is unknown, so both paths cost the same; made on first use.
let dummyHash: Promise<string> | undefined;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createUser(db: Db, user: { email: string; displayName: string; password: string; locale?: string; isWorkspaceAdmin?: boolean }) {
  if (user.password.length < 10) throw new Problem(422, 'Invalid input', 'password: use at least 10 characters', [{ field: 'password', message: 'use at least 10 characters' }]);
  if (await repo.findUserByEmail(db, user.email)) {
    throw new Problem(409, 'Conflict', `An account for ${user.email} already exists.`, [{ field: 'email', message: 'already in use' }]);
  }
  return repo.insertUser(db, { ...user, passwordHash: await hashPassword(user.password) });
}

/** Returns a new session token, or throws 401 / 429. */
export async function signIn(db: Db, throttle: LoginThrottle, email: string, password: string, clientAddress: string): Promise<string> {
  const wait = throttle.retryAfter(email, clientAddress);
  if (wait > 0) throw new Problem(429, 'Too many attempts', `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.`);
  // Counted before the slow password check, so guesses sent all at once are counted all the same.
  throttle.fail(email, clientAddress);
  const user = await repo.findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.password_hash ?? (await (dummyHash ??= hashPassword('not a real password'))));
  if (!user || !ok) throw new Problem(401, 'Sign-in failed', 'That email and password do not match an account.');
  throttle.succeed(email, clientAddress);
  const token = randomBytes(32).toString('base64url');
  await repo.insertSession(db, { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) });
  return token;
}

// Sessions are looked up on every request; a short cache keeps progress polling off the
// database (the embedded one serves one query at a time, and an import may hold it).
const SESSION_CACHE_MS = 30_000;
const sessionCache = new Map<string, { actor: Actor; until: number }>();

/** The caller behind a session token, if the session cache holds it (no database read). */
export function cachedActorForToken(token: string) {
  const cached = sessionCache.get(hashToken(token));
  return cached && cached.until > Date.now() ? cached.actor : undefined;
}

export async function actorForToken(db: Db, token: string) {
  const cached = cachedActorForToken(token);
  if (cached) return cached;
  const key = hashToken(token);
  const row = await repo.findSessionUser(db, key);
  if (!row || new Date(row.expires_at) < new Date()) return null;
  const actor: Actor = { userId: row.id, isWorkspaceAdmin: row.is_workspace_admin, language: row.locale === 'es' ? 'es' : 'en' };
  if (sessionCache.size > 10_000) sessionCache.clear();
  sessionCache.set(key, { actor, until: Math.min(Date.now() + SESSION_CACHE_MS, new Date(row.expires_at).getTime()) });
  return actor;
}

export async function signOut(db: Db, token: string) {
  sessionCache.delete(hashToken(token));
  await repo.deleteSession(db, hashToken(token));
}

export async function getMe(db: Db, userId: string): Promise<Me> {
  const user = await repo.findUserById(db, userId);
  if (!user) throw new Problem(401, 'Sign in required');
  const spaces = await listSpacesOfUser(db, userId);
  return {
    id: user.id, email: user.email, displayName: user.display_name, locale: user.locale as Me['locale'],
    isWorkspaceAdmin: user.is_workspace_admin, digest: user.digest,
    spaces: spaces.map((s) => ({ ...s, organizationId: s.organizationId ?? null })),
  };
}

export async function updateMe(db: Db, userId: string, patch: { locale?: string; displayName?: string }) {
  await repo.updateUser(db, userId, { locale: patch.locale, display_name: patch.displayName });
  // The account's language is part of the cached caller: the next request reads it afresh.
  if (patch.locale) for (const [key, entry] of sessionCache) if (entry.actor.userId === userId) sessionCache.delete(key);
}

export async function changePassword(db: Db, userId: string, token: string, current: string, next: string) {
  const user = await repo.findUserById(db, userId);
  if (!user || !(await verifyPassword(current, user.password_hash))) {
    throw new Problem(422, 'Invalid input', 'currentPassword: does not match', [{ field: 'currentPassword', message: 'does not match your password' }]);
  }
  await repo.updateUser(db, userId, { password_hash: await hashPassword(next) });
  await repo.deleteOtherSessions(db, userId, hashToken(token));
  for (const [key, entry] of sessionCache) if (entry.actor.userId === userId && key !== hashToken(token)) sessionCache.delete(key);
}
