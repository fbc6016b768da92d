import { sql } from 'kysely';
import { countsInAlliance } from '../consent/consent.repository.ts';
import type { TaxStatus } from '../db/tables.ts';
import { passesFirewall } from '../firewall/firewall.repository.ts';
import type { Db } from '../db/database.ts';

// What the movement metrics read of an alliance's record: light rows, aggregated in the database
// where the metric needs only counts (members' field work: counts per organization, never a
// contact). A convening's day is the local date it starts on (starts_at is local wall-clock time).

export async function allianceOf(db: Db, allianceId: string) {
  return db.selectFrom('organizations').select(['id', 'name', 'kind', 'own_space_id as spaceId']).where('id', '=', allianceId).executeTakeFirst();
}

export async function activeMembers(db: Db, allianceId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.member_id').select(['o.id', 'o.name', 'o.own_space_id as spaceId'])
    .where('m.alliance_id', '=', allianceId).where('m.status', '=', 'active').execute();
}

export async function organizationNames(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The alliance's convenings up to `to`, with who attended (organization and capacity). */
export async function conveningsWithAttendance(db: Db, spaceId: string, allianceId: string, to: string) {
  const { rows } = await sql<{ id: string; title: string; day: string; organizationId: string | null; capacity: string | null }>`
    select c.id, c.title, left(c.starts_at, 10) as day, p.organization_id as "organizationId", p.capacity
    from convenings c left join convening_participants p on p.convening_id = c.id and p.attended
    where c.space_id = ${spaceId} and c.organization_id = ${allianceId} and left(c.starts_at, 10) <= ${to}
    order by c.starts_at, c.id`.execute(db);
  const byId = new Map<string, { id: string; title: string; day: string; attendees: { organizationId: string | null; capacity: string }[] }>();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, title: r.title, day: r.day, attendees: [] };
    if (r.capacity) c.attendees.push({ organizationId: r.organizationId, capacity: r.capacity });
    byId.set(r.id, c);
  }
  return [...byId.values()];
}

/** The alliance's campaigns with their participants and first day (first event, else creation). */
export async function campaignsWithParticipants(db: Db, spaceId: string, allianceId: string) {
  const { rows } = await sql<{ id: string; name: string; day: string; participants: string[] | null }>`
    select c.id, c.name,
      coalesce((select min(e.happened_on) from campaign_events e where e.campaign_id = c.id and e.happened_on is not null), to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD')) as day,
      (select array_agg(p.organization_id::text) from campaign_participants p where p.campaign_id = c.id) as participants
    from campaigns c where c.space_id = ${spaceId} and c.organization_id = ${allianceId}`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, day: r.day, participants: r.participants ?? [] }));
}

export async function campaignEvents(db: Db, spaceId: string, allianceId: string, from: string, to: string) {
  return db.selectFrom('campaign_events as e').innerJoin('campaigns as c', 'c.id', 'e.campaign_id')
    .select(['e.campaign_id as campaignId', 'e.kind', 'e.happened_on as day', 'e.title', 'e.turnout', 'e.carrier_id as carrierId', 'e.demand_owner_id as demandOwnerId', 'e.decision_maker as decisionMaker'])
    .where('c.space_id', '=', spaceId).where('c.organization_id', '=', allianceId).where('e.happened_on', '>=', from).where('e.happened_on', '<=', to).execute();
}

export async function stakeholderMoves(db: Db, spaceId: string, allianceId: string, from: string, to: string) {
  const { rows } = await sql<{ name: string; fromStance: string | null; toStance: string; day: string }>`
    select s.name, m.from_stance as "fromStance", m.to_stance as "toStance", to_char(m.moved_at at time zone 'UTC', 'YYYY-MM-DD') as day
    from stakeholder_moves m join stakeholders s on s.id = m.stakeholder_id join power_maps pm on pm.id = s.power_map_id
    where pm.space_id = ${spaceId} and pm.organization_id = ${allianceId}
      and m.moved_at >= ${from}::date and m.moved_at < (${to}::date + 1) order by m.moved_at`.execute(db);
  return rows;
}

/** Seats on the alliance's active memberships, one row per representative. */
export async function representativeSeats(db: Db, allianceId: string) {
  return db.selectFrom('representatives as r').innerJoin('memberships as m', 'm.id', 'r.membership_id').select('m.member_id as organizationId')
    .where('m.alliance_id', '=', allianceId).where('m.status', '=', 'active').execute();
}

/** Committee seats of the alliance held `today`: the term has begun and not ended. */
export async function committeeSeats(db: Db, allianceId: string, today: string) {
  return db.selectFrom('committee_seats as s').innerJoin('committees as c', 'c.id', 's.committee_id').select('s.organization_id as organizationId')
    .where('c.alliance_id', '=', allianceId).where((eb) => eb.or([eb('s.term_ends_on', 'is', null), eb('s.term_ends_on', '>=', today)]))
    .where((eb) => eb.or([eb('s.term_starts_on', 'is', null), eb('s.term_starts_on', '<=', today)])).execute();
}

/** Grants recorded in the alliance's space that reached these members in the period, in its main currency. */
export async function moneyToMembers(db: Db, spaceId: string, memberIds: string[], from: string, to: string) {
  if (!memberIds.length) return [];
  const { rows } = await sql<{ organizationId: string; amountMinor: number }>`
    with main as (select currency from funding_grants where space_id = ${spaceId} group by currency order by count(*) desc, currency limit 1)
    select g.recipient_org_id as "organizationId", sum(g.amount_minor)::bigint as "amountMinor"
    from funding_grants g join main on main.currency = g.currency
    where g.space_id = ${spaceId} and g.recipient_org_id = any(${memberIds}::uuid[]) and g.award_date >= ${from} and g.award_date <= ${to}
    group by 1`.execute(db);
  return rows.map((r) => ({ organizationId: r.organizationId, amountMinor: Number(r.amountMinor) }));
}

/** Conversations members recorded in the period in efforts counting toward the alliance's targets (the alliance marked `reader`): per member space. */
export async function conversationsTowardTargets(db: Db, spaceId: string, reader: TaxStatus | null, from: string, to: string) {
  const { rows } = await sql<{ spaceId: string; conversations: number }>`
    select e.space_id as "spaceId", count(*)::int as conversations
    from outreach_attempts a join outreach_efforts e on e.id = a.effort_id join outreach_targets t on t.id = e.target_id
    where t.space_id = ${spaceId} and a.result = 'contacted' and a.made_at >= ${from}::date and a.made_at < (${to}::date + 1)
      and ${countsInAlliance(sql`a.contact_id`, sql`a.space_id`)} and ${passesFirewall(reader, sql`e.space_id`, sql`e.tax_status`)}
      and ${passesFirewall(reader, sql`a.space_id`, sql`(select c.work_for from contacts c where c.id = a.contact_id)`)}
    group by 1`.execute(db);
  return rows;
}

export async function stageMoves(db: Db, allianceId: string, from: string, to: string) {
  const { rows } = await sql<{ fromStage: string | null; toStage: string; day: string }>`
    select from_stage as "fromStage", to_stage as "toStage", to_char(moved_at at time zone 'UTC', 'YYYY-MM-DD') as day
    from stage_moves where alliance_id = ${allianceId} and moved_at >= ${from}::date and moved_at < (${to}::date + 1) order by moved_at`.execute(db);
  return rows;
}
