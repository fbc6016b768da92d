// The permission matrix: every route × every role × a record in a space the callers are given
// roles in. The caller's role in the record's space decides; a caller with no role there gets
// 404 (no leak of existence), not 403; a caller who is not signed in gets 401. Every write a
// caller is allowed to make leaves an audit entry in that caller's name.
//
// Each `*.cases.ts` module lists the routes of a part of the API with a fixture that makes
// fresh records; each `*.matrix.db.test.ts` runs one of them; coverage.test.ts checks that
// every route of the OpenAPI document is in one of them (or exempt, with the reason).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/accounts.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import type { Actor } from '../../src/spaces/access.ts';
import { type GrantScope, roleAtLeast, type SpaceRole } from '../../src/spaces/roles.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import { grant } from '../../src/spaces/spaces.service.ts';
import { Client, ENGINES, signedIn, type TestApp, testApp } from '../test-app.ts';

export type Caller = SpaceRole | 'outsider' | 'anonymous';
export const CALLERS: Caller[] = ['owner', 'admin', 'member', 'viewer', 'outsider', 'anonymous'];
export type Callers = Record<Caller, Client & { userId?: string }>;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteCase<R> {
  /** The route as the OpenAPI document names it, e.g. `POST /api/alliances/{id}/proposals`. */
  route: string;
  name: string;
  path: (r: R) => string;
  body?: (r: R) => unknown;
  /** The least role in the record's space that may call it. */
  need: SpaceRole;
  ok: number;
  /** When the rule is not a role alone (e.g. only a seated representative may vote): the status per caller. */
  expect?: Partial<Record<Caller, number>>;
  /** A state-changing route that stores nothing (a preview, a job), so leaves no audit entry. */
  writesNothing?: true;
  /** What a refused or outside caller must not see, when it is narrower than the suite's (e.g. the profiles a grant shares may show). */
  leak?: RegExp;
}

export const method = (c: RouteCase<unknown>) => c.route.split(' ')[0]!;

export function expected(c: RouteCase<never>, caller: Caller): number {
  const special = c.expect?.[caller];
  if (special !== undefined) return special;
  if (caller === 'anonymous') return 401;
  if (caller === 'outsider') return 404;
  return roleAtLeast(caller, c.need) ? c.ok : 403;
}

/** Signed-in clients for every caller (the owner is a workspace admin, to set records up), and an anonymous one. */
export async function signInCallers(t: TestApp, tag: string): Promise<Callers> {
  const clients = {} as Callers;
  for (const caller of CALLERS.filter((c) => c !== 'anonymous')) {
    clients[caller] = await signedIn(t, `${caller}-${tag}@example.org`, { admin: caller === 'owner' });
  }
  clients.anonymous = new Client(t.app);
  return clients;
}

/** A signed-in user with no role anywhere yet, for routes that name another account. */
export async function bystander(t: TestApp, tag: string) {
  const email = `bystander-${tag}@example.org`;
  return { id: (await createUser(t.db, { email, displayName: 'Bystander', password: 'a long enough password' })).id, email };
}

/** The fields of an organization a fixture leaves empty. */
export const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };

/**
 * A fresh alliance with its shared space, where the admin, member and viewer callers hold those
 * roles (the owner made it). With `outsiderGrants`, the outsider holds a role in a neighbouring
 * alliance that this one shares everything a grant can share with (its profile, representatives
 * and people), or the scopes listed: the space's own work must still be invisible to them.
 */
export async function foreignAlliance(t: TestApp, clients: Callers, n: number, options: { outsiderGrants?: boolean | GrantScope[] } = {}) {
  const owner: Actor = { userId: clients.owner.userId!, isWorkspaceAdmin: true };
  const alliance = await createOrganization(t.db, owner, null, { ...BLANK, name: `Foreign Alliance ${n}`, kind: 'alliance' });
  const spaceId = alliance.ownSpaceId!;
  for (const role of ['admin', 'member', 'viewer'] as const) await upsertRole(t.db, spaceId, clients[role].userId!, role);
  if (options.outsiderGrants) {
    const neighbor = await createOrganization(t.db, owner, null, { ...BLANK, name: `Neighbor Alliance ${n}`, kind: 'alliance' });
    await upsertRole(t.db, neighbor.ownSpaceId!, clients.outsider.userId!, 'member');
    const scopes = Array.isArray(options.outsiderGrants) ? options.outsiderGrants : (['profile', 'representatives', 'people'] as const);
    for (const scope of scopes) await grant(t.db, owner, spaceId, neighbor.ownSpaceId!, scope);
  }
  return { owner, alliance, spaceId };
}

/**
 * The matrix of one part of the API on every engine: callers signed in, the outsider owning an
 * alliance of its own (which must not help them into anyone else's), fresh records per call.
 */
export function matrixSuite<R>(part: string, cases: RouteCase<R>[], records: (t: TestApp, clients: Callers, n: number) => Promise<R>, leak: RegExp) {
  describe.each(ENGINES)(`permission matrix: ${part} on %s`, (engine) => {
    let t: TestApp;
    let clients: Callers;
    let n = 0;
    beforeAll(async () => {
      t = await testApp(engine);
      clients = await signInCallers(t, part.replace(/\W+/g, '-'));
      await createOrganization(t.db, { userId: clients.outsider.userId!, isWorkspaceAdmin: true }, null, { ...BLANK, name: 'Outsider Alliance', kind: 'alliance' });
    });
    afterAll(async () => t?.close());
    matrixTests(cases, () => ({ t, clients, records: () => records(t, clients, ++n), leak }));
  });
}

const auditEntriesBy = async (t: TestApp, userId: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from audit_log where user_id = ${userId}`.execute(t.db)).rows[0]!.n);

/**
 * One test per route: each caller calls it on fresh records (so one caller's write never
 * changes what the next one finds). `leak` matches text that only the records' data holds:
 * a refused caller must never see it.
 */
export function matrixTests<R>(cases: RouteCase<R>[], setup: () => { t: TestApp; clients: Callers; records: () => Promise<R>; leak: RegExp }) {
  for (const c of cases) {
    it(`${c.route} (${c.name})`, async () => {
      const { t, clients, records, leak } = setup();
      const wrong: string[] = [];
      for (const caller of CALLERS) {
        const r = await records();
        const client = clients[caller];
        const auditBefore = client.userId ? await auditEntriesBy(t, client.userId) : 0;
        const res = await client.request(method(c as RouteCase<unknown>), c.path(r), c.body?.(r));
        const want = expected(c as RouteCase<never>, caller);
        if (res.status !== want) wrong.push(`${caller}: got ${res.status}, want ${want} (${res.text.slice(0, 160)})`);
        if (caller === 'outsider' || caller === 'anonymous') expect(res.text, `${caller} shown the records`).not.toMatch(c.leak ?? leak);
        const wrote = STATE_CHANGING.has(method(c as RouteCase<unknown>)) && res.status < 300 && !c.writesNothing;
        if (wrote && client.userId && (await auditEntriesBy(t, client.userId)) === auditBefore) wrong.push(`${caller}: wrote without an audit entry`);
      }
      expect(wrong).toEqual([]);
    });
  }
}
