import type { Db } from '../db/database.ts';
import type { CharterInput } from './charter.schema.ts';

export async function insertCharterVersion(db: Db, c: CharterInput & { spaceId: string; allianceId: string; version: number; createdBy: string }) {
  return db.insertInto('charter_versions').values({
    space_id: c.spaceId, alliance_id: c.allianceId, version: c.version, blocks: JSON.stringify(c.blocks), values_text: c.values ?? null,
    vision: c.vision ?? null, decision_rules: c.decisionRules ?? null, created_by: c.createdBy,
  }).returning(['id', 'version']).executeTakeFirstOrThrow();
}

export async function latestCharterVersion(db: Db, allianceId: string): Promise<number> {
  const row = await db.selectFrom('charter_versions').select((eb) => eb.fn.max('version').as('v')).where('alliance_id', '=', allianceId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function findCharterVersion(db: Db, id: string) {
  return db.selectFrom('charter_versions').select(['id', 'space_id as spaceId', 'alliance_id as allianceId', 'version', 'proposal_id as proposalId', 'ratified_at as ratifiedAt'])
    .where('id', '=', id).executeTakeFirst();
}

/** The version's proposal and ratification, its row locked until the transaction ends. */
export async function lockCharterVersion(db: Db, id: string) {
  return db.selectFrom('charter_versions').select(['proposal_id as proposalId', 'ratified_at as ratifiedAt']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listCharterVersions(db: Db, allianceId: string) {
  return db.selectFrom('charter_versions as c').leftJoin('users as u', 'u.id', 'c.created_by')
    .select(['c.id', 'c.version', 'c.blocks', 'c.values_text as values', 'c.vision', 'c.decision_rules as decisionRules', 'c.proposal_id as proposalId',
      'c.ratified_at as ratifiedAt', 'c.created_at as createdAt', 'u.display_name as author'])
    .where('c.alliance_id', '=', allianceId).orderBy('c.version', 'desc').execute();
}

export async function setCharterProposal(db: Db, id: string, proposalId: string) {
  await db.updateTable('charter_versions').set({ proposal_id: proposalId }).where('id', '=', id).execute();
}

export async function markCharterRatified(db: Db, id: string) {
  await db.updateTable('charter_versions').set({ ratified_at: new Date() }).where('id', '=', id).execute();
}

export async function insertStageMove(db: Db, m: { spaceId: string; allianceId: string; fromStage: string | null; toStage: string; answers: Record<string, string>; movedBy: string }) {
  return db.insertInto('stage_moves').values({ space_id: m.spaceId, alliance_id: m.allianceId, from_stage: m.fromStage, to_stage: m.toStage, answers: JSON.stringify(m.answers), moved_by: m.movedBy })
    .returning('id').executeTakeFirstOrThrow();
}

export async function listStageMoves(db: Db, allianceId: string) {
  return db.selectFrom('stage_moves as m').leftJoin('users as u', 'u.id', 'm.moved_by')
    .select(['m.id', 'm.from_stage as fromStage', 'm.to_stage as toStage', 'm.answers', 'm.moved_at as movedAt', 'u.display_name as movedBy'])
    .where('m.alliance_id', '=', allianceId).orderBy('m.moved_at', 'desc').execute();
}
