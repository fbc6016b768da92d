import { afterAll, beforeAll, describe } from 'vitest';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { ENGINES, type TestApp, testApp } from '../test-app.ts';
import { CONVENINGS_PLANS_CASES, conveningPlanRecords } from './convenings-plans.cases.ts';
import { type Callers, matrixTests, signInCallers } from './matrix.ts';

describe.each(ENGINES)('permission matrix: convenings and plans on %s', (engine) => {
  let t: TestApp;
  let clients: Callers;
  let n = 0;

  beforeAll(async () => {
    t = await testApp(engine);
    clients = await signInCallers(t, 'convenings-plans');
    // The outsider owns a space of their own, which must not help them into anyone else's.
    await createOrganization(t.db, { userId: clients.outsider.userId!, isWorkspaceAdmin: true }, null,
      { name: 'Outsider Alliance', kind: 'alliance', sectors: [], issues: [], constituencies: [], capacities: [], location: {} });
  });
  afterAll(async () => t?.close());

  matrixTests(CONVENINGS_PLANS_CASES, () => ({ t, clients, records: () => conveningPlanRecords(t, clients, ++n), leak: /Foreign (Alliance|Convening|Participant|Session|Goal|Proposal|Follow-up|Plan|Area|Activity|Org|Hall|Facilitator)/ }));
});
