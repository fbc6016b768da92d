import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from '../../test/alliance-fixture.ts';
import { ENGINES, type TestApp, testApp } from '../../test/test-app.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';

// The alliance's field as a network, through the API: stated ties, derived ones with their
// sources, the brokers, and the exports.

describe.each(ENGINES)('the field network on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 'n');
  });
  afterAll(async () => t?.close());

  it('joins stated and derived ties, says where derived ones come from, and finds the broker', async () => {
    const outside = await createOrganization(t.db, f.actor, null, { name: 'Outside Worker Center', kind: 'base_building', sectors: [], issues: [], constituencies: [], capacities: [], location: {} }, { ownSpace: true });
    const other = await createOrganization(t.db, f.actor, null, { name: 'Second Alliance', kind: 'alliance', sectors: [], issues: [], constituencies: [], capacities: [], location: {} });
    await addMember(t.db, f.actor, other.id, { memberId: f.members.X!.id, role: 'member', status: 'active' });
    await addMember(t.db, f.actor, other.id, { memberId: f.members.Y!.id, role: 'member', status: 'active' });

    const same = await c('repX').post(`/api/alliances/${f.alliance.id}/ties`, { fromId: f.members.X!.id, toId: f.members.X!.id, kind: 'introduced' });
    expect(same.status).toBe(422);
    expect(same.json.errors[0].field).toBe('toId');
    expect((await c('funder').post(`/api/alliances/${f.alliance.id}/ties`, { fromId: f.members.X!.id, toId: f.members.Y!.id, kind: 'introduced' })).status).toBe(403);
    expect((await c('coordinator').post(`/api/alliances/${f.alliance.id}/ties`, { fromId: outside.id, toId: f.members.X!.id, kind: 'formal_partnership', strength: 4 })).status).toBe(201);
    expect((await c('coordinator').post(`/api/alliances/${f.alliance.id}/ties`, { fromId: f.members.Z!.id, toId: f.members.Y!.id, kind: 'conflict', strength: 2 })).status).toBe(201);

    const network = (await c('coordinator').get(`/api/alliances/${f.alliance.id}/network`)).json;
    const derived = network.derived.find((d: { kind: string }) => d.kind === 'co_membership');
    expect(derived.sources).toEqual([{ id: other.id, name: 'Second Alliance' }]);
    const byName = Object.fromEntries(network.analysis.nodes.map((n: { name: string }) => [n.name, n]));
    // Outside — X — Y is a path (the conflict tie is not a channel), so X brokers it.
    expect(byName['Member X n'].betweenness).toBeCloseTo(1 / 3, 10);
    expect(network.analysis.nodes[0].name).toBe('Member X n');
    expect(byName['Member Z n'].degree).toBe(0);
    expect(network.analysis.betweennessMethod).toBe('exact');

    // A reader who cannot see the second alliance does not get ties derived from it.
    expect((await c('funder').get(`/api/alliances/${f.alliance.id}/network`)).json.derived).toEqual([]);
    // Without derived ties, X and Y are no longer joined.
    const statedOnly = (await c('funder').get(`/api/alliances/${f.alliance.id}/network?derived=false`)).json;
    expect(statedOnly.analysis.tieCount).toBe(1);

    const kumu = (await c('funder').get(`/api/alliances/${f.alliance.id}/network.kumu.json`)).json;
    expect(kumu.elements.map((e: { label: string }) => e.label)).toContain('Outside Worker Center');
    expect(kumu.connections).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'Outside Worker Center', to: 'Member X n', type: 'formal_partnership', strength: 4 })]));
    const csv = await c('funder').get(`/api/alliances/${f.alliance.id}/ties.csv`);
    expect(csv.text.split('\n')[0]).toBe('from,to,kind,strength,started_on,ended_on,note');
    expect(csv.text).toContain('Member Z n,Member Y n,conflict,2');
    expect((await c('outsider').get(`/api/alliances/${f.alliance.id}/network`)).status).toBe(404);
  });

  it('compares alliances: anatomy by state and capacity, gaps, and overlapping members', async () => {
    const second = await t.db.selectFrom('organizations').select('id').where('name', '=', 'Second Alliance').executeTakeFirstOrThrow();
    const res = await c('coordinator').get(`/api/field/anatomy?alliances=${f.alliance.id},${second.id}&priority=youth`);
    expect(res.status, res.text).toBe(200);
    const [first, other] = res.json.anatomies;
    expect(first.members).toBe(3);
    expect(first.gaps.capacities).toContain('legal');
    expect(first.gaps.priorityConstituencies).toEqual([{ key: 'youth', members: 0 }]);
    expect(other.members).toBe(2);
    expect(res.json.overlaps.inSeveral.map((o: { name: string }) => o.name).sort()).toEqual(['Member X n', 'Member Y n']);
    expect(res.json.overlaps.matrix[0][1].count).toBe(2);
    // The funder sees the first alliance only; asking for one it cannot see answers 404.
    expect((await c('funder').get(`/api/field/anatomy?alliances=${f.alliance.id},${second.id}`)).status).toBe(404);
    const bad = await c('funder').get('/api/field/anatomy?alliances=not-an-id');
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].field).toBe('alliances');
  });

  it('finds allies outside the alliance by fit, with the reasons and who can introduce us', async () => {
    await t.db.updateTable('organizations').set({ capacities: JSON.stringify([{ key: 'legal' }]), state_fips: '48' }).where('name', '=', 'Outside Worker Center').execute();
    const res = await c('coordinator').get(`/api/alliances/${f.alliance.id}/allies`);
    expect(res.status, res.text).toBe(200);
    const outside = res.json.allies.find((a: { name: string }) => a.name === 'Outside Worker Center');
    expect(outside.reasons).toEqual(expect.arrayContaining([{ kind: 'fills_capacity', key: 'legal', points: 3 }, { kind: 'in_missing_state', key: '48', points: 2 },
      { kind: 'reachable', hops: 1, points: 3 }]));
    expect(outside.score).toBe(outside.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0));
    expect(outside.introductionPath.map((p: { name: string }) => p.name)).toEqual(['Member X n', 'Outside Worker Center']);
    expect(res.json.allies.map((a: { name: string }) => a.name)).not.toContain('Member X n');
    expect((await c('outsider').get(`/api/alliances/${f.alliance.id}/allies`)).status).toBe(404);
  });

  it('shows the whole field the reader can see as one network', async () => {
    const all = (await c('coordinator').get('/api/field/network')).json;
    expect(all.analysis.nodes.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['Outside Worker Center', 'Member X n', 'Second Alliance']));
    const funder = (await c('funder').get('/api/field/network')).json;
    expect(funder.analysis.nodes.map((n: { name: string }) => n.name)).not.toContain('Outside Worker Center');
  });

  it('answers a small analysis at once, and runs a large one as a job with progress that only its starter can follow', async () => {
    const small = await c('coordinator').post(`/api/alliances/${f.alliance.id}/network/analyses`);
    expect(small.status).toBe(200);
    expect(small.json).toMatchObject({ status: 'done', progress: 1 });
    expect(small.json.result.analysis.nodes.length).toBeGreaterThan(0);
    expect((await c('outsider').post(`/api/alliances/${f.alliance.id}/network/analyses`)).status).toBe(404);

    // 1,500 organizations with four stated ties each: too much to analyse inside a request.
    const space = f.allianceSpaceId;
    await sql`insert into organizations (space_id, name, kind) select ${space}::uuid, 'Generated ' || g, 'union' from generate_series(1, 1500) g`.execute(t.db);
    await sql`insert into ties (space_id, from_id, to_id, kind, strength)
      select ${space}::uuid, a.id, b.id, 'co_campaigned', 3 from organizations a
      cross join (values (1), (2), (7), (31)) s(step)
      join organizations b on b.space_id = a.space_id and b.name = 'Generated ' || ((split_part(a.name, ' ', 2)::int + s.step - 1) % 1500 + 1)
      where a.space_id = ${space}::uuid and a.name like 'Generated %'`.execute(t.db);

    const large = await c('coordinator').get(`/api/alliances/${f.alliance.id}/network`);
    expect(large.status).toBe(202);
    expect(large.json.status).toBe('running');
    const again = await c('coordinator').post(`/api/alliances/${f.alliance.id}/network/analyses`);
    expect(again.json.id).toBe(large.json.id); // the same analysis is not computed twice
    expect((await c('repX').get(`/api/jobs/${large.json.id}`)).status).toBe(404);
    expect((await c('repX').delete(`/api/jobs/${large.json.id}`)).status).toBe(404);

    let job = large.json;
    const seen: number[] = [];
    while (job.status === 'running') {
      seen.push(job.progress);
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await c('coordinator').get(`/api/jobs/${job.id}`)).json;
    }
    expect(job.status).toBe('done');
    expect(job.result.analysis.nodeCount).toBeGreaterThanOrEqual(1500);
    expect(job.result.analysis.tieCount).toBeGreaterThanOrEqual(6000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const cancelled = await c('coordinator').post(`/api/alliances/${f.alliance.id}/network/analyses?derived=false`);
    expect(cancelled.status).toBe(202);
    expect((await c('coordinator').delete(`/api/jobs/${cancelled.json.id}`)).json.status).toBe('cancelled');
    await sql`delete from organizations where space_id = ${space}::uuid and name like 'Generated %'`.execute(t.db);
  });
});
