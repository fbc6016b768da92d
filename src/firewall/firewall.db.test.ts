import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { httpTransport as http } from '../../test/overlap-http.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import { overlapSide } from '../overlap/overlap-side.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';

// The 501(c)(3)/(c)(4) firewall, tried both ways. Three member organizations — a c4 (Action
// Fund), a c3 (Education Fund) and an unmarked one holding both kinds of work (Mixed) — belong to
// a c3 alliance and a c4 alliance. Work is planted on both sides, some of it straight into the
// database as an attacker would (an effort linked to the other side's target); every reading of
// contacts across spaces must keep to its side, and every attempt to cross is refused and logged.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
type Signed = Awaited<ReturnType<typeof signedIn>>;
const N = 12;

describe.each(ENGINES)('the c3/c4 firewall on %s', (engine) => {
  let t: TestApp;
  let owner: Signed;
  const space: Record<'action' | 'education' | 'mixed' | 'c3Alliance' | 'c4Alliance', string> = {} as never;
  const org: Record<string, string> = {};
  const target: Record<'c3' | 'c4', string> = {} as never;
  const mixedContacts: Record<'c3' | 'c4', string[]> = { c3: [], c4: [] };

  const total = (o: { steps: { count: number }[]; notPlaced: number }) => o.steps.reduce((s, x) => s + x.count, 0) + o.notPlaced;
  async function ladderTotals(allianceSpace: string) {
    const res = await owner.get(`/api/spaces/${allianceSpace}/ladder/members-movement`);
    expect(res.status).toBe(200);
    return Object.fromEntries(res.json.organizations.map((o: any) => [o.name, total(o)]));
  }
  async function giving(allianceSpace: string) {
    const res = await owner.get(`/api/spaces/${allianceSpace}/members-giving?year=2026`);
    expect(res.status).toBe(200);
    return Object.fromEntries(res.json.organizations.map((o: any) => [o.name, o.donors]));
  }
  async function progress(targetId: string) {
    const res = await owner.get(`/api/targets/${targetId}/progress`);
    expect(res.status).toBe(200);
    return Object.fromEntries(res.json.byOrganization.map((o: any) => [o.name, o.count]));
  }
  async function refusals(spaceId: string) {
    return (await owner.get(`/api/spaces/${spaceId}/tax-status`)).json.refused as { entity: string }[];
  }
  async function plantEffort(spaceId: string, targetId: string, mark: 'c3' | 'c4' | null, contactIds: string[]) {
    const effort = await t.db.insertInto('outreach_efforts').values({ space_id: spaceId, name: 'planted', kind: 'canvass', script: '{}', target_id: targetId, tax_status: mark,
      created_at: new Date(), updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('outreach_attempts').values(contactIds.map((c) => ({ id: crypto.randomUUID(), effort_id: effort.id, space_id: spaceId, contact_id: c, result: 'contacted',
      made_at: new Date('2026-03-01'), recorded_at: new Date() }))).execute();
  }

  beforeAll(async () => {
    t = await testApp(engine);
    const root = await signedIn(t, 'firewall-root@example.org', { admin: true });
    owner = await signedIn(t, 'firewall-owner@example.org');
    const actor: Actor = { userId: root.userId, isWorkspaceAdmin: true };
    const names = { action: 'Action Fund', education: 'Education Fund', mixed: 'Mixed Org' } as const;
    for (const [key, name] of Object.entries(names)) {
      const o = await createOrganization(t.db, actor, null, { ...BLANK, name, kind: 'base_building' }, { ownSpace: true });
      space[key as keyof typeof names] = o!.ownSpaceId!;
      org[key] = o!.id;
    }
    for (const [key, name] of [['c3Alliance', 'C3 Alliance'], ['c4Alliance', 'C4 Alliance']] as const) {
      const a = await createOrganization(t.db, actor, null, { ...BLANK, name, kind: 'alliance' });
      space[key] = a.ownSpaceId!;
      for (const m of ['action', 'education', 'mixed']) await addMember(t.db, actor, a.id, { memberId: org[m]!, role: 'member', status: 'active' });
    }
    for (const s of Object.values(space)) await upsertRole(t.db, s, owner.userId, 'owner');
    const csv = (prefix: string) => `first,last,email\n${Array.from({ length: N }, (_, i) => `${prefix}${i},Q,${prefix}${i}@example.org`).join('\n')}\n`;
    for (const key of ['action', 'education'] as const) await (await startContactImport(t.db, t.deps.box, actor, space[key], { source: textSource(csv(key)) })).done;
    for (const mark of ['c3', 'c4'] as const) {
      for (let i = 0; i < N; i++) {
        const res = await owner.post(`/api/spaces/${space.mixed}/contacts`, { firstName: `${mark}-${i}`, email: `shared${i}-${mark}@example.org`, workFor: mark });
        expect(res.status).toBe(201);
        mixedContacts[mark].push(res.json.id);
      }
    }
    await t.db.updateTable('contacts').set({ ladder_step: 'following' }).where('space_id', 'in', [space.action, space.education, space.mixed]).execute();
    const all = await t.db.selectFrom('contacts').select(['id', 'space_id']).where('space_id', 'in', [space.action, space.education, space.mixed]).execute();
    await t.db.insertInto('donations').values(all.map((c) => ({ space_id: c.space_id, contact_id: c.id, amount_minor: 2500, currency: 'USD', received_on: '2026-03-01', source: 'manual',
      created_at: new Date(), updated_at: new Date() }))).execute();
    for (const [key, mark] of [['action', 'c4'], ['education', 'c3'], ['c3Alliance', 'c3'], ['c4Alliance', 'c4']] as const) {
      expect((await owner.put(`/api/spaces/${space[key]}/tax-status`, { taxStatus: mark })).status).toBe(200);
    }
    for (const mark of ['c3', 'c4'] as const) {
      const res = await owner.post(`/api/spaces/${space[`${mark}Alliance`]}/targets`, { name: `${mark} doors`, goal: 1000, measure: 'conversations' });
      expect(res.status).toBe(201);
      target[mark] = res.json.id;
    }
  });
  afterAll(async () => t?.close());

  it('keeps a marked space to its own side: c4 work in a c3 space is refused, logged, and nothing is written', async () => {
    const before = await t.db.selectFrom('outreach_efforts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const effort = await owner.post(`/api/spaces/${space.education}/efforts`, { name: 'GOTV', kind: 'canvass', taxStatus: 'c4' });
    expect(effort.status).toBe(422);
    expect(effort.json.errors[0]).toMatchObject({ field: 'taxStatus' });
    const list = await owner.post(`/api/spaces/${space.education}/lists`, { name: 'Voters', taxStatus: 'c4' });
    expect(list.status).toBe(422);
    const contact = await owner.post(`/api/spaces/${space.education}/contacts`, { firstName: 'Rosa', workFor: 'c4' });
    expect(contact.status).toBe(422);
    expect(contact.json.errors[0]).toMatchObject({ field: 'workFor' });
    // The other way round too: a c4 space holds no work it calls c3.
    expect((await owner.post(`/api/spaces/${space.action}/efforts`, { name: 'Civics', kind: 'canvass', taxStatus: 'c3' })).status).toBe(422);
    const after = await t.db.selectFrom('outreach_efforts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await refusals(space.education)).map((r) => r.entity)).toEqual(expect.arrayContaining(['outreach_effort', 'contact_list', 'contact']));
    expect((await refusals(space.action)).map((r) => r.entity)).toContain('outreach_effort');
    const audit = await t.db.selectFrom('audit_log').select('changes').where('space_id', '=', space.education).where('action', '=', 'firewall_refused').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses to mark a space while it holds work of the other side, and never lets a mark be relabelled', async () => {
    const res = await owner.put(`/api/spaces/${space.mixed}/tax-status`, { taxStatus: 'c3' });
    expect(res.status).toBe(409);
    expect((await owner.get(`/api/spaces/${space.mixed}/tax-status`)).json.taxStatus).toBeNull();
    const relabel = await owner.put(`/api/contacts/${mixedContacts.c4[0]}`, { firstName: 'c4-0', email: 'shared0-c4@example.org', workFor: 'c3' });
    expect(relabel.status).toBe(422);
    expect(relabel.json.errors[0]).toMatchObject({ field: 'workFor' });
    const unmark = await owner.put(`/api/contacts/${mixedContacts.c4[0]}`, { firstName: 'c4-0', email: 'shared0-c4@example.org', workFor: null });
    expect(unmark.status).toBe(422);
    expect((await owner.get(`/api/contacts/${mixedContacts.c4[0]}`)).json.workFor).toBe('c4');
    expect((await refusals(space.mixed)).map((r) => r.entity)).toEqual(expect.arrayContaining(['space', 'contact']));
  });

  it('counts toward a c3 alliance only c3 and unmarked work, and toward a c4 alliance c3 work only where the c3 allows it', async () => {
    expect(await ladderTotals(space.c3Alliance)).toEqual({ 'Action Fund': 0, 'Education Fund': N, 'Mixed Org': N });
    expect(await ladderTotals(space.c4Alliance)).toEqual({ 'Action Fund': N, 'Education Fund': 0, 'Mixed Org': N });
    expect(await giving(space.c3Alliance)).toEqual({ 'Action Fund': 0, 'Education Fund': N, 'Mixed Org': N });
    expect(await giving(space.c4Alliance)).toEqual({ 'Action Fund': N, 'Education Fund': 0, 'Mixed Org': N });
    // The c3 decides to share its work with c4s (at fair value, say): the c4 alliance sees it at once.
    expect((await owner.put(`/api/spaces/${space.education}/tax-status`, { taxStatus: 'c3', c3SharesWithC4: true })).status).toBe(200);
    expect((await ladderTotals(space.c4Alliance))['Education Fund']).toBe(N);
    expect((await giving(space.c4Alliance))['Education Fund']).toBe(N);
    expect((await ladderTotals(space.c3Alliance))['Action Fund']).toBe(0);
    expect((await owner.put(`/api/spaces/${space.education}/tax-status`, { taxStatus: 'c3', c3SharesWithC4: false })).status).toBe(200);
    expect((await ladderTotals(space.c4Alliance))['Education Fund']).toBe(0);
  });

  it('refuses an effort toward the other side\'s target, and leaves out one planted there', async () => {
    const crossing = await owner.post(`/api/spaces/${space.action}/efforts`, { name: 'Doors', kind: 'canvass', targetId: target.c3 });
    expect(crossing.status).toBe(422);
    expect(crossing.json.errors[0]).toMatchObject({ field: 'targetId' });
    expect((await owner.post(`/api/spaces/${space.mixed}/efforts`, { name: 'Doors', kind: 'canvass', targetId: target.c3, taxStatus: 'c4' })).status).toBe(422);
    expect((await owner.post(`/api/spaces/${space.education}/efforts`, { name: 'Doors', kind: 'canvass', targetId: target.c4 })).status).toBe(422);
    expect((await refusals(space.c3Alliance)).length).toBeGreaterThanOrEqual(2);
    expect((await owner.post(`/api/spaces/${space.mixed}/efforts`, { name: 'Civic doors', kind: 'canvass', targetId: target.c3, taxStatus: 'c3' })).status).toBe(201);
    const actionIds = (await t.db.selectFrom('contacts').select('id').where('space_id', '=', space.action).execute()).map((c) => c.id);
    await plantEffort(space.action, target.c3, null, actionIds);
    await plantEffort(space.mixed, target.c3, 'c4', mixedContacts.c4);
    await plantEffort(space.mixed, target.c3, 'c3', mixedContacts.c3.slice(0, 5));
    await plantEffort(space.mixed, target.c4, 'c4', mixedContacts.c4.slice(0, 7));
    await plantEffort(space.action, target.c4, null, actionIds.slice(0, 3));
    await plantEffort(space.education, target.c4, null, [(await t.db.selectFrom('contacts').select('id').where('space_id', '=', space.education).executeTakeFirstOrThrow()).id]);
    expect(await progress(target.c3)).toEqual({ 'Mixed Org': 5 });
    expect(await progress(target.c4)).toEqual({ 'Mixed Org': 7, 'Action Fund': 3 });
    const metrics = await owner.get(`/api/alliances/${(await t.db.selectFrom('organizations').select('id').where('own_space_id', '=', space.c3Alliance).executeTakeFirstOrThrow()).id}/metrics?from=2026-01-01&to=2026-12-31`);
    expect(metrics.status).toBe(200);
    expect(metrics.json.metrics.find((m: any) => m.key === 'contacts_made')).toMatchObject({ value: 5, counted: { items: ['Mixed Org: 5'] } });
  });

  it('gives a c3 effort or list in an unmarked space none of its c4 contacts', async () => {
    const effort = await owner.post(`/api/spaces/${space.mixed}/efforts`, { name: 'Civic walk', kind: 'canvass', taxStatus: 'c3' });
    expect(effort.status).toBe(201);
    const turfs = await owner.post(`/api/efforts/${effort.json.id}/turfs`, { by: 'size', size: 100 });
    expect(turfs.status).toBe(201);
    const onTurfs = await t.db.selectFrom('outreach_assignment_contacts as ac').innerJoin('outreach_assignments as a', 'a.id', 'ac.assignment_id')
      .select('ac.contact_id').where('a.effort_id', '=', effort.json.id).execute();
    expect(onTurfs.map((r) => r.contact_id).sort()).toEqual([...mixedContacts.c3].sort());
    const list = await owner.post(`/api/spaces/${space.mixed}/lists`, { name: 'Civic', taxStatus: 'c3', contactIds: [mixedContacts.c3[0], mixedContacts.c4[0]] });
    expect(list.status).toBe(422);
    expect(list.json.errors[0]).toMatchObject({ field: 'contactIds' });
    const segment = await owner.post(`/api/spaces/${space.mixed}/segments`, { name: 'Everyone', definition: { type: 'ladderStep', step: 'following' } });
    expect(segment.status).toBe(201);
    const frozen = await owner.post(`/api/segments/${segment.json.id}/freeze`, { name: 'Civic list', taxStatus: 'c3' });
    expect(frozen.status).toBe(201);
    expect(frozen.json).toMatchObject({ size: N, taxStatus: 'c3' });
  });

  it('marks an import\'s new people with the work they were gathered for, and refuses c4 people in a c3 space', async () => {
    const csv = 'first,last,email\nVoter,One,voter1@example.org\nVoter,Two,voter2@example.org\n';
    const refused = await owner.post(`/api/spaces/${space.education}/contact-imports`, { csv, workFor: 'c4' });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0]).toMatchObject({ field: 'workFor' });
    const started = await owner.post(`/api/spaces/${space.mixed}/contact-imports`, { csv, workFor: 'c4' });
    expect(started.status).toBe(202);
    for (let i = 0; i < 100 && (await owner.get(`/api/imports/${started.json.id}`)).json.status !== 'done'; i += 1) await new Promise((r) => setTimeout(r, 50));
    const marked = await t.db.selectFrom('contacts').select('work_for').where('space_id', '=', space.mixed).where('first_name', '=', 'Voter').execute();
    expect(marked.map((c) => c.work_for)).toEqual(['c4', 'c4']);
  });

  it('takes unmarked work toward a marked target to that side, and keeps a merge on its side', async () => {
    const effort = await owner.post(`/api/spaces/${space.mixed}/efforts`, { name: 'Unmarked doors', kind: 'canvass', targetId: target.c3 });
    expect(effort.status).toBe(201);
    expect((await owner.get(`/api/efforts/${effort.json.id}`)).json.taxStatus).toBe('c3');
    await owner.post(`/api/efforts/${effort.json.id}/turfs`, { by: 'size', size: 100 });
    const onTurfs = await t.db.selectFrom('outreach_assignment_contacts as ac').innerJoin('outreach_assignments as a', 'a.id', 'ac.assignment_id')
      .select('ac.contact_id').where('a.effort_id', '=', effort.json.id).execute();
    expect(onTurfs.some((r) => mixedContacts.c4.includes(r.contact_id))).toBe(false);
    const merge = await owner.post(`/api/contacts/${mixedContacts.c3[1]}/merge`, { duplicateId: mixedContacts.c4[1] });
    expect(merge.status).toBe(422);
    expect(merge.json.errors[0]).toMatchObject({ field: 'duplicateId' });
    // An unmarked contact on a c3 list merged with a c4 one would carry c4 work on that list.
    const onList = (await owner.post(`/api/spaces/${space.mixed}/contacts`, { firstName: 'Listed' })).json.id;
    expect((await owner.post(`/api/spaces/${space.mixed}/lists`, { name: 'Civic few', taxStatus: 'c3', contactIds: [onList] })).status).toBe(201);
    const placed = await owner.post(`/api/contacts/${onList}/merge`, { duplicateId: mixedContacts.c4[3] });
    expect(placed.status).toBe(422);
    expect(placed.json.errors[0]).toMatchObject({ field: 'duplicateId' });
    const plain = (await owner.post(`/api/spaces/${space.mixed}/contacts`, { firstName: 'Plain' })).json.id;
    expect((await owner.post(`/api/contacts/${plain}/merge`, { duplicateId: mixedContacts.c4[2] })).status).toBe(200);
    expect((await owner.get(`/api/contacts/${plain}`)).json.workFor).toBe('c4');
  });

  it('never lets a marked space change sides with its work, and unmarking it keeps each record on its side', async () => {
    const switched = await owner.put(`/api/spaces/${space.action}/tax-status`, { taxStatus: 'c3' });
    expect(switched.status).toBe(409);
    expect((await refusals(space.action)).some((r) => r.entity === 'space')).toBe(true);
    expect((await owner.put(`/api/spaces/${space.action}/tax-status`, { taxStatus: null })).status).toBe(200);
    // Its contacts were gathered for c4 work, and still are: a c3 alliance still does not count them.
    expect((await ladderTotals(space.c3Alliance))['Action Fund']).toBe(0);
    expect((await owner.put(`/api/spaces/${space.action}/tax-status`, { taxStatus: 'c3' })).status).toBe(409);
    expect((await owner.put(`/api/spaces/${space.action}/tax-status`, { taxStatus: 'c4' })).status).toBe(200);
  });

  it('refuses an overlap across the firewall, and leaves the other side\'s contacts out of one within it', async () => {
    const alliance = (await t.db.selectFrom('organizations').select('id').where('own_space_id', '=', space.c3Alliance).executeTakeFirstOrThrow()).id;
    const crossing = await owner.post(`/api/spaces/${space.education}/overlap-runs`, { partnerSpaceId: space.action, allianceId: alliance, kind: 'email' });
    expect(crossing.status).toBe(422);
    expect(crossing.json.errors[0]).toMatchObject({ field: 'partnerSpaceId' });
    expect((await refusals(space.action)).some((r) => r.entity === 'overlap_run')).toBe(true);
    const runId = (await owner.post(`/api/spaces/${space.mixed}/overlap-runs`, { partnerSpaceId: space.education, allianceId: alliance, kind: 'email' })).json.id;
    expect((await owner.put(`/api/overlap-runs/${runId}/status`, { answer: 'accept' })).status).toBe(200);
    const mixedSide = overlapSide(http(owner, runId, 'requester'));
    expect(await mixedSide.sendMine()).toBe(N);
  });
});
