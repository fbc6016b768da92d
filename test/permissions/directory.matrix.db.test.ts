import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { ENGINES, type TestApp, testApp } from '../test-app.ts';
import { DIRECTORY_CASES, directoryRecords, orgBody } from './directory.cases.ts';
import { bystander, type Callers, matrixTests, signInCallers } from './matrix.ts';

describe.each(ENGINES)('permission matrix: directory on %s', (engine) => {
  let t: TestApp;
  let clients: Callers;
  let n = 0;
  let outsiderSpaceId: string;
  let someoneElse: { id: string; email: string };
  const foreignRecords = () => directoryRecords(t, clients, someoneElse, ++n);
  const ungrantedRecords = () => directoryRecords(t, clients, someoneElse, ++n, []);

  beforeAll(async () => {
    t = await testApp(engine);
    clients = await signInCallers(t, 'directory');
    someoneElse = await bystander(t, 'directory');
    // The outsider owns a space of their own, which must not help them into anyone else's.
    const outsiderAlliance = await createOrganization(t.db, { userId: clients.outsider.userId!, isWorkspaceAdmin: true }, null,
      { name: 'Outsider Alliance', kind: 'alliance', sectors: [], issues: [], constituencies: [], capacities: [], location: {} });
    outsiderSpaceId = outsiderAlliance.ownSpaceId!;
  });
  afterAll(async () => t?.close());

  matrixTests(DIRECTORY_CASES, () => ({ t, clients, records: foreignRecords, leak: /Foreign (Org|Person)/ }));

  it('keeps foreign records out of directory and people searches', async () => {
    await ungrantedRecords();
    const name = `Foreign Org ${n}`;
    const directory = await clients.outsider.get(`/api/organizations?q=${encodeURIComponent(name)}`);
    expect(directory.status).toBe(200);
    expect(directory.json.items.filter((o: { name: string }) => o.name === name)).toEqual([]);
    const viewerSees = await clients.viewer.get('/api/organizations?q=Foreign%20Org');
    expect(viewerSees.json.total).toBeGreaterThan(0);
  });

  it('lets a profile grant show the profile, not the people, and stops at revocation', async () => {
    const r = await ungrantedRecords();
    const given = await clients.owner.post(`/api/spaces/${r.spaceId}/grants`, { toSpaceId: outsiderSpaceId, scope: 'profile' });
    expect(given.status).toBe(201);
    expect((await clients.outsider.get(`/api/organizations/${r.orgId}`)).status).toBe(200);
    const inDirectory = async () => (await clients.outsider.get(`/api/organizations?q=${encodeURIComponent(`Foreign Org ${n}`)}`)).json.total;
    expect(await inDirectory()).toBe(1);
    expect((await clients.outsider.put(`/api/organizations/${r.orgId}`, orgBody)).status).toBe(403);
    expect((await clients.outsider.get(`/api/people/${r.personId}`)).status).toBe(404);
    expect((await clients.outsider.get(`/api/spaces/${r.spaceId}/people`)).status).toBe(404);
    expect((await clients.owner.delete(`/api/grants/${given.json.id}`)).status).toBe(200);
    expect((await clients.outsider.get(`/api/organizations/${r.orgId}`)).status).toBe(404);
    // Revoking takes effect at once, cached directory pages included.
    expect(await inDirectory()).toBe(0);
  });
});
