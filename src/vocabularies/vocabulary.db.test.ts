import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';

describe.each(ENGINES)('shared lists on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let member: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await signedIn(t, 'admin@example.org', { admin: true });
    member = await signedIn(t, 'member@example.org');
  });
  afterAll(async () => t?.close());

  it('answers lists and areas to signed-in callers only', async () => {
    const anonymous = new Client(t.app);
    for (const path of ['/api/vocabularies', '/api/areas/states', '/api/areas/counties?state=06']) {
      expect((await anonymous.get(path)).status, path).toBe(401);
      expect((await member.get(path)).status, path).toBe(200);
    }
  });

  it('starts with the defaults drawn from the seeds, in English and Spanish', async () => {
    const lists = (await member.get('/api/vocabularies')).json;
    expect(lists.capacity.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['base', 'research', 'policy', 'legal', 'communications', 'money', 'electoral', 'training']));
    expect(lists.issue.length).toBeGreaterThan(10);
    for (const term of [...lists.issue, ...lists.constituency]) expect(term.es.trim()).not.toBe('');
  });

  it('lets workspace administrators edit a list, and keeps terms still in use', async () => {
    const issues = (await admin.get('/api/vocabularies')).json.issue;
    expect((await member.put('/api/vocabularies/issue', { terms: issues })).status).toBe(403);

    const added = [...issues, { key: 'water_rights', en: 'Water rights', es: 'Derecho al agua' }];
    expect((await admin.put('/api/vocabularies/issue', { terms: added })).status).toBe(200);
    const alliance = (await admin.post('/api/organizations', { organization: { name: 'Alliance for Appalachia', kind: 'alliance', issues: ['water_rights'] } }));
    expect(alliance.status, alliance.text).toBe(201);

    const removing = await admin.put('/api/vocabularies/issue', { terms: issues });
    expect(removing.status).toBe(409);
    expect(removing.json.detail).toContain('water_rights');

    const duplicate = await admin.put('/api/vocabularies/issue', { terms: [...added, { key: 'water_rights', en: 'Again', es: 'Otra vez' }] });
    expect(duplicate.status).toBe(422);
    expect(duplicate.json.errors[0].field).toBe(`terms[${added.length}].key`);
    const missingSpanish = await admin.put('/api/vocabularies/issue', { terms: [{ key: 'x', en: 'X', es: '' }] });
    expect(missingSpanish.status).toBe(422);
    expect(missingSpanish.json.errors[0].field).toBe('terms[0].es');
    // Nothing changed by the refused requests.
    expect((await admin.get('/api/vocabularies')).json.issue).toHaveLength(added.length);
  });
});
