import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, ORIGIN, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { createList } from '../contacts/segment.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';

// The OSDI server as an Action Network client would use it, checked against the specification
// pages in ../shared/conformance/osdi/spec: the entry point's links, paging, the filter, the
// person signup helper (idempotent by email), tags, taggings, lists and items, osdi:error bodies,
// and a token that opens one organization's contacts and no one else's.
const SPEC = path.resolve(process.cwd(), '../shared/conformance/osdi/spec');
const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };

describe.each(ENGINES)('the OSDI server on %s', (engine) => {
  let t: TestApp;
  let actor: Actor;
  let spaceId: string;
  let otherSpaceId: string;
  let orgId: string;
  let otherOrgId: string;
  let token: string;
  let otherToken: string;
  let owner: Awaited<ReturnType<typeof signedIn>>;
  const osdi = async (method: string, p: string, body?: unknown, key = token) => {
    const res = await t.app.request(`${ORIGIN}/api/osdi/v1${p}`, {
      method, headers: { 'osdi-api-token': key, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), json: text ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    t = await testApp(engine);
    owner = await signedIn(t, 'osdi@example.org', { admin: true });
    actor = { userId: owner.userId, isWorkspaceAdmin: true };
    const org = await createOrganization(t.db, actor, null, { ...BLANK, name: 'OSDI Org', kind: 'base_building' }, { ownSpace: true });
    const other = await createOrganization(t.db, actor, null, { ...BLANK, name: 'Other Org', kind: 'union' }, { ownSpace: true });
    [orgId, spaceId, otherOrgId, otherSpaceId] = [org.id, org.ownSpaceId!, other.id, other.ownSpaceId!];
    const rows = Array.from({ length: 60 }, (_, i) => `Given${i},Family${String(i).padStart(2, '0')},p${i}@osdi.example,${i % 2 ? 'door' : ''}`);
    await (await startContactImport(t.db, t.deps.box, actor, spaceId, { source: textSource(['first_name,last_name,email,tags', ...rows].join('\n')) })).done;
    await (await startContactImport(t.db, t.deps.box, actor, otherSpaceId, { source: textSource('first_name,last_name,email\nSecret,Member,secret@other.example') })).done;
    token = (await owner.post(`/api/spaces/${spaceId}/osdi-tokens`, { label: 'Action Network' })).json.token;
    otherToken = (await owner.post(`/api/spaces/${otherSpaceId}/osdi-tokens`, { label: 'Other' })).json.token;
  });
  afterAll(async () => t?.close());

  it('answers the entry point with the links of the specification', async () => {
    const res = await osdi('GET', '');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/hal\+json/);
    expect(res.json).toMatchObject({ osdi_version: '1.0', max_pagesize: 100 });
    for (const rel of ['self', 'osdi:people', 'osdi:tags', 'osdi:lists', 'osdi:person_signup_helper']) expect(res.json._links[rel].href).toMatch(/^http:\/\/crossroads\.test\/api\/osdi\/v1/);
    expect(res.json._links.curies[0]).toMatchObject({ name: 'osdi', templated: true });
    if (existsSync(SPEC)) {
      // Every link we give is one the specification names (the entry point's page, or the resource's own page).
      const spec = readdirSync(SPEC).map((f) => readFileSync(path.join(SPEC, f), 'utf8')).join('\n');
      for (const rel of Object.keys(res.json._links)) expect(spec, rel).toContain(rel.startsWith('osdi:') ? rel : `"${rel}"`);
    }
  });

  it('pages through people with page, per_page, total_pages and total_records', async () => {
    const first = await osdi('GET', '/people?per_page=25');
    expect(first.json).toMatchObject({ total_records: 60, total_pages: 3, per_page: 25, page: 1 });
    expect(first.json._embedded['osdi:people']).toHaveLength(25);
    expect(first.json._links['osdi:people']).toHaveLength(25);
    const person = first.json._embedded['osdi:people'][0];
    expect(person).toMatchObject({ given_name: 'Given0', family_name: 'Family00', email_addresses: [{ primary: true, address: 'p0@osdi.example' }] });
    expect(person.identifiers[0]).toMatch(/^crossroads:[0-9a-f-]{36}$/);
    expect(person.modified_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const seen = new Set<string>();
    let next: string | undefined = first.json._links.self.href;
    while (next) {
      const page = await osdi('GET', next.replace(`${ORIGIN}/api/osdi/v1`, ''));
      for (const p of page.json._embedded['osdi:people']) seen.add(p.identifiers[0]);
      next = page.json._links.next?.href;
    }
    expect(seen.size).toBe(60);
    expect((await osdi('GET', '/people?per_page=101')).status).toBe(400);
  });

  it('filters people by modified_date and by email address', async () => {
    const future = await osdi('GET', `/people?filter=${encodeURIComponent("modified_date gt '2999-01-01T00:00:00Z'")}`);
    expect(future.json.total_records).toBe(0);
    const past = await osdi('GET', `/people?filter=${encodeURIComponent("modified_date gt '2000-01-01'")}`);
    expect(past.json.total_records).toBe(60);
    expect(past.json._links.next.href).toContain('filter=');
    const byEmail = await osdi('GET', `/people?filter=${encodeURIComponent("email_address eq 'P7@osdi.example'")}`);
    expect(byEmail.json._embedded['osdi:people'].map((p: { given_name: string }) => p.given_name)).toEqual(['Given7']);
    const unsupported = await osdi('GET', `/people?filter=${encodeURIComponent("gender eq 'Male'")}`);
    expect(unsupported.status).toBe(400);
    expect(unsupported.json['osdi:error']).toMatchObject({ request_type: 'atomic', response_code: 400 });
  });

  it('signs a person up once however often the helper is called, adding tags', async () => {
    const body = { person: { given_name: 'Labadie', family_name: 'Edwin', email_addresses: [{ address: 'Test-3@Example.com', primary: true }],
      postal_addresses: [{ primary: true, address_lines: ['935 Ed Lock'], locality: 'New Dudley', region: 'MN', postal_code: '55101' }],
      phone_numbers: [{ primary: true, number: 16125550123 }] }, add_tags: ['volunteer'] };
    const first = await osdi('POST', '/people/person_signup', body);
    expect(first.status).toBe(201);
    const second = await osdi('POST', '/people/person_signup', { ...body, person: { ...body.person, email_addresses: [{ address: 'test-3@example.com' }], given_name: 'Edwin' }, add_tags: ['donor'] });
    expect(second.status).toBe(200);
    expect(second.json.identifiers[0]).toBe(first.json.identifiers[0]);
    expect(second.json).toMatchObject({ given_name: 'Edwin', postal_addresses: [{ locality: 'New Dudley', region: 'MN', postal_code: '55101' }] });
    const id = first.json.identifiers[0].split(':')[1];
    const taggings = await osdi('GET', `/people/${id}/taggings`);
    expect(taggings.json.total_records).toBe(2);
    // Without email or phone, the other system's identifier finds the person again.
    const byId = { person: { identifiers: ['action_network:abc-123'], given_name: 'Solo', family_name: 'Identifier' } };
    expect((await osdi('POST', '/people/person_signup', byId)).status).toBe(201);
    expect((await osdi('POST', '/people/person_signup', byId)).status).toBe(200);
    const all = await osdi('GET', '/people?per_page=1');
    expect(all.json.total_records).toBe(62);
    for (const person of [{ email_addresses: 'x@example.org' }, { given_name: 5 }, { postal_addresses: [null] }, 'nobody']) {
      const shaped = await osdi('POST', '/people/person_signup', { person });
      expect(shaped.status, JSON.stringify(person)).toBe(400);
      expect(shaped.json['osdi:error'].response_code).toBe(400);
    }
    const bad = await osdi('POST', '/people/person_signup', { person: { given_name: 'X', email_addresses: [{ address: 'not an email' }] } });
    expect(bad.status).toBe(400);
    expect(bad.json['osdi:error'].resource_status[0].error_descriptions[0].properties).toEqual(['email_addresses']);
  });

  it('lists tags, their taggings, and tags and untags a person', async () => {
    const tags = await osdi('GET', '/tags');
    const door = tags.json._embedded['osdi:tags'].find((x: { name: string }) => x.name === 'door');
    const tagId = door.identifiers[0].split(':')[1];
    const taggings = await osdi('GET', `/tags/${tagId}/taggings?per_page=100`);
    expect(taggings.json.total_records).toBe(30);
    const someone = (await osdi('GET', `/people?filter=${encodeURIComponent("email_address eq 'p0@osdi.example'")}`)).json._embedded['osdi:people'][0];
    const personId = someone.identifiers[0].split(':')[1];
    expect((await osdi('POST', `/tags/${tagId}/taggings`, { _links: { 'osdi:person': { href: `${ORIGIN}/api/osdi/v1/people/${personId}` } } })).status).toBe(201);
    expect((await osdi('GET', `/tags/${tagId}/taggings`)).json.total_records).toBe(31);
    expect((await osdi('DELETE', `/tags/${tagId}/taggings/${personId}`)).status).toBe(204);
    expect((await osdi('GET', `/tags/${tagId}/taggings`)).json.total_records).toBe(30);
  });

  it('lists lists and their items', async () => {
    const someone = (await osdi('GET', '/people?per_page=2')).json._embedded['osdi:people'].map((p: { identifiers: string[] }) => p.identifiers[0]!.split(':')[1]!);
    const listId = await createList(t.db, actor, spaceId, { name: 'Phone bank', contactIds: someone });
    const lists = await osdi('GET', '/lists');
    expect(lists.json._embedded['osdi:lists'][0]).toMatchObject({ name: 'Phone bank', total_items: 2 });
    const items = await osdi('GET', `/lists/${listId}/items`);
    expect(items.json.total_records).toBe(2);
    expect(items.json._embedded['osdi:items'][0]._links['osdi:person'].href).toMatch(/\/people\/[0-9a-f-]{36}$/);
  });

  it('answers canvassing efforts, their canvasses, questions and answers from the field', async () => {
    const effort = await owner.post(`/api/spaces/${spaceId}/efforts`, { name: 'Phone bank', kind: 'phone_bank', script: { questions: [
      { key: 'will_vote', type: 'yes_no', prompt: { en: 'Will you vote?', es: '¿Va a votar?' } }] } });
    const [turf] = (await owner.post(`/api/efforts/${effort.json.id}/turfs`, { by: 'size', size: 100 })).json.items;
    const packet = await owner.get(`/api/assignments/${turf.id}/packet`);
    const [a, b] = packet.json.contacts;
    const sync = await owner.post(`/api/assignments/${turf.id}/attempts`, { attempts: [
      { id: crypto.randomUUID(), contactId: a.id, result: 'contacted', answers: { will_vote: true }, madeAt: '2026-11-01T18:00:00Z' },
      { id: crypto.randomUUID(), contactId: b.id, result: 'wrong_number', madeAt: '2026-11-01T18:05:00Z' }] });
    expect(sync.json.recorded).toBe(2);
    const efforts = await osdi('GET', '/canvassing_efforts');
    expect(efforts.json._embedded['osdi:canvassing_efforts'][0]).toMatchObject({ name: 'Phone bank', type: 'phone banking', total_canvasses: 2 });
    const canvasses = await osdi('GET', `/canvassing_efforts/${effort.json.id}/canvasses`);
    expect(canvasses.json._embedded['osdi:canvasses'].map((x: { success: boolean; status_code: string; contact_type: string }) => [x.success, x.status_code, x.contact_type]))
      .toEqual([[true, 'success', 'phone'], [false, 'wrong-number', 'phone']]);
    const questions = await osdi('GET', '/questions');
    const question = questions.json._embedded['osdi:questions'][0];
    expect(question).toMatchObject({ name: 'will_vote', title: 'Will you vote?', question_type: 'SingleChoice', responses: [{ key: 'true' }, { key: 'false' }] });
    const answers = await osdi('GET', `/questions/${question.identifiers[0].split(':')[1]}/answers`);
    expect(answers.json._embedded['osdi:answers']).toEqual([expect.objectContaining({ responses: ['true'], _links: expect.objectContaining({ 'osdi:person': { href: `${ORIGIN}/api/osdi/v1/people/${a.id}` } }) })]);
    expect((await osdi('GET', '/questions/not-a-question/answers')).status).toBe(404);
    expect((await osdi('GET', '/canvassing_efforts', undefined, otherToken)).json.total_records).toBe(0);
  });

  it("never opens another organization's contacts, and stops a token whose maker left or that was revoked", async () => {
    const theirs = await osdi('GET', '/people', undefined, otherToken);
    expect(theirs.json.total_records).toBe(1);
    const secretId = theirs.json._embedded['osdi:people'][0].identifiers[0].split(':')[1];
    expect((await osdi('GET', `/people/${secretId}`)).status).toBe(404);
    const mine = await osdi('GET', '/people?per_page=100');
    expect(JSON.stringify(mine.json)).not.toContain('secret@other.example');
    expect((await osdi('GET', '/people', undefined, 'osdi_not-a-token')).status).toBe(401);
    expect((await osdi('GET', '/people', undefined, '')).status).toBe(401);
    // A session cookie is no key here.
    expect((await owner.get('/api/osdi/v1/people')).status).toBe(401);
    const made = await owner.post(`/api/spaces/${otherSpaceId}/osdi-tokens`, { label: 'Leaving' });
    await upsertRole(t.db, otherSpaceId, owner.userId, 'member');
    expect((await osdi('GET', '/people', undefined, made.json.token)).status).toBe(401);
    await upsertRole(t.db, otherSpaceId, owner.userId, 'owner');
    expect((await osdi('GET', '/people', undefined, made.json.token)).status).toBe(200);
    expect((await owner.delete(`/api/osdi-tokens/${made.json.id}`)).status).toBe(200);
    expect((await osdi('GET', '/people', undefined, made.json.token)).status).toBe(401);
  });

  it('answers the organization\'s convenings as events and records attendance, the helper matching people by email', async () => {
    const meeting = { kind: 'house_meeting', startsAt: '2026-11-07T18:00', endsAt: '2026-11-07T20:00', timeZone: 'America/Los_Angeles' };
    const event = (await owner.post(`/api/organizations/${orgId}/convenings`, { ...meeting, title: 'House meeting on Elm', place: 'Community hall' })).json;
    const theirs = (await owner.post(`/api/organizations/${otherOrgId}/convenings`, { ...meeting, title: 'Their meeting' })).json;
    const events = await osdi('GET', '/events');
    expect(events.json).toMatchObject({ total_records: 1, page: 1 });
    expect(events.json._embedded['osdi:events'][0]).toMatchObject({ title: 'House meeting on Elm', type: 'open', status: 'confirmed',
      start_date: '2026-11-07T18:00:00-08:00', end_date: '2026-11-07T20:00:00-08:00', timezone_identifier: 'America/Los_Angeles', total_accepted: 0, location: { venue: 'Community hall' } });
    expect(events.json._embedded['osdi:events'][0]._links['osdi:record_attendance_helper'].href).toMatch(new RegExp(`/events/${event.id}/record_attendance_helper$`));
    expect((await osdi('GET', `/events/${theirs.id}`)).status).toBe(404);
    expect((await osdi('GET', `/events/${event.id}`, undefined, otherToken)).status).toBe(404);

    // The helper finds Given3 by email (case and spaces aside), twice, and records one attendance.
    const helper = { person: { email_addresses: [{ address: ' P3@OSDI.example' }] }, status: 'accepted', attended: true };
    const first = await osdi('POST', `/events/${event.id}/record_attendance_helper`, helper);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'accepted', attended: true });
    const again = await osdi('POST', `/events/${event.id}/record_attendance_helper`, helper);
    expect(again.json.identifiers).toEqual(first.json.identifiers);
    const person = await osdi('GET', first.json._links['osdi:person'].href.replace(/^.*\/api\/osdi\/v1/, ''));
    expect(person.json.given_name).toBe('Given3');

    // An attendance linked to a person by its URL; registered (no attended) until the day.
    const people = (await osdi('GET', '/people?per_page=5')).json._embedded['osdi:people'];
    const linked = await osdi('POST', `/events/${event.id}/attendances`, { _links: { 'osdi:person': { href: people[0]._links.self.href } } });
    expect(linked.status).toBe(201);
    expect(linked.json.attended).toBeUndefined();
    const list = await osdi('GET', `/events/${event.id}/attendances`);
    expect(list.json.total_records).toBe(2);
    expect((await osdi('GET', `/events/${event.id}`)).json.total_accepted).toBe(2);
    expect((await osdi('GET', linked.json._links.self.href.replace(/^.*\/api\/osdi\/v1/, ''))).json.identifiers).toEqual(linked.json.identifiers);

    // Refused: a declined RSVP, someone else's person, another organization's event.
    const declined = await osdi('POST', `/events/${event.id}/attendances`, { status: 'declined', _links: { 'osdi:person': { href: people[0]._links.self.href } } });
    expect(declined.status).toBe(400);
    expect(declined.json['osdi:error'].resource_status[0].error_descriptions[0]).toMatchObject({ error_code: 'INVALID', properties: ['status'] });
    const secret = (await t.db.selectFrom('contacts').select('id').where('space_id', '=', otherSpaceId).executeTakeFirstOrThrow()).id;
    expect((await osdi('POST', `/events/${event.id}/attendances`, { _links: { 'osdi:person': { href: `http://x/people/${secret}` } } })).status).toBe(404);
    expect((await osdi('POST', `/events/${theirs.id}/record_attendance_helper`, helper)).status).toBe(404);
    expect((await osdi('GET', `/events/${event.id}/attendances`, undefined, otherToken)).status).toBe(404);
  });

  it('answers the organization\'s gifts as osdi:donations, a refund as a credit, and no one else\'s', async () => {
    const people = (await osdi('GET', '/people?per_page=2')).json._embedded['osdi:people'];
    const donor = people[0]._links.self.href.replace(/^.*\/people\//, '');
    const gift = (await owner.post(`/api/spaces/${spaceId}/donations`, { contactId: donor, amountMinor: 2_550, receivedOn: '2025-04-01', method: 'card', receiptId: 'R-9', appeal: 'sms-blast' })).json;
    await owner.put(`/api/donations/${gift.id}/refund`, { refundedOn: '2025-04-03' });
    const list = await osdi('GET', '/donations');
    expect(list.json.total_records).toBe(1);
    expect(list.json._embedded['osdi:donations'][0]).toMatchObject({ amount: 25.5, currency: 'USD', action_date: '2025-04-01T00:00:00Z', recipients: [{ display_name: 'OSDI Org', amount: 25.5 }],
      payment: { method: 'Credit Card', reference_number: 'R-9' }, credited_amount: 25.5, credited_date: '2025-04-03T00:00:00Z', referrer_data: { source: 'sms-blast' } });
    expect(list.json._embedded['osdi:donations'][0]._links['osdi:person'].href).toMatch(new RegExp(`/people/${donor}$`));
    expect((await osdi('GET', '')).json._links['osdi:donations'].href).toMatch(/\/donations$/);
    expect((await osdi('GET', '/donations', undefined, otherToken)).json.total_records).toBe(0);
    expect((await osdi('GET', `/donations/${gift.id}`, undefined, otherToken)).status).toBe(404);
    expect((await osdi('GET', `/donations/${gift.id}`)).json.identifiers).toEqual([`crossroads:${gift.id}`]);
  });
});
