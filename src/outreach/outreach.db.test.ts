import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { countDefinition } from '../contacts/segment.service.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';

// Field outreach from the effort to the alliance's target: turfs cut by ZIP keeping households
// together, a volunteer's packet, results sent three times and stored once, answers checked
// against the script, a house-meeting sign-in counted as attendance, values-based segments, and
// the alliance reading each organization's count toward its target — never a contact.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
const script = {
  questions: [
    { key: 'rent_burden', type: 'yes_no', prompt: { en: 'Is rent more than half your income?', es: '¿La renta es más de la mitad de su ingreso?' }, values: true },
    { key: 'top_issue', type: 'choice', prompt: { en: 'What matters most?', es: '¿Qué le importa más?' }, values: true,
      choices: [{ key: 'housing', label: { en: 'Housing', es: 'Vivienda' } }, { key: 'wages', label: { en: 'Wages', es: 'Salarios' } }] },
    { key: 'support', type: 'scale', min: 1, max: 5, prompt: { en: 'How much do you support rent control?', es: '¿Cuánto apoya el control de rentas?' } },
  ],
};

describe.each(ENGINES)('field outreach on %s', (engine) => {
  let t: TestApp;
  let actor: Actor;
  let org: { id: string; ownSpaceId: string | null };
  let alliance: { id: string; ownSpaceId: string | null };
  let owner: Awaited<ReturnType<typeof signedIn>>;
  let volunteer: Awaited<ReturnType<typeof signedIn>>;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'field-owner@example.org', { admin: true });
    volunteer = await signedIn(t, 'field-volunteer@example.org');
    coordinator = await signedIn(t, 'field-coordinator@example.org');
    actor = { userId: owner.userId, isWorkspaceAdmin: true };
    org = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Tenants Together', kind: 'base_building' }, { ownSpace: true });
    alliance = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Housing Alliance', kind: 'alliance' });
    await addMember(t.db, actor, alliance.id, { memberId: org.id, role: 'member', status: 'active' });
    await upsertRole(t.db, org.ownSpaceId!, volunteer.userId, 'viewer');
    await upsertRole(t.db, alliance.ownSpaceId!, coordinator.userId, 'admin');
    const rows = Array.from({ length: 30 }, (_, i) => `Ten${i},Ant${i},t${i}@example.org,${100 + Math.floor(i / 2)} Oak St,${i % 3 ? '94612' : '94601'},CA,${i % 2 ? 'renter' : ''}`);
    await (await startContactImport(t.db, t.deps.box, actor, org.ownSpaceId!, { source: textSource(['first,last,email,address,zip,state,tags', ...rows].join('\n')) })).done;
  });
  afterAll(async () => t?.close());

  it('runs a canvass from segment to target, counting each result once', async () => {
    const segment = await owner.post(`/api/spaces/${org.ownSpaceId}/segments`, { name: 'Renters', definition: { type: 'tag', tag: 'renter' } });
    expect(segment.status).toBe(201);
    const target = await coordinator.post(`/api/spaces/${alliance.ownSpaceId}/targets`, { name: '500,000 conversations', goal: 500_000, measure: 'conversations' });
    expect(target.status).toBe(201);
    const effort = await owner.post(`/api/spaces/${org.ownSpaceId}/efforts`, { name: 'Renters door knock', kind: 'canvass', script, segmentId: segment.json.id, targetId: target.json.id });
    expect(effort.status, effort.text).toBe(201);

    const turfs = await owner.post(`/api/efforts/${effort.json.id}/turfs`, { by: 'zip', size: 50 });
    expect(turfs.status).toBe(201);
    expect(turfs.json.items.map((a: { name: string; size: number }) => [a.name, a.size]).sort()).toEqual([['94601', 5], ['94612', 10]]);
    // Cutting again finds nobody new.
    expect((await owner.post(`/api/efforts/${effort.json.id}/turfs`, { by: 'size', size: 10 })).json.items).toHaveLength(2);
    const turf = turfs.json.items.find((a: { name: string }) => a.name === '94612');
    // Not assigned yet: a viewer has no packet; once assigned, the volunteer has.
    expect((await volunteer.get(`/api/assignments/${turf.id}/packet`)).status).toBe(403);
    expect((await owner.put(`/api/assignments/${turf.id}/assignee`, { userId: volunteer.userId })).status).toBe(200);
    const packet = await volunteer.get(`/api/assignments/${turf.id}/packet`);
    expect(packet.status).toBe(200);
    expect(packet.json.contacts).toHaveLength(10);
    expect(packet.json.contacts[0].street).toMatch(/Oak St$/);
    expect(packet.json.effort.script.questions[0].prompt.es).toContain('renta');

    const [first, second] = packet.json.contacts;
    const attempts = [
      { id: randomUUID(), contactId: first.id, result: 'contacted', answers: { rent_burden: true, top_issue: 'housing', support: 5 }, madeAt: '2026-12-06T18:00:00Z' },
      { id: randomUUID(), contactId: second.id, result: 'not_home', madeAt: '2026-12-06T18:05:00Z' },
    ];
    const signup = { id: randomUUID(), firstName: 'Nueva', lastName: 'Vecina', phone: '510-555-0177', attended: true, madeAt: '2026-12-06T19:00:00Z' };
    // Sent three times (a phone retrying on a bad signal): stored once.
    const sent = [];
    for (let i = 0; i < 3; i++) sent.push(await volunteer.post(`/api/assignments/${turf.id}/attempts`, { attempts, signups: [signup] }));
    expect(sent.map((r) => r.json)).toEqual([
      { recorded: 3, alreadyRecorded: 0, signupsCreated: 1 }, { recorded: 0, alreadyRecorded: 3, signupsCreated: 0 }, { recorded: 0, alreadyRecorded: 3, signupsCreated: 0 }]);
    const bad = await volunteer.post(`/api/assignments/${turf.id}/attempts`, { attempts: [{ ...attempts[0], id: randomUUID(), answers: { top_issue: 'parking', support: 9 } }] });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['attempts[0].answers.support', 'attempts[0].answers.top_issue']);
    const stranger = await volunteer.post(`/api/assignments/${turf.id}/attempts`, { attempts: [{ ...attempts[1], id: randomUUID(), contactId: randomUUID() }] });
    expect(stranger.status).toBe(422);
    // A "sign-up" naming a contact that is not on this turf would put their details in the packet: refused.
    const other = turfs.json.items.find((a: { name: string }) => a.name === '94601');
    const otherContact = (await owner.get(`/api/assignments/${other.id}/packet`)).json.contacts[0];
    const smuggled = await volunteer.post(`/api/assignments/${turf.id}/attempts`, { signups: [{ ...signup, id: otherContact.id }] });
    expect(smuggled.status).toBe(422);
    expect(smuggled.json.errors[0].field).toBe('signups[0].id');
    expect((await volunteer.get(`/api/assignments/${turf.id}/packet`)).text).not.toContain(otherContact.id);
    // A sign-up the server cannot read is refused before anything is written.
    const unreadable = await volunteer.post(`/api/assignments/${turf.id}/attempts`, { signups: [{ ...signup, id: randomUUID(), phone: '12' }, { ...signup, id: randomUUID() }] });
    expect(unreadable.status).toBe(422);
    expect(unreadable.json.errors).toEqual([{ field: 'signups[0].phone', message: 'not a phone number' }]);

    const results = await owner.get(`/api/efforts/${effort.json.id}`);
    expect(results.json.results).toEqual(expect.arrayContaining([{ result: 'contacted', n: 1 }, { result: 'not_home', n: 1 }, { result: 'attended', n: 1 }]));
    expect(results.json.assignments.find((a: { id: string }) => a.id === turf.id)).toMatchObject({ size: 11, done: 3 });

    // Values-based segments and the last result.
    const count = async (definition: object) => (await countDefinition(t.db, actor, org.ownSpaceId!, definition as never)).count;
    expect(await count({ type: 'answer', question: 'top_issue', answer: 'housing' })).toBe(1);
    expect(await count({ type: 'answer', question: 'rent_burden', answer: 'true' })).toBe(1);
    expect(await count({ type: 'lastResult', result: 'not_home' })).toBe(1);
    expect(await count({ type: 'tag', tag: 'sign-in sheet' })).toBe(1);
    // The ladder moved with the results: a conversation makes a follower, a house meeting a contributor.
    expect(await count({ type: 'ladderStep', step: 'following' })).toBe(1);
    expect(await count({ type: 'ladderStep', step: 'contributing' })).toBe(1);

    // The alliance sees its target's progress per organization: counts, no contact.
    const progress = await coordinator.get(`/api/targets/${target.json.id}/progress`);
    expect(progress.status).toBe(200);
    expect(progress.json).toMatchObject({ goal: 500_000, total: 1, byOrganization: [{ organizationId: org.id, name: 'Tenants Together', count: 1 }] });
    expect(progress.text).not.toMatch(/Ten\d|Ant\d|Vecina|example\.org/);
    expect((await coordinator.get(`/api/efforts/${effort.json.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/assignments/${turf.id}/packet`)).status).toBe(404);
  });

  it('refuses a target of an alliance the organization is not an active member of', async () => {
    const other = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Other Alliance', kind: 'alliance' });
    const target = await owner.post(`/api/spaces/${other.ownSpaceId}/targets`, { name: 'Theirs', goal: 10 });
    const effort = await owner.post(`/api/spaces/${org.ownSpaceId}/efforts`, { name: 'Sneaky', kind: 'phone_bank', targetId: target.json.id });
    expect(effort.status).toBe(422);
    expect(effort.json.errors[0].field).toBe('targetId');
  });
});
