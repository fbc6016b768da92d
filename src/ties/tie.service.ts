import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { findMembershipByPair } from '../memberships/membership.repository.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole, canSeeProfiles } from '../spaces/access.ts';
import * as repo from './tie.repository.ts';
import type { TieInput } from './tie.schema.ts';

// Stated ties: recorded in an alliance's space, between organizations the recorder can see.

async function checkVisible(db: Db, actor: Actor, allianceId: string, id: string, field: string) {
  if (id === allianceId || (await findMembershipByPair(db, allianceId, id))) return;
  const org = await findOrganization(db, id);
  const visible = org && (await canSeeProfiles(db, actor, org.spaceId));
  if (!visible) throw invalid([{ field, message: 'no such organization' }]);
}

export async function recordTie(db: Db, actor: Actor, allianceId: string, input: TieInput) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'member');
  await checkVisible(db, actor, allianceId, input.fromId, 'fromId');
  await checkVisible(db, actor, allianceId, input.toId, 'toId');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertTie(trx, { ...input, spaceId, recordedBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'tie', entityId: row.id, changes: { kind: [null, input.kind], strength: [null, input.strength] } }]);
    return row;
  });
}

export async function removeTie(db: Db, actor: Actor, id: string) {
  const tie = await repo.findTie(db, id);
  if (!tie) throw notFound('tie');
  await requireRole(db, actor, tie.spaceId, 'member', 'tie');
  await db.transaction().execute(async (trx) => {
    await repo.deleteTie(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: tie.spaceId, action: 'delete', entity: 'tie', entityId: id }]);
  });
}
