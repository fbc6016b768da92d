import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import { EffortInputSchema } from '../outreach/outreach.schema.ts';
import { insertAttempts } from '../outreach/outreach.repository.ts';
import { createEffort } from '../outreach/outreach.service.ts';
import { placeAfterResults } from '../ladder/ladder.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';

// Leadership from the record: attendance of contacts at the convenings their organization takes
// part in, the directory person a contact is (committee seats, representation, sessions led),
// recruits, attempts made as a volunteer, and cohorts with mentors and trainings. All of it stays
// in the organization's space: another organization and the alliance's coordinator get 404.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
const meeting = (title: string, kind: string, day: string) => ({ title, kind, startsAt: `${day}T18:00`, endsAt: `${day}T20:00`, timeZone: 'America/Chicago' });

describe.each(ENGINES)('leadership development on %s', (engine) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  let outsider: Awaited<ReturnType<typeof signedIn>>;
  let volunteer: Awaited<ReturnType<typeof signedIn>>;
  let spaceId: string;
  let otherSpaceId: string;
  let orgId: string;
  let allianceId: string;
  let membershipId: string;
  const ids: Record<string, string> = {};
  const conv: Record<string, string> = {};
  const stepOf = async (id: string) => (await owner.get(`/api/contacts/${id}/ladder`)).json as { step: string; moves: { reason: string }[] };

  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'leaders@example.org', { admin: true });
    coordinator = await signedIn(t, 'leaders-coordinator@example.org');
    outsider = await signedIn(t, 'leaders-outsider@example.org');
    volunteer = await signedIn(t, 'rosa.volunteer@example.org');
    const actor: Actor = { userId: owner.userId, isWorkspaceAdmin: true };
    const org = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Leaders Org', kind: 'base_building' }, { ownSpace: true });
    const other = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Other Org', kind: 'base_building' }, { ownSpace: true });
    const alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Leaders Alliance', kind: 'alliance' });
    membershipId = (await addMember(t.db, actor, alliance.id, { memberId: org.id, role: 'member', status: 'active' })).id;
    orgId = org.id;
    allianceId = alliance.id;
    spaceId = org.ownSpaceId!;
    otherSpaceId = other.ownSpaceId!;
    await upsertRole(t.db, alliance.ownSpaceId!, coordinator.userId, 'admin');
    await upsertRole(t.db, otherSpaceId, outsider.userId, 'admin');
    await upsertRole(t.db, spaceId, volunteer.userId, 'member');
    const csv = 'first,last,email\nAna,Attends,\nBeto,Trains,\nCata,Sits,\nDani,Leads,\nEva,Recruits,\nRosa,Volunteer,rosa.volunteer@example.org\nFe,One,\nGus,Two,\nHil,Three,\n';
    await (await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(csv) })).done;
    for (const c of await t.db.selectFrom('contacts').select(['id', 'last_name']).where('space_id', '=', spaceId).execute()) ids[c.last_name] = c.id;
    await (await startContactImport(t.db, t.deps.box, actor, otherSpaceId, { source: textSource('first,last\nZoe,Elsewhere\n') })).done;
    ids.Elsewhere = (await t.db.selectFrom('contacts').select('id').where('space_id', '=', otherSpaceId).executeTakeFirstOrThrow()).id;
    // The alliance's assembly, the organization's own trainings, and a convening it has nothing to do with.
    conv.assembly = (await owner.post(`/api/organizations/${allianceId}/convenings`, meeting('General assembly', 'convening', '2026-10-03'))).json.id;
    conv.training1 = (await owner.post(`/api/organizations/${orgId}/convenings`, meeting('Training: one-on-ones', 'training', '2026-10-10'))).json.id;
    conv.training2 = (await owner.post(`/api/organizations/${orgId}/convenings`, meeting('Training: power analysis', 'training', '2026-10-17'))).json.id;
    conv.foreign = (await owner.post(`/api/organizations/${other.id}/convenings`, meeting('Other org meeting', 'convening', '2026-10-04'))).json.id;
    conv.invitedOnly = (await owner.post(`/api/organizations/${other.id}/convenings`, { ...meeting('Other org panel', 'convening', '2026-10-05'), invitedIds: [org.id] })).json.id;
  });
  afterAll(async () => t?.close());

  it('records contacts at the convenings their organization takes part in, and the ladder follows', async () => {
    const listed = (await owner.get(`/api/spaces/${spaceId}/attendable-convenings`)).json.items.map((c: { id: string }) => c.id);
    expect(listed).toEqual(expect.arrayContaining([conv.assembly, conv.training1, conv.training2]));
    expect(listed).not.toContain(conv.foreign);
    expect((await owner.get(`/api/spaces/${spaceId}/attendable-convenings?kind=training`)).json.items).toHaveLength(2);

    const res = await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.assembly, contactIds: [ids.Attends, ids.Trains], source: 'sign_in' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ recorded: 2 });
    // Recording the same sheet again changes nothing.
    expect((await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.assembly, contactIds: [ids.Attends] })).json.recorded).toBe(1);
    await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.training1, contactIds: [ids.Attends, ids.Trains] });
    expect((await stepOf(ids.Attends!)).step).toBe('owning');
    expect((await owner.get(`/api/spaces/${spaceId}/attendance?conveningId=${conv.assembly}`)).json.items.map((a: { lastName: string }) => a.lastName)).toEqual(['Attends', 'Trains']);
    expect((await owner.get(`/api/contacts/${ids.Attends}/attendance`)).json.items.map((a: { title: string }) => a.title))
      .toEqual(['Training: one-on-ones', 'General assembly']);

    const refused = await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.foreign, contactIds: [ids.Attends] });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json)).toContain('conveningId');
    const foreignContact = await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.assembly, contactIds: [ids.Attends, ids.Elsewhere] });
    expect(foreignContact.status).toBe(422);
    expect(JSON.stringify(foreignContact.json)).toContain('contactIds[1]');

    // Removing a record moves the contact back down.
    const record = (await owner.get(`/api/spaces/${spaceId}/attendance?conveningId=${conv.training1}`)).json.items.find((a: { lastName: string }) => a.lastName === 'Attends');
    expect((await owner.delete(`/api/attendance/${record.id}`)).status).toBe(200);
    expect((await stepOf(ids.Attends!)).step).toBe('contributing');
  });

  it('reads committee seats, representation, sessions led, recruits and attempts made through the contact\'s links', async () => {
    const cata = (await owner.post(`/api/spaces/${spaceId}/people`, { name: 'Cata Sits', languages: ['es'], affiliations: [{ organizationId: orgId, role: 'leader' }] })).json;
    const dani = (await owner.post(`/api/spaces/${spaceId}/people`, { name: 'Dani Leads', languages: [], affiliations: [{ organizationId: orgId, role: 'staff' }] })).json;
    const committee = (await owner.post(`/api/alliances/${allianceId}/committees`, { name: 'Policy committee' })).json;
    expect((await owner.post(`/api/committees/${committee.id}/seats`, { organizationId: orgId, personId: cata.id, seat: 'permanent' })).status).toBe(201);
    expect((await owner.put(`/api/contacts/${ids.Sits}/links`, { personId: cata.id })).status).toBe(200);
    expect(await stepOf(ids.Sits!)).toMatchObject({ step: 'owning', moves: [{ reason: 'sits on a committee' }] });

    expect((await owner.post(`/api/memberships/${membershipId}/representatives`, { personId: dani.id, seat: 'leader' })).status).toBe(201);
    await owner.put(`/api/contacts/${ids.Leads}/links`, { personId: dani.id });
    expect((await stepOf(ids.Leads!)).step).toBe('leading');
    expect((await owner.get(`/api/contacts/${ids.Leads}`)).json.personId).toBe(dani.id);

    // A session of the alliance's assembly facilitated by Beto: counted once his contact is linked to the person he is.
    await owner.post(`/api/convenings/${conv.assembly}/sessions`, { title: 'Breakout on rent', facilitator: 'beto trains' });
    // Another organization that merely invited this one cannot make its people leaders by typing their names.
    await owner.post(`/api/convenings/${conv.invitedOnly}/sessions`, { title: 'Panel', facilitator: 'Ana Attends' });
    await owner.post(`/api/spaces/${spaceId}/ladder/recompute`);
    expect((await stepOf(ids.Trains!)).step).not.toBe('leading');
    const beto = (await owner.post(`/api/spaces/${spaceId}/people`, { name: 'Beto Trains', languages: [], affiliations: [{ organizationId: orgId, role: 'member' }] })).json;
    await owner.put(`/api/contacts/${ids.Trains}/links`, { personId: beto.id });
    expect(await stepOf(ids.Trains!)).toMatchObject({ step: 'leading' });
    expect((await stepOf(ids.Trains!)).moves.at(-1)!.reason).toBe('led 1+ sessions');
    const ana = (await owner.post(`/api/spaces/${spaceId}/people`, { name: 'Ana Attends', languages: [], affiliations: [{ organizationId: orgId, role: 'member' }] })).json;
    await owner.put(`/api/contacts/${ids.Attends}/links`, { personId: ana.id });
    expect((await stepOf(ids.Attends!)).step).not.toBe('leading');

    for (const last of ['One', 'Two', 'Three']) expect((await owner.put(`/api/contacts/${ids[last]}/links`, { recruitedBy: ids.Recruits })).status).toBe(200);
    const recruiter = await stepOf(ids.Recruits!);
    expect(recruiter.step).toBe('owning');
    expect(recruiter.moves.at(-1)!.reason).toBe('recruited 3+ people');
    const loop = await owner.put(`/api/contacts/${ids.Recruits}/links`, { recruitedBy: ids.One });
    expect(loop.status).toBe(422);
    expect(JSON.stringify(loop.json)).toContain('recruitedBy');
    expect((await owner.put(`/api/contacts/${ids.One}/links`, { personId: randomUUID() })).status).toBe(422);
    expect((await owner.put(`/api/contacts/${ids.One}/links`, { recruitedBy: ids.Elsewhere })).status).toBe(422);

    // Rosa knocks doors with her own account: the attempts she made count for her contact.
    const effortId = await createEffort(t.db, { userId: owner.userId, isWorkspaceAdmin: true }, spaceId, EffortInputSchema.parse({ name: 'Doors', kind: 'canvass' }));
    await insertAttempts(t.db, [{ id: randomUUID(), effortId, spaceId, assignmentId: null as unknown as string, contactId: ids.One!, result: 'not_home', answers: {}, notesSealed: null,
      madeBy: volunteer.userId, madeAt: new Date().toISOString() }]);
    // Placed again as results come in (only the accounts with her email are counted), then by a full recompute.
    expect(await placeAfterResults(t.db, t.deps.box, spaceId, [ids.Volunteer!])).toBe(1);
    await owner.post(`/api/spaces/${spaceId}/ladder/recompute`);
    const rosa = await stepOf(ids.Volunteer!);
    expect(rosa.step).toBe('contributing');
    expect(rosa.moves.at(-1)!.reason).toBe('made 1+ contact attempts');
  });

  it('keeps the organization\'s record when the holder deletes the convening, and an RSVP synced again does not undo "came"', async () => {
    const picnic = (await owner.post(`/api/organizations/${allianceId}/convenings`, meeting('Member picnic', 'action', '2026-09-12'))).json.id;
    await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: picnic, contactIds: [ids.Two] });
    await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: picnic, contactIds: [ids.Two], status: 'registered' });
    expect((await owner.get(`/api/spaces/${spaceId}/attendance?conveningId=${picnic}`)).json.items[0].status).toBe('attended');
    expect((await owner.delete(`/api/convenings/${picnic}`)).status).toBe(200);
    expect((await owner.get(`/api/contacts/${ids.Two}/attendance`)).json.items).toEqual([expect.objectContaining({ title: 'Member picnic', kind: 'action', status: 'attended' })]);
  });

  it('runs a leadership cohort with mentors, trainings and progress, and counts its completion on the ladder', async () => {
    const refused = await owner.post(`/api/spaces/${spaceId}/cohorts`, { name: 'Bad', trainingIds: [conv.foreign] });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json)).toContain('trainingIds[0]');
    const cohort = (await owner.post(`/api/spaces/${spaceId}/cohorts`, { name: 'Fall leaders', startsOn: '2026-10-01', endsOn: '2026-12-15', trainingIds: [conv.training1, conv.training2] })).json;
    const ana = (await owner.post(`/api/cohorts/${cohort.id}/members`, { contactId: ids.Attends, mentorId: ids.Leads })).json;
    await owner.post(`/api/cohorts/${cohort.id}/members`, { contactId: ids.One });
    expect((await owner.post(`/api/cohorts/${cohort.id}/members`, { contactId: ids.Elsewhere })).status).toBe(422);
    expect((await owner.post(`/api/cohorts/${cohort.id}/members`, { contactId: ids.Two, mentorId: ids.Elsewhere })).status).toBe(422);
    expect((await owner.post(`/api/cohorts/${cohort.id}/members`, { contactId: ids.One })).status).toBe(409);
    await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.training1, contactIds: [ids.Attends, ids.One] });
    await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.training2, contactIds: [ids.Attends] });

    const view = (await owner.get(`/api/cohorts/${cohort.id}`)).json;
    expect(view.trainings.map((x: { title: string }) => x.title)).toEqual(['Training: one-on-ones', 'Training: power analysis']);
    expect(view.members.map((m: { lastName: string; trainingsAttended: number; mentorName: string | null }) => [m.lastName, m.trainingsAttended, m.mentorName]))
      .toEqual([['Attends', 2, 'Dani Leads'], ['One', 1, null]]);
    expect(view.progress).toMatchObject({ members: 2, active: 2, completed: 0, withMentor: 1, trainingAttendanceRate: 0.75 });
    expect(view.progress.movedUp).toBeGreaterThanOrEqual(1);

    expect((await owner.put(`/api/cohort-members/${ana.id}`, { status: 'completed', mentorId: ids.Leads })).status).toBe(200);
    expect(await stepOf(ids.Attends!)).toMatchObject({ step: 'leading' });
    expect((await owner.get(`/api/spaces/${spaceId}/cohorts`)).json.items).toEqual([expect.objectContaining({ name: 'Fall leaders', active: 1, completed: 1, trainings: 2 })]);

    // Segments read attendance and cohorts.
    const count = async (definition: unknown) => (await owner.post(`/api/spaces/${spaceId}/segments/count`, { definition })).json.count;
    expect(await count({ type: 'attended', kind: 'training', atLeast: 2 })).toBe(1);
    expect(await count({ type: 'attended', conveningId: conv.assembly })).toBe(2);
    expect(await count({ type: 'cohort', cohortId: cohort.id })).toBe(2);
    expect(await count({ type: 'cohort', cohortId: cohort.id, status: 'completed' })).toBe(1);
  });

  it('keeps attendance, links and cohorts inside the organization: others are told there is nothing', async () => {
    const cohortId = (await owner.get(`/api/spaces/${spaceId}/cohorts`)).json.items[0].id;
    const member = (await owner.get(`/api/cohorts/${cohortId}`)).json.members[0];
    const record = (await owner.get(`/api/spaces/${spaceId}/attendance?conveningId=${conv.assembly}`)).json.items[0];
    for (const caller of [coordinator, outsider]) {
      for (const path of [`/api/spaces/${spaceId}/attendable-convenings`, `/api/spaces/${spaceId}/attendance?conveningId=${conv.assembly}`, `/api/contacts/${ids.Attends}/attendance`,
        `/api/spaces/${spaceId}/cohorts`, `/api/cohorts/${cohortId}`]) {
        expect((await caller.get(path)).status, path).toBe(404);
      }
      expect((await caller.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.assembly, contactIds: [ids.Attends] })).status).toBe(404);
      expect((await caller.put(`/api/contacts/${ids.Attends}/links`, { recruitedBy: null })).status).toBe(404);
      expect((await caller.put(`/api/cohort-members/${member.id}`, { status: 'left' })).status).toBe(404);
      expect((await caller.delete(`/api/attendance/${record.id}`)).status).toBe(404);
      expect((await caller.post(`/api/cohorts/${cohortId}/members`, { contactId: ids.Two })).status).toBe(404);
    }
    // Another organization cannot record its contacts at this organization's own training, nor put ours in its cohort.
    expect((await outsider.post(`/api/spaces/${otherSpaceId}/attendance`, { conveningId: conv.training1, contactIds: [ids.Elsewhere] })).status).toBe(422);
    const theirs = (await outsider.post(`/api/spaces/${otherSpaceId}/cohorts`, { name: 'Theirs' })).json;
    expect((await outsider.post(`/api/cohorts/${theirs.id}/members`, { contactId: ids.Attends })).status).toBe(422);
    // A member of the organization with no role in the alliance's space is not shown the alliance's
    // convenings (the rule of the convening's own page), nor can record attendance there.
    const listed = (await volunteer.get(`/api/spaces/${spaceId}/attendable-convenings`)).json.items.map((c: { id: string }) => c.id);
    expect(listed).toContain(conv.training1);
    expect(listed).not.toContain(conv.assembly);
    expect(listed).not.toContain(conv.invitedOnly);
    expect((await volunteer.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.assembly, contactIds: [ids.Two] })).status).toBe(422);
    // A volunteer (member) records attendance but does not delete cohorts.
    expect((await volunteer.delete(`/api/cohorts/${cohortId}`)).status).toBe(403);
  });

  it('carries attendance and cohort places through a merge, "came" winning, no one their own mentor', async () => {
    const make = async (first: string) => (await owner.post(`/api/spaces/${spaceId}/contacts`, { firstName: first, lastName: 'Merge' })).json.id as string;
    const [kept, duplicate] = [await make('Kept'), await make('Dupe')];
    await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.assembly, contactIds: [kept], status: 'registered' });
    await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.assembly, contactIds: [duplicate] });
    await owner.post(`/api/spaces/${spaceId}/attendance`, { conveningId: conv.training2, contactIds: [duplicate] });
    const cohort = (await owner.post(`/api/spaces/${spaceId}/cohorts`, { name: 'Merge cohort' })).json;
    await owner.post(`/api/cohorts/${cohort.id}/members`, { contactId: kept, mentorId: duplicate });
    await owner.post(`/api/cohorts/${cohort.id}/members`, { contactId: duplicate });
    expect((await owner.post(`/api/contacts/${kept}/merge`, { duplicateId: duplicate })).status).toBe(200);
    expect((await owner.get(`/api/contacts/${kept}/attendance`)).json.items.map((a: { title: string; status: string }) => [a.title, a.status]).sort())
      .toEqual([['General assembly', 'attended'], ['Training: power analysis', 'attended']]);
    const members = (await owner.get(`/api/cohorts/${cohort.id}`)).json.members;
    expect(members.map((m: { contactId: string; mentorId: string | null }) => [m.contactId, m.mentorId])).toEqual([[kept, null]]);
    expect((await stepOf(kept)).step).toBe('owning');
  });
});
