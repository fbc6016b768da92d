import type { Db } from '../db/database.ts';
import type { TieInput } from './tie.schema.ts';

export async function insertTie(db: Db, t: TieInput & { spaceId: string; recordedBy: string }) {
  return db.insertInto('ties').values({ space_id: t.spaceId, from_id: t.fromId, to_id: t.toId, kind: t.kind, strength: t.strength,
    started_on: t.startedOn ?? null, ended_on: t.endedOn ?? null, note: t.note ?? null, recorded_by: t.recordedBy }).returning('id').executeTakeFirstOrThrow();
}

export async function findTie(db: Db, id: string) {
  return db.selectFrom('ties').select(['id', 'space_id as spaceId']).where('id', '=', id).executeTakeFirst();
}

export async function deleteTie(db: Db, id: string) {
  await db.deleteFrom('ties').where('id', '=', id).execute();
}

/** Stated ties recorded in the given spaces, with both organizations' names and who recorded them. */
export async function listTies(db: Db, spaceIds: string[]) {
  if (spaceIds.length === 0) return [];
  return db.selectFrom('ties as t').innerJoin('organizations as a', 'a.id', 't.from_id').innerJoin('organizations as b', 'b.id', 't.to_id')
    .leftJoin('users as u', 'u.id', 't.recorded_by')
    .select(['t.id', 't.from_id as a', 'a.name as aName', 't.to_id as b', 'b.name as bName', 't.kind', 't.strength', 't.started_on as startedOn', 't.ended_on as endedOn',
      't.note', 'u.display_name as recordedBy'])
    .where('t.space_id', 'in', spaceIds).orderBy('a.name').execute();
}

/** Organizations with what the E-I index reads. */
export async function listNodes(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'name', 'constituencies', 'issues', 'kind', 'short_name as shortName']).where('id', 'in', ids).execute();
}

/** Active memberships of alliances whose space is in `spaceIds`: one group per alliance. */
export async function listMembershipGroups(db: Db, allianceSpaceIds: string[]) {
  if (allianceSpaceIds.length === 0) return [];
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id')
    .select(['m.alliance_id as groupId', 'a.name as groupName', 'm.member_id as memberId'])
    .where('a.own_space_id', 'in', allianceSpaceIds).where('m.status', '=', 'active').execute();
}

/** Whose convenings or campaigns: those hosted by these organizations, or kept in these spaces. */
export type GroupFilter = { hostIds: string[] } | { spaceIds: string[] };
const filterValues = (by: GroupFilter) => ('hostIds' in by ? by.hostIds : by.spaceIds);

/** Organizations that attended each convening together. */
export async function listConveningGroups(db: Db, by: GroupFilter) {
  if (filterValues(by).length === 0) return [];
  return db.selectFrom('convening_participants as p').innerJoin('convenings as c', 'c.id', 'p.convening_id')
    .select(['c.id as groupId', 'c.title as groupName', 'p.organization_id as memberId'])
    .where('hostIds' in by ? 'c.organization_id' : 'c.space_id', 'in', filterValues(by))
    .where('p.attended', '=', true).where('p.organization_id', 'is not', null).execute();
}

/** Organizations taking part in each campaign together. */
export async function listCampaignGroups(db: Db, by: GroupFilter) {
  if (filterValues(by).length === 0) return [];
  return db.selectFrom('campaign_participants as p').innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .select(['c.id as groupId', 'c.name as groupName', 'p.organization_id as memberId'])
    .where('hostIds' in by ? 'c.organization_id' : 'c.space_id', 'in', filterValues(by)).execute();
}

/** Every organization kept in the given spaces. */
export async function listNodesInSpaces(db: Db, spaceIds: string[]) {
  if (spaceIds.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'name', 'constituencies', 'issues', 'kind', 'short_name as shortName']).where('space_id', 'in', spaceIds).execute();
}

/** A stated tie's strength, end and note, as a re-import of the same tie corrects them. */
export async function updateTie(db: Db, id: string, t: { strength: number; endedOn: string | null; note: string | null }) {
  await db.updateTable('ties').set({ strength: t.strength, ended_on: t.endedOn, note: t.note }).where('id', '=', id).execute();
}
