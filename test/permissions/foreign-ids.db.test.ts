import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRole } from '../../src/spaces/roles.ts';
import { ENGINES, type TestApp, testApp } from '../test-app.ts';
import { ALLIANCE_WORK_CASES, allianceWorkRecords } from './alliance-work.cases.ts';
import { CEMENT_CASES, cementRecords } from './cement.cases.ts';
import { CONVENINGS_PLANS_CASES, conveningPlanRecords } from './convenings-plans.cases.ts';
import { DECISIONS_CASES, decisionRecords } from './decisions.cases.ts';
import { DIRECTORY_CASES, directoryRecords } from './directory.cases.ts';
import { bystander, type Callers, expected, method, type RouteCase, signInCallers } from './matrix.ts';

// Ids inside request bodies, as an attacker would send them: every case of the permission matrix
// whose body names records (an organization, a person, a goal, a session item…) is sent by a
// caller entitled to the route, with each of those ids swapped for the same kind of record in a
// space the caller has no role in. The record in the path is the caller's own; the foreign id
// must be refused (4xx, never 2xx or 5xx) and nothing written.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Ids a body may name in a space the caller does not belong to, and why.
const MAY_NAME_FOREIGN: Record<string, string> = {
  'POST /api/spaces/{id}/grants': 'a grant names the space it shares with, which the granting admin need not belong to',
};

type Suite = { part: string; cases: RouteCase<never>[]; records: (t: TestApp, clients: Callers, n: number) => Promise<Record<string, unknown>> };

const SUITES: Suite[] = [
  { part: 'directory', cases: DIRECTORY_CASES as RouteCase<never>[],
    records: async (t, clients, n) => directoryRecords(t, clients, await bystander(t, `foreign-${n}`), n) as unknown as Record<string, unknown> },
  { part: 'decisions', cases: DECISIONS_CASES as RouteCase<never>[], records: decisionRecords as unknown as Suite['records'] },
  { part: 'convenings and plans', cases: CONVENINGS_PLANS_CASES as RouteCase<never>[], records: conveningPlanRecords as unknown as Suite['records'] },
  { part: 'alliance work', cases: ALLIANCE_WORK_CASES as RouteCase<never>[], records: allianceWorkRecords as unknown as Suite['records'] },
  { part: 'cement', cases: CEMENT_CASES as RouteCase<never>[], records: cementRecords as unknown as Suite['records'] },
];

describe.each(ENGINES)('foreign ids in request bodies on %s', (engine) => {
  let t: TestApp;
  let clients: Callers;
  let n = 1000;
  beforeAll(async () => {
    t = await testApp(engine);
    clients = await signInCallers(t, 'foreign-ids');
  });
  afterAll(async () => t?.close());

  const callerIds = () => (['owner', 'admin', 'member', 'viewer'] as const).map((c) => clients[c].userId!);
  const roles = async () => (await t.db.selectFrom('space_roles').select(['space_id', 'user_id']).where('user_id', 'in', callerIds()).execute())
    .map((r) => `${r.space_id}/${r.user_id}`);

  /** Records like `records()` makes, in spaces where no caller keeps a role. */
  async function foreignRecords(suite: Suite) {
    const before = new Set(await roles());
    const made = await suite.records(t, clients, ++n);
    for (const pair of (await roles()).filter((p) => !before.has(p))) {
      const [spaceId, userId] = pair.split('/');
      await t.db.deleteFrom('space_roles').where('space_id', '=', spaceId!).where('user_id', '=', userId!).execute();
    }
    return made;
  }
  const auditBy = async (userId: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from audit_log where user_id = ${userId}`.execute(t.db)).rows[0]!.n);

  for (const suite of SUITES) {
    it(`${suite.part}: a record of another space named in a body is refused`, async () => {
      const wrong: string[] = [];
      let tried = 0;
      for (const c of suite.cases.filter((c) => c.body && !(c.route in MAY_NAME_FOREIGN))) {
        const mine = await suite.records(t, clients, ++n);
        const keys = Object.keys(mine).filter((k) => typeof mine[k] === 'string' && UUID.test(mine[k] as string));
        const bodyText = JSON.stringify(c.body!(mine as never));
        const named = keys.filter((k) => bodyText.includes(mine[k] as string));
        if (named.length === 0) continue;
        const theirs = await foreignRecords(suite);
        const caller = c.need as SpaceRole;
        const client = clients[caller];
        for (const key of named) {
          tried += 1;
          const swapped = JSON.parse(bodyText.split(mine[key] as string).join(theirs[key] as string));
          const auditBefore = await auditBy(client.userId!);
          const res = await client.request(method(c as RouteCase<unknown>), c.path(mine as never), swapped);
          const wrote = (await auditBy(client.userId!)) !== auditBefore;
          if (res.status < 400 || res.status >= 500 || wrote) {
            wrong.push(`${c.route} (${c.name}) with a foreign ${key}: ${res.status}${wrote ? ', and it wrote' : ''} ${res.text.slice(0, 120)}`);
          }
        }
        // The same body with the caller's own ids is allowed: the refusal above is about the foreign id.
        const legit = await client.request(method(c as RouteCase<unknown>), c.path(mine as never), JSON.parse(bodyText));
        if (legit.status !== expected(c, caller)) wrong.push(`${c.route} (${c.name}) with its own ids: ${legit.status}, want ${expected(c, caller)}`);
      }
      expect(tried).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });
  }
});
