import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';

// Five years (2007–2011) of an alliance's record with MEMBERS member organizations, written by
// SQL: 60 convenings a year with 40 organizations and 3 people each, 20 campaigns a year with 15
// participants and 10 actions each, a power map with 2,000 stance moves, 2 seats for half the
// members and 1 for the others, a committee, 2,000 grants to members, four stage moves.

export async function loadMovementRecord(db: Db, allianceId: string, spaceId: string, members: number) {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`insert into organizations (space_id, name, kind) select ${spaceId}, 'Bench Member ' || i, 'base_building' from generate_series(1, ${members}) i`);
  await run(sql`insert into memberships (space_id, alliance_id, member_id, role, status)
    select ${spaceId}, ${allianceId}, id, 'member', 'active' from organizations where space_id = ${spaceId} and name like 'Bench Member %'`);
  await run(sql`create temporary table bench_members as select id, row_number() over (order by name) - 1 as n from organizations where space_id = ${spaceId} and name like 'Bench Member %'`);
  await run(sql`insert into people (space_id, name) select ${spaceId}, 'Bench Person ' || i from generate_series(1, ${members * 2}) i`);
  await run(sql`insert into representatives (space_id, membership_id, person_id, seat)
    select ${spaceId}, m.id, p.id, 'delegate' from (select id, member_id, row_number() over (order by id) - 1 as k from memberships where alliance_id = ${allianceId}) m
    join (select id, row_number() over (order by id) - 1 as k from people where space_id = ${spaceId}) p on p.k = m.k or (m.k % 2 = 0 and p.k = m.k + ${members})`);
  const committee = await sql<{ id: string }>`insert into committees (space_id, alliance_id, name) values (${spaceId}, ${allianceId}, 'Bench steering') returning id`.execute(db);
  await run(sql`insert into committee_seats (space_id, committee_id, organization_id, person_id, seat)
    select ${spaceId}, ${committee.rows[0]!.id}, r.member_id, r.person_id, 'permanent' from (select m.member_id, min(r.person_id::text)::uuid as person_id from representatives r
    join memberships m on m.id = r.membership_id where m.alliance_id = ${allianceId} group by 1 order by 1 limit 30) r`);
  // Convenings: 300 over five years, each attended by 40 member organizations, 3 people each.
  await run(sql`insert into convenings (space_id, organization_id, title, kind, starts_at, ends_at, time_zone)
    select ${spaceId}, ${allianceId}, 'Bench convening ' || i, 'meeting', to_char(date '2007-01-05' + (i * 6), 'YYYY-MM-DD') || 'T10:00', to_char(date '2007-01-05' + (i * 6), 'YYYY-MM-DD') || 'T12:00',
      'America/Chicago' from generate_series(0, 299) i`);
  await run(sql`insert into convening_participants (space_id, convening_id, name, name_key, organization_id, capacity, registered, attended)
    select ${spaceId}, c.id, 'P ' || j || '-' || k, 'p ' || j || '-' || k, m.id, (array['staff', 'leader', 'member'])[1 + (j + k) % 3], true, true
    from (select id, row_number() over (order by starts_at) as n from convenings where organization_id = ${allianceId}) c
    cross join generate_series(0, 39) j cross join generate_series(0, 2) k
    join bench_members m on m.n = (c.n * 37 + j * 101) % ${members}`);
  // Campaigns: 100 with 15 participants and 10 actions each.
  await run(sql`insert into campaigns (space_id, organization_id, name, chart, status) select ${spaceId}, ${allianceId}, 'Bench campaign ' || i, '{}', 'active' from generate_series(0, 99) i`);
  await run(sql`insert into campaign_participants (campaign_id, organization_id, brings)
    select c.id, m.id, '{}' from (select id, row_number() over (order by name) as n from campaigns where organization_id = ${allianceId}) c
    cross join generate_series(0, 14) j join bench_members m on m.n = (c.n * 11 + j * 3) % ${members}`);
  await run(sql`insert into campaign_events (space_id, campaign_id, kind, happened_on, title, turnout, decision_maker)
    select ${spaceId}, c.id, 'action', to_char(date '2007-02-01' + ((c.n * 17 + k * 5) % 1800)::int, 'YYYY-MM-DD'), 'Action ' || k, 50 + (c.n * k) % 400, 'Decision maker ' || ((c.n + k) % 200)
    from (select id, row_number() over (order by name) as n from campaigns where organization_id = ${allianceId}) c cross join generate_series(0, 9) k`);
  const map = await sql<{ id: string }>`insert into power_maps (space_id, organization_id, title) values (${spaceId}, ${allianceId}, 'Bench map') returning id`.execute(db);
  await run(sql`insert into stakeholders (space_id, power_map_id, name, kind, influence, stance)
    select ${spaceId}, ${map.rows[0]!.id}, 'Stakeholder ' || i, 'decision_maker', 5, 'neutral' from generate_series(1, 500) i`);
  await run(sql`insert into stakeholder_moves (stakeholder_id, from_stance, to_stance, from_influence, to_influence, moved_at)
    select s.id, (array['neutral', 'passive_ally', 'passive_opposition'])[1 + k % 3], (array['passive_ally', 'active_ally', 'neutral'])[1 + (k + s.n) % 3], 5, 5,
      timestamptz '2007-03-01' + ((s.n * 13 + k * 97) % 1800)::int * interval '1 day'
    from (select id, row_number() over (order by name) as n from stakeholders where power_map_id = ${map.rows[0]!.id}) s cross join generate_series(0, 3) k`);
  await run(sql`insert into funding_grants (space_id, identifier, title, currency, amount_minor, award_date, funder_name, recipient_name, recipient_org_id)
    select ${spaceId}, 'bench-grant-' || i, 'Bench grant', 'USD', 100000 + (i * 7919) % 5000000, to_char(date '2007-01-01' + (i * 7) % 1825, 'YYYY-MM-DD'), 'Bench Funder', 'Member', m.id
    from generate_series(0, 1999) i join bench_members m on m.n = (i * 13) % ${members}`);
  await run(sql`insert into stage_moves (space_id, alliance_id, from_stage, to_stage, answers, moved_at)
    values (${spaceId}, ${allianceId}, null, 'emerging', '{}', '2007-02-01'), (${spaceId}, ${allianceId}, 'emerging', 'growing', '{}', '2008-06-01'),
           (${spaceId}, ${allianceId}, 'growing', 'sustaining', '{}', '2010-03-01'), (${spaceId}, ${allianceId}, 'sustaining', 'scaling', '{}', '2011-09-01')`);
  await run(sql`drop table bench_members`);
  for (const table of ['convening_participants', 'campaign_events', 'campaign_participants', 'stakeholder_moves', 'funding_grants', 'representatives', 'memberships']) {
    await run(sql`analyze ${sql.table(table)}`);
  }
}

/** The same aggregation as the app's metrics, written by hand as one query (the floor). */
export function movementFloor(db: Db, allianceId: string, spaceId: string, from: string, to: string) {
  return sql<Record<string, number>>`
    with conv as (select id, left(starts_at, 10) as day from convenings where space_id = ${spaceId} and organization_id = ${allianceId} and left(starts_at, 10) <= ${to}),
    att as (select c.id, c.day, p.organization_id as o, p.capacity from conv c join convening_participants p on p.convening_id = c.id and p.attended),
    period_att as (select * from att where day >= ${from}),
    camp as (select c.id, coalesce((select min(e.happened_on) from campaign_events e where e.campaign_id = c.id), to_char(c.created_at, 'YYYY-MM-DD')) as day
      from campaigns c where c.space_id = ${spaceId} and c.organization_id = ${allianceId}),
    camp_orgs as (select c.id, c.day, p.organization_id as o from camp c join campaign_participants p on p.campaign_id = c.id where c.day <= ${to}),
    actions as (select e.* from campaign_events e join camp c on c.id = e.campaign_id where e.kind = 'action' and e.happened_on between ${from} and ${to}),
    together as (select a.o as a, b.o as b, a.day from (select distinct id, day, o from att where o is not null) a join (select distinct id, o from att where o is not null) b on a.id = b.id and a.o < b.o
      union all select a.o, b.o, a.day from camp_orgs a join camp_orgs b on a.id = b.id and a.o < b.o),
    firsts as (select a, b, min(day) as d from together group by 1, 2),
    camp_pairs as (select a.o as a, b.o as b from camp_orgs a join camp_orgs b on a.id = b.id and a.o < b.o group by 1, 2 having count(*) >= 2),
    part as (select o, count(*)::float8 as n from period_att where o is not null group by 1),
    seats as (select o, count(*)::float8 as n from (select m.member_id as o from representatives r join memberships m on m.id = r.membership_id where m.alliance_id = ${allianceId} and m.status = 'active'
      union all select s.organization_id from committee_seats s join committees c on c.id = s.committee_id where c.alliance_id = ${allianceId}) x group by 1),
    money as (select recipient_org_id as o, sum(amount_minor)::float8 as n from funding_grants where space_id = ${spaceId} and award_date between ${from} and ${to}
      and recipient_org_id in (select member_id from memberships where alliance_id = ${allianceId} and status = 'active') group by 1),
    reps as (select m.member_id, count(*) as n from representatives r join memberships m on m.id = r.membership_id where m.alliance_id = ${allianceId} and m.status = 'active' group by 1)
    select
      (select count(*) from conv where day >= ${from})::int as meetings,
      (select count(*) from period_att)::int as attendance,
      (select count(*) from actions)::int as actions,
      (select coalesce(sum(turnout), 0) from actions)::int as turnout,
      (select count(distinct lower(trim(decision_maker))) from actions where decision_maker is not null)::int as decision_makers_met,
      (select count(*) from firsts where d between ${from} and ${to})::int as first_time_pairs,
      (select count(*) from camp_pairs)::int as sustained_ties,
      (select count(*) filter (where capacity = 'leader')::float8 / nullif(count(*) filter (where capacity in ('leader', 'staff')), 0) from period_att) as leader_share,
      (select count(*) filter (where n >= 2)::float8 / nullif((select count(*) from memberships where alliance_id = ${allianceId} and status = 'active'), 0) from reps) as co_representation,
      (select max(n) / sum(n) from part) as participation_largest_share,
      (select sum((n / t) ^ 2) from part, (select sum(n) as t from part) s) as participation_hhi,
      (select sum((n / t) ^ 2) from seats, (select sum(n) as t from seats) s) as seats_hhi,
      (select sum((n / t) ^ 2) from money, (select sum(n) as t from money) s) as money_hhi,
      (select count(*) from stakeholder_moves m join stakeholders s on s.id = m.stakeholder_id join power_maps pm on pm.id = s.power_map_id
        where pm.organization_id = ${allianceId} and m.moved_at >= ${from}::date and m.moved_at < (${to}::date + 1)
        and array_position(array['active_opposition', 'passive_opposition', 'neutral', 'passive_ally', 'active_ally'], m.to_stance)
          > array_position(array['active_opposition', 'passive_opposition', 'neutral', 'passive_ally', 'active_ally'], m.from_stance))::int as stakeholder_moves_toward
  `.execute(db);
}
