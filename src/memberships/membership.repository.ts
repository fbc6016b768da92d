import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
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

/** The membership with its row locked until the transaction ends: rules across its fields hold under concurrent edits. */
export async function lockMembership(db: Db, id: string) {
  return db.selectFrom('memberships').select(columns).where('id', '=', id).forUpdate().executeTakeFirst() as Promise<(Membership & { spaceId: string }) | undefined>;
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

export interface MemberFilter { status?: string; role?: string; q?: string; withoutLeader?: boolean }

const ROLE_ORDER = sql`case m.role when 'anchor' then 0 when 'member' then 1 when 'ally' then 2 else 3 end`;
const hasLeader = sql<boolean>`exists (select 1 from representatives r where r.membership_id = m.id and r.seat = 'leader')`;
// Current members (not left, not prospects): the ones expected to send a grassroots leader.
const isCurrent = sql<boolean>`m.status not in ('left', 'prospect')`;

function membersOf(db: Db, allianceId: string, f: MemberFilter) {
  // Each member's organization is fetched by its key (the lateral subquery, kept apart by offset 0):
  // left to itself the planner hashes the whole organizations table to join a few hundred members.
  let query = db.selectFrom('memberships as m')
    .innerJoinLateral((eb) => eb.selectFrom('organizations')
      .select(['name', 'short_name', 'kind', 'space_id', 'own_space_id', 'state_fips', 'city'])
      .whereRef('organizations.id', '=', 'm.member_id').offset(0).as('o'), (join) => join.onTrue())
    .where('m.alliance_id', '=', allianceId);
  if (f.status) query = query.where('m.status', '=', f.status);
  if (f.role) query = query.where('m.role', '=', f.role);
  if (f.q) query = query.where(sql<boolean>`lower(o.name) like ${`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.withoutLeader) query = query.where(isCurrent).where(sql<boolean>`not ${hasLeader}`);
  return query;
}

/**
 * One page of an alliance's direct members (anchors first, then by name), each with its seats and,
 * for a member alliance, its own number of members: one query, whatever the page size.
 */
export async function listMembers(db: Db, allianceId: string, f: MemberFilter, page: { offset: number; limit: number }) {
  const rows = await membersOf(db, allianceId, f)
    .select((eb) => ['m.id', 'm.alliance_id as allianceId', 'm.member_id as memberId', 'm.role', 'm.status',
      'm.started_on as startedOn', 'm.ended_on as endedOn', 'o.name', 'o.short_name as shortName', 'o.kind',
      'o.space_id as memberSpaceId', 'o.own_space_id as memberOwnSpaceId', 'o.state_fips as stateFips', 'o.city',
      sql<number | null>`case when o.kind = 'alliance' then (select count(*) from memberships n where n.alliance_id = m.member_id) end`.as('ownMemberCount'),
      jsonArrayFrom(eb.selectFrom('representatives as r').innerJoin('people as p', 'p.id', 'r.person_id')
        .select(['r.id', 'r.seat', 'r.person_id as personId', 'p.name', 'p.space_id as personSpaceId', 'p.languages'])
        .whereRef('r.membership_id', '=', 'm.id')
        .orderBy(sql`case r.seat when 'staff' then 0 when 'leader' then 1 else 2 end`).orderBy('p.name')).as('seats')])
    .orderBy(ROLE_ORDER).orderBy(sql`lower(o.name)`).orderBy('m.id')
    .limit(page.limit).offset(page.offset).execute();
  return rows.map((r) => ({ ...r, ownMemberCount: r.ownMemberCount === null ? null : Number(r.ownMemberCount) }));
}

/** How many direct members match `f`. */
export async function countMembers(db: Db, allianceId: string, f: MemberFilter) {
  const row = await membersOf(db, allianceId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The counts the alliance page shows for the whole alliance, whatever page of members it lists. */
export async function summarizeMembers(db: Db, allianceId: string) {
  const row = await db.selectFrom('memberships as m').where('m.alliance_id', '=', allianceId)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`count(*) filter (where m.status <> 'left')`.as('notLeft'),
      sql<number>`count(*) filter (where ${isCurrent} and not ${hasLeader})`.as('withoutLeader'),
    ]).executeTakeFirstOrThrow();
  return { total: Number(row.total), notLeft: Number(row.notLeft), withoutLeader: Number(row.withoutLeader) };
}

/** The alliances an organization belongs to. */
export async function listAlliancesOf(db: Db, memberId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id')
    .select(['m.id', 'm.alliance_id as allianceId', 'a.name', 'a.space_id as allianceSpaceId', 'm.role', 'm.status', 'm.started_on as startedOn', 'm.ended_on as endedOn'])
    .where('m.member_id', '=', memberId).orderBy('a.name').execute();
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
