import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Membership } from './membership.schema.ts';

const columns = ['id', 'alliance_id as allianceId', 'member_id as memberId', 'role', 'status', 'started_on as startedOn', 'ended_on as endedOn', 'space_id as spaceId'] as const;

export async function insertMembership(db: Db, spaceId: string, m: Omit<Membership, 'id'>) {
  return db.insertInto('memberships').values({
    space_id: spaceId, alliance_id: m.allianceId, member_id: m.memberId, role: m.role, status: m.status,
    started_on: m.startedOn, ended_on: m.endedOn,
  }).returning(columns).executeTakeFirstOrThrow() as Promise<Membership & { spaceId: string }>;
}

export async function findMembership(db: Db, id: string) {
  return db.selectFrom('memberships').select(columns).where('id', '=', id).executeTakeFirst() as Promise<(Membership & { spaceId: string }) | undefined>;
}

export async function findMembershipByPair(db: Db, allianceId: string, memberId: string) {
  return db.selectFrom('memberships').select(columns).where('alliance_id', '=', allianceId).where('member_id', '=', memberId)
    .executeTakeFirst() as Promise<(Membership & { spaceId: string }) | undefined>;
}

export async function updateMembership(db: Db, id: string, patch: Partial<Pick<Membership, 'role' | 'status' | 'startedOn' | 'endedOn'>>) {
  return db.updateTable('memberships').set({
    role: patch.role, status: patch.status, started_on: patch.startedOn, ended_on: patch.endedOn, updated_at: new Date(),
  }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow() as Promise<Membership & { spaceId: string }>;
}

export async function deleteMembership(db: Db, id: string) {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}

/** True when `allianceId` is `memberId` or sits anywhere below it (so adding would close a cycle). */
export async function wouldCreateCycle(db: Db, allianceId: string, memberId: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    with recursive below(id) as (
      select ${memberId}::uuid
      union
      select m.member_id from memberships m join below b on m.alliance_id = b.id
    )
    select exists(select 1 from below where id = ${allianceId}::uuid) as found`.execute(db);
  return result.rows[0]?.found === true;
}

/** Members of the alliances in `allianceIds`, with the member's directory basics and its own member count. */
export async function listMembersOf(db: Db, allianceIds: string[]) {
  if (allianceIds.length === 0) return [];
  return db.selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.member_id')
    .select(['m.id', 'm.alliance_id as allianceId', 'm.member_id as memberId', 'm.role', 'm.status',
      'm.started_on as startedOn', 'm.ended_on as endedOn', 'o.name', 'o.short_name as shortName', 'o.kind',
      'o.space_id as memberSpaceId', 'o.own_space_id as memberOwnSpaceId', 'o.state_fips as stateFips', 'o.city'])
    .where('m.alliance_id', 'in', allianceIds)
    .orderBy(sql`case m.role when 'anchor' then 0 when 'member' then 1 when 'ally' then 2 else 3 end`)
    .orderBy(sql`lower(o.name)`).execute();
}

/** The alliances an organization belongs to. */
export async function listAlliancesOf(db: Db, memberId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id')
    .select(['m.id', 'm.alliance_id as allianceId', 'a.name', 'a.space_id as allianceSpaceId', 'm.role', 'm.status', 'm.started_on as startedOn', 'm.ended_on as endedOn'])
    .where('m.member_id', '=', memberId).orderBy('a.name').execute();
}

/** The seats on every membership of the given alliances. */
export async function listRepresentatives(db: Db, allianceIds: string[]) {
  if (allianceIds.length === 0) return [];
  return db.selectFrom('representatives as r').innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('memberships as m', 'm.id', 'r.membership_id')
    .select(['r.id', 'r.membership_id as membershipId', 'r.seat', 'r.person_id as personId', 'p.name', 'p.space_id as personSpaceId', 'p.languages'])
    .where('m.alliance_id', 'in', allianceIds)
    .orderBy(sql`case r.seat when 'staff' then 0 when 'leader' then 1 else 2 end`).orderBy('p.name').execute();
}

export async function insertRepresentative(db: Db, spaceId: string, r: { membershipId: string; personId: string; seat: string }) {
  return db.insertInto('representatives').values({ space_id: spaceId, membership_id: r.membershipId, person_id: r.personId, seat: r.seat })
    .onConflict((oc) => oc.columns(['membership_id', 'person_id']).doUpdateSet({ seat: r.seat }))
    .returning(['id', 'membership_id as membershipId', 'person_id as personId', 'seat']).executeTakeFirstOrThrow();
}

export async function findRepresentative(db: Db, id: string) {
  return db.selectFrom('representatives').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteRepresentative(db: Db, id: string) {
  await db.deleteFrom('representatives').where('id', '=', id).execute();
}
