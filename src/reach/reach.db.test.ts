import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';

// An alliance's unduplicated reach: three members whose bases overlap contribute sketches; the
// alliance reads the people they reach together counted once, with its bound, never a list; a
// refusal to be counted, the c3/c4 firewall and a member that withdraws all take effect.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
type Signed = Awaited<ReturnType<typeof signedIn>>;
const people = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `reach${from + i}@example.org`);

describe.each(ENGINES)('unduplicated reach on %s', (engine) => {
  let t: TestApp;
  let owner: Signed;
  let outsider: Signed;
  let allianceSpace: string;
  const space: Record<'a' | 'b' | 'c', string> = {} as never;

  const reach = async () => {
    const res = await owner.get(`/api/spaces/${allianceSpace}/reach`);
    expect(res.status).toBe(200);
    return res.json;
  };
  const category = (r: any, name: string) => r.categories.find((c: any) => c.category === name);
  const contribute = async (key: keyof typeof space) => {
    const res = await owner.post(`/api/spaces/${space[key]}/reach-contributions`, { allianceSpaceId: allianceSpace });
    expect(res.status).toBe(200);
    return res.json;
  };

  beforeAll(async () => {
    t = await testApp(engine);
    const root = await signedIn(t, 'reach-root@example.org', { admin: true });
    [owner, outsider] = [await signedIn(t, 'reach-owner@example.org'), await signedIn(t, 'reach-outsider@example.org')];
    const actor: Actor = { userId: root.userId, isWorkspaceAdmin: true };
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Reach Alliance', kind: 'alliance' });
    allianceSpace = alliance.ownSpaceId!;
    const lists = { a: people(0, 300), b: people(200, 600), c: people(550, 650) };
    for (const key of ['a', 'b', 'c'] as const) {
      const o = await createOrganization(t.db, actor, null, { ...BLANK, name: `Reach ${key.toUpperCase()}`, kind: 'base_building' }, { ownSpace: true });
      space[key] = o!.ownSpaceId!;
      await addMember(t.db, actor, alliance.id, { memberId: o!.id, role: 'member', status: 'active' });
      await upsertRole(t.db, space[key], owner.userId, 'owner');
      const csv = `first,last,email\n${lists[key].map((e) => `${e.split('@')[0]},Q,${e}`).join('\n')}\n`;
      await (await startContactImport(t.db, t.deps.box, actor, space[key], { source: textSource(csv) })).done;
    }
    await upsertRole(t.db, allianceSpace, owner.userId, 'owner');
    // A third organization's own outsider: an owner elsewhere, no role in the alliance.
    const elsewhere = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Reach Elsewhere', kind: 'base_building' }, { ownSpace: true });
    await upsertRole(t.db, elsewhere!.ownSpaceId!, outsider.userId, 'owner');
    // In A, reach0..19 are on the top step; five of them refused to be counted in alliance totals.
    const top = await t.db.selectFrom('contacts').select('id').where('space_id', '=', space.a).where('first_name', 'in', people(0, 20).map((e) => e.split('@')[0]!)).execute();
    await t.db.updateTable('contacts').set({ ladder_step: 'owning' }).where('id', 'in', top.map((c) => c.id)).execute();
    for (const c of top.slice(0, 5)) expect((await owner.put(`/api/contacts/${c.id}/consent`, { purpose: 'count_in_alliance', granted: false })).status).toBe(200);
    // B had conversations with reach200..239 (some of whom A holds too).
    const talked = await t.db.selectFrom('contacts').select('id').where('space_id', '=', space.b).where('first_name', 'in', people(200, 240).map((e) => e.split('@')[0]!)).execute();
    const effort = await t.db.insertInto('outreach_efforts').values({ space_id: space.b, name: 'Doors', kind: 'canvass', script: '{}', created_at: new Date(), updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('outreach_attempts').values(talked.map((c) => ({ id: crypto.randomUUID(), effort_id: effort.id, space_id: space.b, contact_id: c.id, result: 'contacted', made_at: new Date(), recorded_at: new Date() }))).execute();
  });
  afterAll(async () => t?.close());

  it('counts the people three members reach together once, with its bound, from what each chose to contribute', async () => {
    expect((await reach()).categories).toEqual([]);
    expect(await contribute('a')).toMatchObject({ people: 295, categories: ['reached', 'step:owning'] });
    await contribute('b');
    await contribute('c');
    const r = await reach();
    // 650 different people, 300 + 400 + 100 = 800 held: the union is not the sum.
    const reached = category(r, 'reached');
    expect(Math.abs(reached.estimate - 645)).toBeLessThanOrEqual(10);
    expect(reached.low).toBeLessThanOrEqual(645);
    expect(reached.high).toBeGreaterThanOrEqual(645);
    expect(Math.abs(r.sumOfMembers.estimate - 795)).toBeLessThanOrEqual(12);
    // Small counts are nearly exact: only two hashes falling in one of the 16,384 registers (about
    // 1 chance in 20 among 40 people, under the alliance's random key) makes one read one fewer,
    // and the bound still holds the truth.
    const nearlyExact = (name: string, truth: number) => {
      const c = category(r, name);
      expect([truth - 1, truth]).toContain(c.estimate);
      expect(c.low).toBeLessThanOrEqual(truth);
      expect(c.high).toBeGreaterThanOrEqual(truth);
    };
    nearlyExact('contacted', 40);
    nearlyExact('step:owning', 15);
    expect(r.members.map((m: any) => Boolean(m.contributedAt))).toEqual([true, true, true]);
    // Nothing of a person is kept: only registers, and the audit says how many, never who.
    const rows = await t.db.selectFrom('reach_sketches').select(['registers']).execute();
    expect(rows.every((row) => row.registers.length === 16384 && Math.max(...row.registers) < 64)).toBe(true);
    const audit = JSON.stringify(await t.db.selectFrom('audit_log').select('changes').where('entity', '=', 'reach_sketch').execute());
    expect(audit).not.toContain('@example.org');
  });

  it('keeps to the c3/c4 firewall and lets a member take its people out', async () => {
    expect((await owner.put(`/api/spaces/${allianceSpace}/tax-status`, { taxStatus: 'c3' })).status).toBe(200);
    expect((await owner.put(`/api/spaces/${space.c}/tax-status`, { taxStatus: 'c4' })).status).toBe(200);
    // Sketches made before the marks changed no longer count, until their members count again.
    const outdated = await reach();
    expect(outdated.members.map((m: any) => m.outdated)).toEqual([true, true, true]);
    expect(outdated.categories).toEqual([]);
    expect(await contribute('c')).toMatchObject({ people: 0 });
    await contribute('a');
    await contribute('b');
    expect(Math.abs(category(await reach(), 'reached').estimate - 595)).toBeLessThanOrEqual(10);
    expect((await owner.delete(`/api/spaces/${space.b}/reach-contributions/${allianceSpace}`)).status).toBe(200);
    const after = await reach();
    expect(Math.abs(category(after, 'reached').estimate - 295)).toBeLessThanOrEqual(6);
    expect(category(after, 'contacted')).toBeUndefined();
    expect(after.members.find((m: any) => m.name === 'Reach B').contributedAt).toBeNull();
  });

  it('answers only the alliance, and takes contributions only from its members\' administrators', async () => {
    expect((await outsider.get(`/api/spaces/${allianceSpace}/reach`)).status).toBe(404);
    const elsewhere = (await outsider.get('/api/me')).json.spaces.find((s: any) => s.kind === 'organization').id;
    const refused = await outsider.post(`/api/spaces/${elsewhere}/reach-contributions`, { allianceSpaceId: allianceSpace });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0]).toMatchObject({ field: 'allianceSpaceId' });
    expect((await outsider.post(`/api/spaces/${space.a}/reach-contributions`, { allianceSpaceId: allianceSpace })).status).toBe(404);
  });
});
