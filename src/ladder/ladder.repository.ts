import { sql } from 'kysely';
import { countsInAlliance } from '../consent/consent.repository.ts';
import type { TaxStatus } from '../db/tables.ts';
import { passesFirewall } from '../firewall/firewall.repository.ts';
import type { Db } from '../db/database.ts';
import { ownOrAllianceConvening } from '../leadership/leadership.repository.ts';
import type { ContactFacts } from './ladder.ts';

export async function findLadder(db: Db, spaceId: string) {
  return db.selectFrom('ladders').select(['space_id as spaceId', 'steps', 'rules', 'updated_at as updatedAt']).where('space_id', '=', spaceId).executeTakeFirst();
}

export async function saveLadder(db: Db, spaceId: string, ladder: { steps: object; rules: object }) {
  await db.insertInto('ladders').values({ space_id: spaceId, steps: JSON.stringify(ladder.steps), rules: JSON.stringify(ladder.rules) })
    .onConflict((oc) => oc.column('space_id').doUpdateSet({ steps: JSON.stringify(ladder.steps), rules: JSON.stringify(ladder.rules), updated_at: new Date() })).execute();
}

/**
 * What the ladder's rules read, per contact, a page at a time (id order after `afterId`), or for
 * the contacts named. `organizationId`: the organization whose space this is (sessions led are
 * counted in the convenings it takes part in); `attemptsByEmail`: outreach attempts made by
 * volunteers, keyed by the blind index of their account's email.
 */
export async function pageFacts(db: Db, spaceId: string, afterId: string, limit: number, only?: string[],
  context: { organizationId: string | null; attemptsByEmail: Map<string, number> } = { organizationId: null, attemptsByEmail: new Map() }) {
  const named = only ? sql`and c.id = any(${only}::uuid[])` : sql``;
  // Sessions already held, facilitated by the directory person the contact is (matched by that
  // person's name: the facilitator is written as text), in convenings the organization holds or
  // hosts or its alliances hold.
  const sessions = context.organizationId
    ? sql`(select count(*)::int from convening_sessions s join convenings v on v.id = s.convening_id join people p on p.id = c.person_id
        where ${ownOrAllianceConvening(context.organizationId)} and v.ends_at < ${new Date().toISOString().slice(0, 16)}
          and s.facilitator is not null and lower(trim(s.facilitator)) = lower(trim(p.name)))`
    : sql`0`;
  const { rows } = await sql<{ id: string; ladderStep: string | null; tags: string[]; emailHash: string | null; conversations: number; attended: number;
    answers: Record<string, string[]> | null; lastManual: boolean | null; trainings: number; sessionsLed: number; committeeSeats: number; represents: number;
    recruited: number; cohortsCompleted: number }>`
    select c.id, c.ladder_step as "ladderStep", c.tags, c.email_hash as "emailHash",
      (select count(*)::int from outreach_attempts a where a.contact_id = c.id and a.result = 'contacted') as conversations,
      (select count(*)::int from outreach_attempts a where a.contact_id = c.id and a.result = 'attended')
        + (select count(*)::int from contact_attendance x where x.contact_id = c.id and x.status = 'attended') as attended,
      (select count(*)::int from contact_attendance x where x.contact_id = c.id and x.status = 'attended' and x.kind = 'training') as trainings,
      (select jsonb_object_agg(k, v) from (select q.key as k, jsonb_agg(distinct q.value #>> '{}') as v
        from outreach_attempts a, jsonb_each(a.answers) q where a.contact_id = c.id group by q.key) x) as answers,
      (select m.manual from ladder_moves m where m.contact_id = c.id order by m.at desc, m.id desc limit 1) as "lastManual",
      ${sessions} as "sessionsLed",
      (select count(*)::int from committee_seats s where c.person_id is not null and s.person_id = c.person_id
        and (s.term_starts_on is null or s.term_starts_on <= to_char(current_date, 'YYYY-MM-DD'))
        and (s.term_ends_on is null or s.term_ends_on >= to_char(current_date, 'YYYY-MM-DD'))) as "committeeSeats",
      (select count(*)::int from representatives r join memberships m on m.id = r.membership_id
        where c.person_id is not null and r.person_id = c.person_id and m.status = 'active') as represents,
      (select count(*)::int from contacts r where r.recruited_by = c.id and r.merged_into is null) as recruited,
      (select count(*)::int from cohort_members k where k.contact_id = c.id and k.status = 'completed') as "cohortsCompleted"
    from contacts c where c.space_id = ${spaceId} and c.merged_into is null and c.id > ${afterId} ${named} order by c.id limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, facts: {
    conversations: r.conversations, attended: r.attended, tags: r.tags, answers: r.answers ?? {}, trainings: r.trainings, sessionsLed: r.sessionsLed,
    committeeSeats: r.committeeSeats, represents: r.represents, recruited: r.recruited, cohortsCompleted: r.cohortsCompleted,
    attemptsMade: r.emailHash ? context.attemptsByEmail.get(r.emailHash) ?? 0 : 0,
  } as ContactFacts }));
}

/** Outreach attempts made in the space's efforts, per volunteer account with its email. */
export async function attemptsByVolunteer(db: Db, spaceId: string, userIds?: string[]) {
  if (userIds?.length === 0) return [];
  const only = userIds ? sql`and u.id = any(${userIds}::uuid[])` : sql``;
  const { rows } = await sql<{ email: string; n: number }>`
    select u.email, count(*)::int as n from outreach_attempts a join outreach_efforts e on e.id = a.effort_id join users u on u.id = a.made_by
    where e.space_id = ${spaceId} ${only} group by u.email`.execute(db);
  return rows;
}

/** Every account's id and email (a workspace's accounts: hundreds, not millions). */
export async function accountEmails(db: Db) {
  return db.selectFrom('users').select(['id', 'email']).execute();
}

export async function emailHashesOf(db: Db, contactIds: string[]) {
  const rows = await db.selectFrom('contacts').select('email_hash').where('id', 'in', contactIds).where('email_hash', 'is not', null).execute();
  return new Set(rows.map((r) => r.email_hash!));
}

export async function emailOfUser(db: Db, userId: string) {
  return (await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email ?? null;
}

/** The contacts of the space with this blind index of an email. */
export async function contactsWithEmailHash(db: Db, spaceId: string, emailHash: string) {
  const rows = await db.selectFrom('contacts').select('id').where('space_id', '=', spaceId).where('merged_into', 'is', null).where('email_hash', '=', emailHash).execute();
  return rows.map((r) => r.id);
}

/** The organization whose own space this is. */
export async function organizationIdOf(db: Db, spaceId: string) {
  return (await db.selectFrom('organizations').select('id').where('own_space_id', '=', spaceId).executeTakeFirst())?.id ?? null;
}

export async function moveContacts(db: Db, spaceId: string, moves: { contactId: string; from: string | null; to: string; reason: string; manual: boolean; userId: string | null }[]) {
  if (moves.length === 0) return;
  await db.insertInto('ladder_moves').values(moves.map((m) => ({ contact_id: m.contactId, space_id: spaceId, from_step: m.from, to_step: m.to, reason: m.reason, manual: m.manual, user_id: m.userId }))).execute();
  for (const m of moves) await db.updateTable('contacts').set({ ladder_step: m.to }).where('id', '=', m.contactId).execute();
}

export async function movesOf(db: Db, contactId: string) {
  return db.selectFrom('ladder_moves').select(['from_step as from', 'to_step as to', 'reason', 'manual', 'at']).where('contact_id', '=', contactId).orderBy('at').execute();
}

/** Counts per step now, and moves up or down in a period: numbers, never names. */
export async function stepCounts(db: Db, spaceIds: string[], options: { forAlliance?: { reader: TaxStatus | null } } = {}) {
  if (spaceIds.length === 0) return [];
  const consented = options.forAlliance
    ? sql<boolean>`${countsInAlliance(sql`contacts.id`, sql`contacts.space_id`)} and ${passesFirewall(options.forAlliance.reader, sql`contacts.space_id`, sql`contacts.work_for`)}`
    : sql<boolean>`true`;
  const { rows } = await sql<{ spaceId: string; step: string | null; n: number }>`
    select space_id as "spaceId", ladder_step as step, count(*)::int as n from contacts where space_id = any(${spaceIds}::uuid[]) and merged_into is null and ${consented} group by 1, 2`.execute(db);
  return rows;
}

/** With `forAlliance`, only contacts who may be counted in the totals of an alliance marked `reader` (consent, the c3/c4 firewall). */
export async function movesIn(db: Db, spaceIds: string[], from: Date, to: Date, options: { forAlliance?: { reader: TaxStatus | null } } = {}) {
  if (spaceIds.length === 0) return [];
  const ownMark = sql`(select c.work_for from contacts c where c.id = ladder_moves.contact_id)`;
  const consented = options.forAlliance
    ? sql<boolean>`${countsInAlliance(sql`ladder_moves.contact_id`, sql`ladder_moves.space_id`)} and ${passesFirewall(options.forAlliance.reader, sql`ladder_moves.space_id`, ownMark)}`
    : sql<boolean>`true`;
  const { rows } = await sql<{ spaceId: string; fromStep: string | null; toStep: string; n: number }>`
    select space_id as "spaceId", from_step as "fromStep", to_step as "toStep", count(*)::int as n from ladder_moves
    where space_id = any(${spaceIds}::uuid[]) and at >= ${from} and at < ${to} and ${consented} group by 1, 2, 3`.execute(db);
  return rows;
}

/** The own spaces of an alliance's active member organizations. */
export async function memberSpacesOf(db: Db, allianceSpaceId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .select(['o.id as organizationId', 'o.name', 'o.own_space_id as spaceId']).where('a.own_space_id', '=', allianceSpaceId).where('m.status', '=', 'active')
    .where('o.own_space_id', 'is not', null).execute() as Promise<{ organizationId: string; name: string; spaceId: string }[]>;
}
