import { insertAudit } from '../audit/audit.repository.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { createProposal } from '../decisions/proposal.service.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { setAllianceStage } from '../orgs/organization.repository.ts';
import { conflict, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import * as repo from './charter.repository.ts';
import type { CharterInput } from './charter.schema.ts';

// An alliance's charter, version by version, ratified through the decisions module; and its
// stage of development, each move recorded with the answers to the report's five questions.

export async function getCharter(db: Db, actor: Actor, allianceId: string) {
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  const role = await requireRole(db, actor, spaceId, 'viewer');
  const [versions, stageMoves] = await Promise.all([repo.listCharterVersions(db, allianceId), repo.listStageMoves(db, allianceId)]);
  const stage = alliance.alliance?.stage ?? null;
  return { alliance: { id: alliance.id, name: alliance.name }, role, versions, ratified: versions.find((v) => v.ratifiedAt) ?? null, stage, stageMoves };
}

export async function addCharterVersion(db: Db, actor: Actor, allianceId: string, input: CharterInput) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'member');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertCharterVersion(trx, { ...input, spaceId, allianceId, version: (await repo.latestCharterVersion(trx, allianceId)) + 1, createdBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'charter_version', entityId: row.id, changes: { version: [null, row.version] } }]);
    return row;
  });
}

/** Puts a charter version to the members: a proposal whose ratified outcome marks it ratified. */
export async function sendCharterForRatification(db: Db, actor: Actor, versionId: string) {
  const version = await repo.findCharterVersion(db, versionId);
  if (!version) throw notFound('charter version');
  await requireRole(db, actor, version.spaceId, 'admin');
  // The version stays locked from the check to its link: two admins sending it at once make one proposal.
  return inTransaction(db, async (trx) => {
    const current = await repo.lockCharterVersion(trx, versionId);
    if (current?.proposalId || current?.ratifiedAt) throw conflict('This version has already been put to the members.');
    const proposal = await createProposal(trx, actor, version.allianceId, {
      title: `Charter v${version.version}`, body: `Charter version ${version.version}`, attachments: [], committeeId: null,
      decides: { kind: 'charter', charterVersionId: versionId },
      steps: [{ kind: 'vote', title: 'Ratification', vote: { method: 'consent', rule: {}, options: [], seats: 1,
        electorate: { kind: 'organizations', roles: ['anchor', 'member'], affiliationRoles: ['leader'] }, secret: false, earlyClose: 'when_all_voted' } }],
    });
    await repo.setCharterProposal(trx, versionId, proposal.id);
    return proposal;
  });
}

export async function moveStage(db: Db, actor: Actor, allianceId: string, input: { toStage: string; answers: Record<string, string> }) {
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'admin');
  const from = alliance.alliance?.stage ?? null;
  if (from === input.toStage) throw conflict('The alliance is already at this stage.', 'toStage');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertStageMove(trx, { spaceId, allianceId, fromStage: from, toStage: input.toStage, answers: input.answers, movedBy: actor.userId });
    await setAllianceStage(trx, allianceId, input.toStage);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'organization', entityId: allianceId, changes: { stage: [from, input.toStage] } }]);
    return row;
  });
}
