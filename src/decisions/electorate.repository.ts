import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Who may vote: one row per (elector, caster) pair. An elector with no one able to cast still
// appears (caster null): it belongs to the electorate and counts for the quorum.

export interface ElectorRow {
  electorId: string;
  label: string;
  casterUserId: string | null;
  castAs: 'representative' | 'alternate' | 'self' | null;
}

/** Member organizations of the alliance: their staff and leader representatives, and the alternate. */
export async function organizationElectorRows(db: Db, allianceId: string, roles: string[]): Promise<ElectorRow[]> {
  return db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .leftJoin('representatives as r', 'r.membership_id', 'm.id')
    .leftJoin('people as p', 'p.id', 'r.person_id')
    .select(['m.member_id as electorId', 'o.name as label', 'p.user_id as casterUserId',
      sql<ElectorRow['castAs']>`case when r.seat is null or p.user_id is null then null when r.seat = 'alternate' then 'alternate' else 'representative' end`.as('castAs')])
    .where('m.alliance_id', '=', allianceId).where('m.status', '=', 'active').where('m.role', 'in', roles)
    .orderBy('o.name').execute();
}

/** The organizations seated on a committee: the permanent representative and the alternate. */
export async function committeeElectorRows(db: Db, committeeId: string): Promise<ElectorRow[]> {
  return db.selectFrom('committee_seats as s').innerJoin('organizations as o', 'o.id', 's.organization_id')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.organization_id as electorId', 'o.name as label', 'p.user_id as casterUserId',
      sql<ElectorRow['castAs']>`case when p.user_id is null then null when s.seat = 'alternate' then 'alternate' else 'representative' end`.as('castAs')])
    .where('s.committee_id', '=', committeeId)
    .where((eb) => eb.or([eb('s.term_ends_on', 'is', null), eb('s.term_ends_on', '>=', sql<string>`to_char(now(), 'YYYY-MM-DD')`)]))
    .orderBy('o.name').execute();
}

/**
 * People affiliated with active member organizations in one of `affiliationRoles`. A person is
 * named only when their organization shares its people with the alliance's space; otherwise the
 * electorate shows their organization.
 */
export async function peopleElectorRows(db: Db, allianceId: string, allianceSpaceId: string, affiliationRoles: string[]): Promise<ElectorRow[]> {
  return db.selectFrom('memberships as m').innerJoin('affiliations as a', 'a.organization_id', 'm.member_id')
    .innerJoin('people as p', 'p.id', 'a.person_id').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .select(['p.id as electorId', 'p.user_id as casterUserId',
      sql<string>`case when exists (select 1 from grants g where g.from_space_id = p.space_id and g.to_space_id = ${allianceSpaceId}
        and g.scope = 'people' and g.revoked_at is null) or p.space_id = ${allianceSpaceId} then p.name || ' · ' || o.name else o.name end`.as('label'),
      sql<ElectorRow['castAs']>`case when p.user_id is null then null else 'self' end`.as('castAs')])
    .where('m.alliance_id', '=', allianceId).where('m.status', '=', 'active').where('a.role', 'in', affiliationRoles)
    .distinctOn('p.id').orderBy('p.id').execute();
}

/** The users able to cast for any elector of the given votes, for notifications. */
export async function listCasterEmails(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('users').select(['id', 'email', 'display_name as name', 'locale']).where('id', 'in', userIds).execute();
}
