import type { Db } from '../db/database.ts';

/** Members (any status but "left") of the given alliances, with the facts an anatomy reads. */
export async function listMemberFacts(db: Db, allianceIds: string[]) {
  if (allianceIds.length === 0) return [];
  return db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .select(['m.alliance_id as allianceId', 'o.id', 'o.name', 'o.space_id as spaceId', 'o.state_fips as stateFips', 'o.county_fips as countyFips',
      'o.power_scale as powerScale', 'o.issues', 'o.constituencies', 'o.sectors', 'o.capacities'])
    .where('m.alliance_id', 'in', allianceIds).where('m.status', '<>', 'left').orderBy('o.name').execute();
}

/** Organizations kept in the given spaces, with the facts the ally finder reads. */
export async function listCandidateFacts(db: Db, spaceIds: string[]) {
  if (spaceIds.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'name', 'kind', 'state_fips as stateFips', 'issues', 'constituencies', 'capacities'])
    .where('space_id', 'in', spaceIds).execute();
}

/** Each alliance's chosen priorities; alliances that chose none are absent. */
export async function listPriorities(db: Db, allianceIds: string[]) {
  if (allianceIds.length === 0) return [];
  return db.selectFrom('field_priorities').select(['alliance_id as allianceId', 'constituencies', 'state_fips as stateFips', 'updated_at as updatedAt'])
    .where('alliance_id', 'in', allianceIds).execute();
}

export async function savePriorities(db: Db, allianceId: string, p: { constituencies: string[]; stateFips: string[] }, userId: string) {
  await db.insertInto('field_priorities').values({ alliance_id: allianceId, constituencies: p.constituencies, state_fips: p.stateFips, updated_by: userId })
    .onConflict((oc) => oc.column('alliance_id').doUpdateSet({ constituencies: p.constituencies, state_fips: p.stateFips, updated_by: userId, updated_at: new Date().toISOString() }))
    .execute();
}
