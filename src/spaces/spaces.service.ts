import { findUserByEmail } from '../accounts/accounts.repository.ts';
import { deleteFeedsInSpace } from '../convenings/calendar-feed.repository.ts';
import { insertAudit, listAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireAccess } from './access.ts';
import { type GrantScope, roleAtLeast, type SpaceRole } from './roles.ts';
import * as repo from './spaces.repository.ts';
import { subjectNames } from '../audit/audit-subjects.repository.ts';

export async function getSpace(db: Db, actor: Actor, spaceId: string) {
  const role = await requireAccess(db, actor, spaceId, 'viewer');
  const space = await repo.findSpace(db, spaceId);
  if (!space) throw notFound('space');
  return { id: space.id, kind: space.kind, name: space.name, role };
}

export async function listRoles(db: Db, actor: Actor, spaceId: string) {
  await requireAccess(db, actor, spaceId, 'admin');
  return repo.listRoles(db, spaceId);
}

export async function setRole(db: Db, actor: Actor, spaceId: string, email: string, role: SpaceRole) {
  await requireAccess(db, actor, spaceId, 'admin');
  const user = await findUserByEmail(db, email);
  if (!user) throw invalid([{ field: 'email', message: 'no account with this email; add it first (crossroads user add)' }]);
  await db.transaction().execute(async (trx) => {
    const owners = await repo.countOwners(trx, spaceId);
    // Read again with the owners locked: a caller demoted a moment ago acts with the role they have now.
    const myRoleNow = await repo.findRole(trx, actor.userId, spaceId);
    if (!roleAtLeast(myRoleNow, 'admin')) throw forbidden();
    // Only owners make owners.
    if (role === 'owner' && myRoleNow !== 'owner') throw invalid([{ field: 'role', message: 'only an owner can add an owner' }]);
    const before = await repo.findRole(trx, user.id, spaceId);
    if (before === 'owner' && myRoleNow !== 'owner') throw forbidden('Only an owner can change an owner\'s role.');
    if (before === 'owner' && role !== 'owner' && owners <= 1) {
      throw conflict('A space keeps at least one owner.', 'role');
    }
    await repo.upsertRole(trx, spaceId, user.id, role);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'space_role', entityId: user.id, changes: { role: [before, role] } }]);
  });
}

export async function removeRole(db: Db, actor: Actor, spaceId: string, userId: string) {
  await requireAccess(db, actor, spaceId, 'admin');
  await db.transaction().execute(async (trx) => {
    const owners = await repo.countOwners(trx, spaceId);
    const myRoleNow = await repo.findRole(trx, actor.userId, spaceId);
    if (!roleAtLeast(myRoleNow, 'admin')) throw forbidden();
    const before = await repo.findRole(trx, userId, spaceId);
    if (!before) throw notFound('role');
    if (before === 'owner' && myRoleNow !== 'owner') throw forbidden('Only an owner can remove an owner.');
    if (before === 'owner' && owners <= 1) throw conflict('A space keeps at least one owner.');
    await repo.deleteRole(trx, spaceId, userId);
    await deleteFeedsInSpace(trx, spaceId, userId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'delete', entity: 'space_role', entityId: userId, changes: { role: [before, null] } }]);
  });
}

export async function listGrants(db: Db, actor: Actor, spaceId: string) {
  await requireAccess(db, actor, spaceId, 'viewer');
  return repo.listGrants(db, spaceId);
}

/** An organization's space shares records of `scope` with another space (usually an alliance's). */
export async function grant(db: Db, actor: Actor, fromSpaceId: string, toSpaceId: string, scope: GrantScope) {
  await requireAccess(db, actor, fromSpaceId, 'admin');
  if (fromSpaceId === toSpaceId) throw invalid([{ field: 'toSpaceId', message: 'a space already sees its own records' }]);
  if (!(await repo.findSpace(db, toSpaceId))) throw invalid([{ field: 'toSpaceId', message: 'no such space' }]);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertGrant(trx, { fromSpaceId, toSpaceId, scope, userId: actor.userId });
    if (row) {
      await insertAudit(trx, [{ userId: actor.userId, spaceId: fromSpaceId, action: 'grant', entity: 'grant', entityId: row.id, changes: { toSpaceId, scope } }]);
    }
    return row?.id ?? null;
  });
}

export async function revoke(db: Db, actor: Actor, grantId: string) {
  const row = await repo.findGrant(db, grantId);
  if (!row) throw notFound('grant');
  await requireAccess(db, actor, row.from_space_id, 'admin');
  await db.transaction().execute(async (trx) => {
    await repo.revokeGrant(trx, grantId, actor.userId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: row.from_space_id, action: 'revoke', entity: 'grant', entityId: grantId, changes: { toSpaceId: row.to_space_id, scope: row.scope } }]);
  });
}

export async function readAudit(db: Db, actor: Actor, spaceId: string, options: { limit: number; before?: string }) {
  await requireAccess(db, actor, spaceId, 'owner');
  const rows = await listAudit(db, spaceId, options);
  const names = await subjectNames(db, spaceId, rows.flatMap((r) => (r.entity_id ? [{ entity: r.entity, id: r.entity_id }] : [])));
  // What the entry speaks of, by name, so that the page can say it in words.
  return rows.map((r) => ({ ...r, subject: r.entity_id ? names.get(`${r.entity}:${r.entity_id}`) ?? null : null }));
}
