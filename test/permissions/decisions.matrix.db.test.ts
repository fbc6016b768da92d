import { afterAll, beforeAll, describe } from 'vitest';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { ENGINES, type TestApp, testApp } from '../test-app.ts';
import { DECISIONS_CASES, decisionRecords } from './decisions.cases.ts';
import { type Callers, matrixTests, signInCallers } from './matrix.ts';

describe.each(ENGINES)('permission matrix: decisions on %s', (engine) => {
  let t: TestApp;
  let clients: Callers;
  let n = 0;

  beforeAll(async () => {
    t = await testApp(engine);
    clients = await signInCallers(t, 'decisions');
    // The outsider owns a space of their own, which must not help them into anyone else's.
    await createOrganization(t.db, { userId: clients.outsider.userId!, isWorkspaceAdmin: true }, null,
      { name: 'Outsider Alliance', kind: 'alliance', sectors: [], issues: [], constituencies: [], capacities: [], location: {} });
  });
  afterAll(async () => t?.close());

  matrixTests(DECISIONS_CASES, () => ({ t, clients, records: () => decisionRecords(t, clients, ++n), leak: /Foreign (Alliance|Org|Person|Proposal|Vote|Decision|Committee)/ }));
});
