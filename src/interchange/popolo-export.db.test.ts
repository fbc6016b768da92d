import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoWorkspace } from '../demo/load-demo.ts';
import { havePopolo, POPOLO_DIR, popoloErrors } from '../../test/popolo-schemas.ts';
import { Client, type TestApp, testApp } from '../../test/test-app.ts';

if (!havePopolo) console.warn(`Skipping the Popolo schema check: the conformance data is expected at ${POPOLO_DIR}.`);

describe.skipIf(!havePopolo)('Popolo export of the demo workspace', () => {
  let t: TestApp;
  let coordinator: Client;
  beforeAll(async () => {
    t = await testApp();
    await loadDemoWorkspace(t.deps);
    coordinator = new Client(t.app);
    await coordinator.post('/api/auth/login', { email: DEMO_USERS.coordinator.email, password: DEMO_PASSWORD });
  });
  afterAll(async () => t?.close());

  it('validates every object against the Popolo schemas, for every alliance space', async () => {
    const me = (await coordinator.get('/api/me')).json;
    const alliances = me.spaces.filter((s: { kind: string }) => s.kind === 'alliance');
    expect(alliances.length).toBeGreaterThan(5);
    let objects = 0;
    for (const space of alliances) {
      const doc = (await coordinator.get(`/api/spaces/${space.id}/export?format=popolo`)).json;
      const errors = [
        ...doc.organizations.flatMap((o: unknown) => popoloErrors('organization', o)),
        ...doc.persons.flatMap((p: unknown) => popoloErrors('person', p)),
        ...doc.memberships.flatMap((m: unknown) => popoloErrors('membership', m)),
        ...doc.areas.flatMap((a: unknown) => popoloErrors('area', a)),
      ];
      expect(errors, space.name).toEqual([]);
      objects += doc.organizations.length + doc.memberships.length + doc.areas.length;
    }
    expect(objects).toBeGreaterThan(50);
  });

  it('would catch a broken object', () => {
    expect(popoloErrors('membership', { organization_id: 42, start_date: 'last spring' })).not.toEqual([]);
  });
});
