import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import { createEffort } from '../outreach/outreach.service.ts';
import { EffortInputSchema } from '../outreach/outreach.schema.ts';
import { insertAttempts } from '../outreach/outreach.repository.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';

// The ladder placed from the record: conversations and attendance move people up, a tag makes a
// leader, a move by hand stays with its reason, and the alliance reads counts per step and
// moves per member organization — never a name.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };

describe.each(ENGINES)('engagement ladders on %s', (engine) => {
  let t: TestApp;
  let actor: Actor;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;
  let allianceSpaceId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'ladder@example.org', { admin: true });
    coordinator = await signedIn(t, 'ladder-coordinator@example.org');
    actor = { userId: owner.userId, isWorkspaceAdmin: true };
    const org = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Ladder Org', kind: 'base_building' }, { ownSpace: true });
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Ladder Alliance', kind: 'alliance' });
    await addMember(t.db, actor, alliance.id, { memberId: org.id, role: 'member', status: 'active' });
    spaceId = org.ownSpaceId!;
    allianceSpaceId = alliance.ownSpaceId!;
    await upsertRole(t.db, allianceSpaceId, coordinator.userId, 'admin');
    await (await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource('first,last,tags\nAna,Quiet,\nBeto,Talker,\nCata,Comes,\nDani,Leads,leader\n') })).done;
    for (const c of await t.db.selectFrom('contacts').select(['id', 'last_name']).where('space_id', '=', spaceId).execute()) ids[c.last_name] = c.id;
    const effortId = await createEffort(t.db, actor, spaceId, EffortInputSchema.parse({ name: 'House meetings', kind: 'relational' }));
    const attempt = (contactId: string, result: string) => ({ id: randomUUID(), effortId, spaceId, assignmentId: null as unknown as string, contactId, result, answers: {}, notesSealed: null, madeBy: owner.userId, madeAt: new Date().toISOString() });
    await insertAttempts(t.db, [attempt(ids.Talker!, 'contacted'), attempt(ids.Comes!, 'contacted'), attempt(ids.Comes!, 'attended'), attempt(ids.Comes!, 'attended')]);
  });
  afterAll(async () => t?.close());

  it('places contacts by the rules, keeps a move by hand, and counts movement without names', async () => {
    expect((await owner.get(`/api/spaces/${spaceId}/ladder`)).json).toMatchObject({ isDefault: true, steps: expect.arrayContaining([expect.objectContaining({ key: 'leading' })]) });
    expect((await owner.post(`/api/spaces/${spaceId}/ladder/recompute`)).json).toEqual({ moved: 4 });
    const stepOf = async (id: string) => (await owner.get(`/api/contacts/${id}/ladder`)).json;
    expect((await stepOf(ids.Quiet!)).step).toBe('observing');
    expect((await stepOf(ids.Talker!))).toMatchObject({ step: 'following', moves: [{ from: null, to: 'following', reason: '1+ conversations', manual: false }] });
    expect((await stepOf(ids.Comes!)).step).toBe('owning');
    expect((await stepOf(ids.Leads!)).step).toBe('leading');

    expect((await owner.put(`/api/contacts/${ids.Quiet}/ladder`, { step: 'endorsing', reason: 'Spoke at the city council' })).status).toBe(200);
    expect((await owner.put(`/api/contacts/${ids.Quiet}/ladder`, { step: 'flying', reason: 'x' })).status).toBe(422);
    // Recomputing leaves the move by hand where the person put it.
    expect((await owner.post(`/api/spaces/${spaceId}/ladder/recompute`)).json).toEqual({ moved: 0 });
    expect((await stepOf(ids.Quiet!))).toMatchObject({ step: 'endorsing', moves: [expect.anything(), { to: 'endorsing', reason: 'Spoke at the city council', manual: true }] });

    const mine = await owner.get(`/api/spaces/${spaceId}/ladder/movement`);
    expect(mine.json.steps.map((s: { key: string; count: number }) => [s.key, s.count])).toEqual([
      ['observing', 0], ['following', 1], ['endorsing', 1], ['contributing', 0], ['owning', 1], ['leading', 1]]);
    expect(mine.json).toMatchObject({ placed: 4, movedUp: 1, movedDown: 0, notPlaced: 0 });

    const alliance = await coordinator.get(`/api/spaces/${allianceSpaceId}/ladder/members-movement`);
    expect(alliance.status).toBe(200);
    expect(alliance.json.organizations).toHaveLength(1);
    expect(alliance.json.organizations[0]).toMatchObject({ name: 'Ladder Org', placed: 4, movedUp: 1 });
    expect(alliance.text).not.toMatch(/Quiet|Talker|Comes|Leads|city council/);
    expect((await coordinator.get(`/api/contacts/${ids.Quiet}/ladder`)).status).toBe(404);
    expect((await coordinator.get(`/api/spaces/${spaceId}/ladder/movement`)).status).toBe(404);
  });
});
