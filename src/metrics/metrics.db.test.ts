import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ENGINES, type TestApp, testApp } from '../../test/test-app.ts';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoWorkspace } from '../demo/load-demo.ts';
import { METRIC_DEFINITIONS, METRICS_VERSION } from './metric-definitions.ts';

// The IAD's movement metrics over 2009–2011 on the demo, through the API: each value checked
// against the same count asked of the database directly, and the definitions published to anyone.

describe.each(ENGINES)('movement metrics on %s', (engine) => {
  let t: TestApp;
  let coordinator: Client;
  let iad: { id: string; spaceId: string };
  const period = { from: '2009-01-01', to: '2011-12-31' };

  beforeAll(async () => {
    t = await testApp(engine);
    await loadDemoWorkspace(t.deps);
    coordinator = new Client(t.app);
    await coordinator.post('/api/auth/login', { email: DEMO_USERS.coordinator.email, password: DEMO_PASSWORD });
    const row = await t.db.selectFrom('organizations').select(['id', 'own_space_id']).where('name', '=', 'Inter-Alliance Dialogue').executeTakeFirstOrThrow();
    iad = { id: row.id, spaceId: row.own_space_id! };
  }, 240_000);
  afterAll(async () => t?.close());

  it('publishes the definitions, versioned, to anyone', async () => {
    const res = await new Client(t.app).get('/api/metrics/definitions');
    expect(res.status).toBe(200);
    expect(res.json.version).toBe(METRICS_VERSION);
    expect(res.json.metrics.map((m: { key: string }) => m.key)).toEqual(METRIC_DEFINITIONS.map((d) => d.key));
    for (const m of res.json.metrics) expect(m.formula.es.length, m.key).toBeGreaterThan(10);
  });

  it('computes the IAD\'s 2009–2011 metrics from its record', async () => {
    const res = await coordinator.get(`/api/alliances/${iad.id}/metrics?from=${period.from}&to=${period.to}`);
    expect(res.status).toBe(200);
    if (process.env.SHOW_METRICS) console.log(res.json.metrics.map((m: { key: string; value: unknown }) => `${m.key}=${m.value}`).join('\n'));
    const value = (key: string) => res.json.metrics.find((m: { key: string }) => m.key === key).value;
    const one = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(t.db)).rows[0]!.n);
    expect(value('meetings')).toBe(await one(sql<{ n: number }>`select count(*) as n from convenings where organization_id = ${iad.id} and left(starts_at, 10) between ${period.from} and ${period.to}`));
    expect(value('meetings')).toBeGreaterThan(0);
    expect(value('attendance')).toBe(await one(sql<{ n: number }>`select count(*) as n from convening_participants p join convenings c on c.id = p.convening_id
      where c.organization_id = ${iad.id} and p.attended and left(c.starts_at, 10) between ${period.from} and ${period.to}`));
    expect(value('actions')).toBe(await one(sql<{ n: number }>`select count(*) as n from campaign_events e join campaigns c on c.id = e.campaign_id
      where c.organization_id = ${iad.id} and e.kind = 'action' and e.happened_on between ${period.from} and ${period.to}`));
    expect(value('stage_checkpoints')).toBe(await one(sql<{ n: number }>`select count(*) as n from stage_moves where alliance_id = ${iad.id}
      and moved_at >= ${period.from}::date and moved_at < ${'2012-01-01'}::date`));
    // Seats: the representatives on active memberships and the committee seats still in their term, by organization.
    const seats = await one(sql<{ n: number }>`select (select count(*) from representatives r join memberships m on m.id = r.membership_id
      where m.alliance_id = ${iad.id} and m.status = 'active') + (select count(*) from committee_seats s join committees c on c.id = s.committee_id
      where c.alliance_id = ${iad.id} and (s.term_ends_on is null or s.term_ends_on >= ${new Date().toISOString().slice(0, 10)})
      and (s.term_starts_on is null or s.term_starts_on <= ${new Date().toISOString().slice(0, 10)})) as n`);
    const byOrganization = res.json.metrics.find((m: { key: string }) => m.key === 'seats_hhi').counted.items as string[];
    expect(byOrganization.reduce((sum, item) => sum + Number(/: (\d+) \(/.exec(item)![1]), 0)).toBe(seats);
    expect(seats).toBeGreaterThan(0);
    // Money: re-grants recorded in the IAD's space to its members in the period, the largest member's share.
    const { rows: money } = await sql<{ amount: string }>`select sum(g.amount_minor) as amount from funding_grants g join memberships m on m.member_id = g.recipient_org_id
      and m.alliance_id = ${iad.id} and m.status = 'active' where g.space_id = ${iad.spaceId} and g.award_date between ${period.from} and ${period.to} group by g.recipient_org_id`.execute(t.db);
    const amounts = money.map((r) => Number(r.amount));
    expect(amounts.length).toBeGreaterThan(1);
    expect(value('money_largest_share')).toBeCloseTo(Math.max(...amounts) / amounts.reduce((a, b) => a + b, 0), 12);
    // Every value is a number in its range, or null with a reason to read.
    for (const m of res.json.metrics) {
      if (m.value === null) continue;
      if (m.unit === 'share' || m.unit === 'index') { expect(m.value, m.key).toBeGreaterThanOrEqual(0); expect(m.value, m.key).toBeLessThanOrEqual(1); }
      else expect(Number.isInteger(m.value), m.key).toBe(true);
    }
    expect(res.json.metrics.find((m: { key: string }) => m.key === 'trust')).toMatchObject({ value: null, note: 'no relationship surveys recorded' });
  });

  it('refuses a period that ends before it starts, and a caller without a role', async () => {
    expect((await coordinator.get(`/api/alliances/${iad.id}/metrics?from=2011-01-01&to=2010-01-01`)).status).toBe(422);
    const funder = new Client(t.app);
    await funder.post('/api/auth/login', { email: DEMO_USERS.funder.email, password: DEMO_PASSWORD });
    const other = await t.db.selectFrom('organizations').select('id').where('name', '=', 'California Calls').executeTakeFirstOrThrow();
    expect((await funder.get(`/api/alliances/${other.id}/metrics?from=2009-01-01&to=2011-12-31`)).status).toBe(404);
  });

  it('renders the funder report in English and Spanish, and as a one-page PDF in Chromium', async () => {
    const en = await coordinator.get(`/api/alliances/${iad.id}/funder-report?from=${period.from}&to=${period.to}`);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toContain('text/html');
    expect(en.text).toContain('Funder report: Inter-Alliance Dialogue');
    // The money that came in: the five fictional grants to the IAD, $875,000; its Sankey drawn inline.
    expect(en.text).toContain('Came in: <b>$875,000</b>');
    expect(en.text).toContain('<svg');
    const es = await coordinator.get(`/api/alliances/${iad.id}/funder-report?from=${period.from}&to=${period.to}&lang=es`);
    expect(es.text).toContain('Informe para financiadores: Inter-Alliance Dialogue');
    expect(es.text).toContain('Parejas por primera vez');
    expect(es.text).not.toContain('First-time pairs');
    if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return;
    const pdf = await t.app.request(`http://crossroads.test/api/alliances/${iad.id}/funder-report?from=${period.from}&to=${period.to}&format=pdf`,
      { headers: { cookie: coordinator.cookie, origin: 'http://crossroads.test' } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  }, 120_000);
});

