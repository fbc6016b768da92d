import type { Db } from '../db/database.ts';

export async function insertCommittee(db: Db, c: { spaceId: string; allianceId: string; name: string; purpose: string | null }) {
  return db.insertInto('committees').values({ space_id: c.spaceId, alliance_id: c.allianceId, name: c.name, purpose: c.purpose })
    .returning(['id', 'alliance_id as allianceId', 'name', 'purpose']).executeTakeFirstOrThrow();
}

export async function findCommittee(db: Db, id: string) {
  return db.selectFrom('committees').select(['id', 'space_id as spaceId', 'alliance_id as allianceId', 'name', 'purpose']).where('id', '=', id).executeTakeFirst();
}

export async function listCommittees(db: Db, allianceId: string) {
  return db.selectFrom('committees').select(['id', 'alliance_id as allianceId', 'name', 'purpose']).where('alliance_id', '=', allianceId).orderBy('name').execute();
}

export async function listSeats(db: Db, committeeIds: string[]) {
  if (committeeIds.length === 0) return [];
  return db.selectFrom('committee_seats as s').innerJoin('organizations as o', 'o.id', 's.organization_id').innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.id', 's.committee_id as committeeId', 's.organization_id as organizationId', 'o.name as organizationName', 's.person_id as personId',
      'p.name as personName', 's.seat', 's.term_starts_on as termStartsOn', 's.term_ends_on as termEndsOn'])
    .where('s.committee_id', 'in', committeeIds).orderBy('o.name').orderBy('s.seat', 'desc').execute();
}

export async function upsertSeat(db: Db, s: { spaceId: string; committeeId: string; organizationId: string; personId: string; seat: 'permanent' | 'alternate';
  termStartsOn: string | null; termEndsOn: string | null }) {
  return db.insertInto('committee_seats').values({
    space_id: s.spaceId, committee_id: s.committeeId, organization_id: s.organizationId, person_id: s.personId, seat: s.seat,
    term_starts_on: s.termStartsOn, term_ends_on: s.termEndsOn,
  }).onConflict((oc) => oc.columns(['committee_id', 'organization_id', 'seat'])
    .doUpdateSet({ person_id: s.personId, term_starts_on: s.termStartsOn, term_ends_on: s.termEndsOn }))
    .returning('id').executeTakeFirstOrThrow();
}

export async function findSeat(db: Db, id: string) {
  return db.selectFrom('committee_seats').select(['id', 'space_id as spaceId', 'committee_id as committeeId']).where('id', '=', id).executeTakeFirst();
}

export async function deleteSeat(db: Db, id: string) {
  await db.deleteFrom('committee_seats').where('id', '=', id).execute();
}

/** Whether the person is affiliated with the organization (a committee seat is theirs to hold). */
export async function isAffiliated(db: Db, personId: string, organizationId: string) {
  const row = await db.selectFrom('affiliations').select('id').where('person_id', '=', personId).where('organization_id', '=', organizationId).executeTakeFirst();
  return row !== undefined;
}

/** Whether the organization is an active member of the alliance. */
export async function isActiveMember(db: Db, allianceId: string, organizationId: string) {
  const row = await db.selectFrom('memberships').select('id').where('alliance_id', '=', allianceId).where('member_id', '=', organizationId)
    .where('status', '=', 'active').executeTakeFirst();
  return row !== undefined;
}
