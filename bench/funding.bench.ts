// `npm run bench:funding`: donor metrics over BENCH_DONATIONS gifts (default 1,000,000) from
// BENCH_DONORS donors (default 100,000) through the app's donor report, beside the same
// aggregation written as one plain SQL query by hand (the floor). PGlite by default; PostgreSQL
// with DATABASE_URL. Then the movement metrics of an alliance of BENCH_MEMBERS member
// organizations (default 1,000) with five years of records, beside the same aggregation as one
// hand-written query. Prints p50 and max of 5 runs each and whether the numbers agree; asserts nothing.
import { sql } from 'kysely';
import os from 'node:os';
import { createUser } from '../src/accounts/accounts.service.ts';
import { donorReport } from '../src/donations/donation.service.ts';
import { allianceMetrics } from '../src/metrics/metrics.service.ts';
import { createOrganization } from '../src/orgs/organization.service.ts';
import { openBenchDatabase } from './bench-support.ts';
import { loadMovementRecord, movementFloor } from './movement-bench-data.ts';

const DONATIONS = Number(process.env.BENCH_DONATIONS ?? 1_000_000);
const DONORS = Number(process.env.BENCH_DONORS ?? 100_000);
const RUNS = 5;
const YEAR = 2025;
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000);

async function timed<T>(f: () => Promise<T>) {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(times[Math.floor(RUNS / 2)]!), max: Math.round(times[RUNS - 1]!), last };
}

async function main() {
  const database = await openBenchDatabase();
  try {
    const { db } = database.deps;
    const user = await createUser(db, { email: 'funding-bench@example.org', displayName: 'bench', password: 'a-long-bench-password', isWorkspaceAdmin: true });
    const actor = { userId: user.id, isWorkspaceAdmin: true };
    const org = await createOrganization(db, actor, null, { name: 'Bench Giving', kind: 'base_building', sectors: [], issues: [], constituencies: [], capacities: [], location: {} }, { ownSpace: true });
    const spaceId = org.ownSpaceId!;
    const t0 = Date.now();
    await sql`insert into contacts (space_id, first_name, last_name, source) select ${spaceId}, 'Donor', i::text, 'bench' from generate_series(1, ${DONORS}) i`.execute(db);
    // Each gift: a donor, a day between 2019 and 2026, an amount, one in fifty refunded.
    await sql`insert into donations (space_id, contact_id, amount_minor, currency, received_on, source, refunded_on)
      select ${spaceId}, c.id, 500 + (g.i::bigint * 7919) % 100000, 'USD', to_char(date '2019-01-01' + ((g.i::bigint * 104729) % 2900)::int, 'YYYY-MM-DD'), 'bench',
        case when g.i % 50 = 0 then '2026-01-01' end
      from generate_series(1, ${DONATIONS}) g(i) join (select id, row_number() over (order by id) as n from contacts where space_id = ${spaceId}) c on c.n = 1 + (g.i * 31) % ${DONORS}`.execute(db);
    await sql`analyze donations`.execute(db);
    console.log(`${DONATIONS.toLocaleString('en')} donations of ${DONORS.toLocaleString('en')} donors loaded in ${Math.round((Date.now() - t0) / 1000)} s (${database.engine}, ${os.cpus().length} CPUs)`);

    const app = await timed(() => donorReport(db, actor, spaceId, YEAR, '07-01'));
    const floor = await timed(async () => (await sql<{ donors: number; retained: number; lybunt: number; sybunt: number; total: number }>`
      with y as (
        select contact_id, substr(received_on, 1, 4)::int + case when substr(received_on, 6, 2)::int >= 7 then 1 else 0 end as fy, sum(amount_minor) as t
        from donations where space_id = ${spaceId} and refunded_on is null group by 1, 2 having sum(amount_minor) > 0),
      per as (select contact_id, bool_or(fy = ${YEAR}) as now, bool_or(fy = ${YEAR - 1}) as last, bool_or(fy < ${YEAR - 1}) as earlier,
        sum(t) filter (where fy = ${YEAR}) as t from y group by 1)
      select count(*) filter (where now)::int as donors, count(*) filter (where now and last)::int as retained,
        count(*) filter (where last and not now)::int as lybunt, count(*) filter (where earlier and not last and not now)::int as sybunt, coalesce(sum(t), 0)::bigint as total
      from per`.execute(db)).rows[0]!);
    const same = app.last.donors === floor.last.donors && app.last.retained === floor.last.retained && app.last.lybuntCount === floor.last.lybunt
      && app.last.sybuntCount === floor.last.sybunt && app.last.totalAmount === Number(floor.last.total);
    console.log(`\n| donor metrics, FY${YEAR}, ${DONATIONS.toLocaleString('en')} gifts | ${database.engine} |\n|---|---|`);
    console.log(`| app's donor report (target < 2 s on PostgreSQL): p50 / max | ${app.p50} / ${app.max} ms |`);
    console.log(`| one hand-written SQL query (the floor): p50 / max | ${floor.p50} / ${floor.max} ms |`);
    console.log(`| app ÷ floor | ${(app.p50 / Math.max(1, floor.p50)).toFixed(2)}× |`);
    console.log(`| same numbers | ${same ? 'yes' : `NO: ${JSON.stringify({ app: [app.last.donors, app.last.retained, app.last.lybuntCount, app.last.sybuntCount, app.last.totalAmount], floor: floor.last })}`} |`);

    const alliance = await createOrganization(db, actor, null, { name: 'Bench Alliance', kind: 'alliance', sectors: [], issues: [], constituencies: [], capacities: [], location: {} });
    const t1 = Date.now();
    await loadMovementRecord(db, alliance.id, alliance.ownSpaceId!, MEMBERS);
    console.log(`\nan alliance of ${MEMBERS.toLocaleString('en')} members with five years of records loaded in ${Math.round((Date.now() - t1) / 1000)} s`);
    const period = { from: '2009-01-01', to: '2011-12-31' };
    const metrics = await timed(() => allianceMetrics(db, actor, alliance.id, period));
    const hand = await timed(async () => (await movementFloor(db, alliance.id, alliance.ownSpaceId!, period.from, period.to)).rows[0]!);
    const mismatches = Object.entries(hand.last).filter(([key, value]) => {
      const mine = metrics.last.metrics.find((m) => m.key === key)?.value ?? null;
      return value === null ? mine !== null : mine === null || Math.abs(Number(value) - mine) > 1e-9;
    });
    console.log(`\n| movement metrics, ${MEMBERS.toLocaleString('en')} members, 2009–2011 of five years | ${database.engine} |\n|---|---|`);
    console.log(`| app's metrics (target < 2 s): p50 / max | ${metrics.p50} / ${metrics.max} ms |`);
    console.log(`| one hand-written SQL query (the floor): p50 / max | ${hand.p50} / ${hand.max} ms |`);
    console.log(`| app ÷ floor | ${(metrics.p50 / Math.max(1, hand.p50)).toFixed(2)}× |`);
    console.log(`| same numbers (${Object.keys(hand.last).length} metrics) | ${mismatches.length ? `NO: ${JSON.stringify(mismatches)}` : 'yes'} |`);
  } finally {
    await database.close();
  }
}

await main();
