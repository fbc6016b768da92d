import { afterAll, beforeAll, describe } from 'vitest';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { ENGINES, type TestApp, testApp } from '../test-app.ts';
import { ALLIANCE_WORK_CASES, allianceWorkRecords } from './alliance-work.cases.ts';
import { type Callers, matrixTests, signInCallers } from './matrix.ts';

describe.each(ENGINES)('permission matrix: alliance work on %s', (engine) => {
  let t: TestApp;
  let clients: Callers;
  let n = 0;

  beforeAll(async () => {
    t = await testApp(engine);
    clients = await signInCallers(t, 'alliance-work');
    // The outsider owns a space of their own, which must not help them into anyone else's (and
    // gives their whole-field network something to show).
    await createOrganization(t.db, { userId: clients.outsider.userId!, isWorkspaceAdmin: true }, null,
      { name: 'Outsider Alliance', kind: 'alliance', sectors: [], issues: [], constituencies: [], capacities: [], location: {} });
  });
  afterAll(async () => t?.close());

  matrixTests(ALLIANCE_WORK_CASES, () => ({ t, clients, records: () => allianceWorkRecords(t, clients, ++n),
    leak: /Foreign (Alliance|Org|Partner|Campaign|Alert|Power Map|Stakeholder|Person|Import)/ }));
});
