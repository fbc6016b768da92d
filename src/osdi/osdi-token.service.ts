import { createHash, randomBytes } from 'node:crypto';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { findRole } from '../spaces/spaces.repository.ts';
import * as repo from './osdi-token.repository.ts';

// API tokens for the OSDI server, one space each. The token is shown once; only its SHA-256 is
// kept. A token acts as the person who made it, in its space only, and only while that person
// is still an administrator there: demoting them or removing their role silences their tokens.

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createToken(db: Db, actor: Actor, spaceId: string, label: string) {
  await requireRole(db, actor, spaceId, 'admin', 'contacts');
  const token = `osdi_${randomBytes(24).toString('base64url')}`;
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertToken(trx, { spaceId, userId: actor.userId, label, tokenHash: hash(token) });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'osdi_token', entityId: row.id, changes: { label: [null, label] } }]);
    return { ...row, token };
  });
}

export async function listTokens(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'admin', 'contacts');
  return repo.listTokens(db, spaceId);
}

export async function revokeToken(db: Db, actor: Actor, id: string) {
  const token = await repo.findToken(db, id);
  if (!token || token.revokedAt) throw notFound('token');
  await requireRole(db, actor, token.spaceId, 'admin', 'token');
  await db.transaction().execute(async (trx) => {
    await repo.revokeToken(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: token.spaceId, action: 'delete', entity: 'osdi_token', entityId: id, changes: null }]);
  });
}

/** Who a token speaks for, or null: unknown, revoked, or its maker no longer a member of its space. */
export async function authenticate(db: Db, token: string): Promise<{ actor: Actor; spaceId: string } | null> {
  const row = await repo.findTokenByHash(db, hash(token));
  if (!row) return null;
  // An administrator made it (it reads every contact's details, as an export does): it works while they still are one.
  if (!roleAtLeast(await findRole(db, row.userId, row.spaceId), 'admin')) return null;
  // Marked used at most once a minute: paging through a million people must not write a million times.
  if (!row.lastUsedAt || Date.now() - new Date(row.lastUsedAt).getTime() > 60_000) await repo.touchToken(db, row.id);
  return { actor: { userId: row.userId, isWorkspaceAdmin: false }, spaceId: row.spaceId };
}
