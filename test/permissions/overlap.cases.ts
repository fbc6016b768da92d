// Private overlap runs, for the permission matrix (matrix.ts): the callers hold their roles in
// both member organizations of a run; the outsider administers a third member organization of
// the same alliance (a fellow member, the likeliest one to try) and gets 404 everywhere.
import { createContact } from '../../src/contacts/contact.service.ts';
import { ContactInputSchema } from '../../src/contacts/contact.schema.ts';
import { addMember } from '../../src/memberships/membership.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { answerRun, requestRun, sendBlinded, sendReblinded, sendRevealable } from '../../src/overlap/overlap.service.ts';
import { blind, hashToCurve, newSecret } from '../../src/overlap/psi.ts';
import type { Actor } from '../../src/spaces/access.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, type RouteCase } from './matrix.ts';

export interface OverlapRecords { spaceId: string; partnerSpaceId: string; allianceId: string; emailRun: string; phoneRun: string; askedRun: string; revealRun: string; revealedRun: string; allianceSpaceId: string }

const side = (run: (r: OverlapRecords) => string, step: string) => (r: OverlapRecords) => `/api/overlap-runs/${run(r)}/sides/requester/${step}`;

export const OVERLAP_CASES: RouteCase<OverlapRecords>[] = [
  { route: 'GET /api/spaces/{id}/overlap-partners', name: 'list partners for an overlap', path: (r) => `/api/spaces/${r.spaceId}/overlap-partners`, need: 'member', ok: 200 },
  { route: 'GET /api/spaces/{id}/overlap-runs', name: 'list overlap runs', path: (r) => `/api/spaces/${r.spaceId}/overlap-runs`, need: 'member', ok: 200 },
  { route: 'POST /api/spaces/{id}/overlap-runs', name: 'ask for an overlap', path: (r) => `/api/spaces/${r.spaceId}/overlap-runs`,
    body: (r) => ({ partnerSpaceId: r.partnerSpaceId, allianceId: r.allianceId, kind: 'email' }), need: 'admin', ok: 201 },
  { route: 'GET /api/overlap-runs/{id}', name: 'read an overlap run', path: (r) => `/api/overlap-runs/${r.emailRun}`, need: 'member', ok: 200 },
  { route: 'PUT /api/overlap-runs/{id}/status', name: 'accept an overlap run', path: (r) => `/api/overlap-runs/${r.askedRun}/status`, body: () => ({ answer: 'accept' }), need: 'admin', ok: 200 },
  { route: 'GET /api/overlap-runs/{id}/sides/{side}/identifiers', name: "read one's identifiers to blind", path: side((r) => r.emailRun, 'identifiers'), need: 'admin', ok: 200 },
  { route: 'PUT /api/overlap-runs/{id}/sides/{side}/blinded', name: 'send blinded identifiers', path: side((r) => r.phoneRun, 'blinded'), body: () => '', need: 'admin', ok: 200 },
  { route: 'GET /api/overlap-runs/{id}/sides/{side}/their-blinded', name: "read the other side's blinded values", path: side((r) => r.emailRun, 'their-blinded'), need: 'admin', ok: 200 },
  { route: 'PUT /api/overlap-runs/{id}/sides/{side}/reblinded', name: 'send values blinded again', path: side((r) => r.emailRun, 'reblinded'), body: () => '', need: 'admin', ok: 200 },
  { route: 'PUT /api/overlap-runs/{id}/sides/{side}/revealable', name: 'send which values may be revealed', path: side((r) => r.revealRun, 'revealable'), body: () => '\u0001', need: 'admin', ok: 200 },
  // The alliance's unduplicated reach, from the same organizations (members of its alliance).
  { route: 'GET /api/spaces/{id}/reach', name: "read a space's unduplicated reach", path: (r) => `/api/spaces/${r.spaceId}/reach`, need: 'viewer', ok: 200 },
  { route: 'GET /api/spaces/{id}/reach-contributions', name: 'list reach contributions', path: (r) => `/api/spaces/${r.spaceId}/reach-contributions`, need: 'member', ok: 200 },
  { route: 'POST /api/spaces/{id}/reach-contributions', name: "count one's people into the alliance's reach", path: (r) => `/api/spaces/${r.spaceId}/reach-contributions`,
    body: (r) => ({ allianceSpaceId: r.allianceSpaceId }), need: 'admin', ok: 200 },
  { route: 'DELETE /api/spaces/{id}/reach-contributions/{allianceSpaceId}', name: "take one's people out of the alliance's reach",
    path: (r) => `/api/spaces/${r.spaceId}/reach-contributions/${r.allianceSpaceId}`, need: 'admin', ok: 200 },
  { route: 'GET /api/overlap-runs/{id}/sides/{side}/matches', name: 'read who is shared', path: side((r) => r.revealedRun, 'matches'), need: 'admin', ok: 200 },
];

export async function overlapRecords(t: TestApp, clients: Callers, n: number): Promise<OverlapRecords> {
  const owner: Actor = { userId: clients.owner.userId!, isWorkspaceAdmin: true };
  const [mine, partner, third] = await Promise.all([`Overlap Org ${n}`, `Overlap Partner ${n}`, `Overlap Fellow ${n}`].map((name) =>
    createOrganization(t.db, owner, null, { ...BLANK, name, kind: 'base_building' }, { ownSpace: true })));
  const alliance = await createOrganization(t.db, owner, null, { ...BLANK, name: `Overlap Alliance ${n}`, kind: 'alliance' });
  for (const m of [mine!, partner!, third!]) await addMember(t.db, owner, alliance.id, { memberId: m.id, role: 'member', status: 'active' });
  const [spaceId, partnerSpaceId] = [mine!.ownSpaceId!, partner!.ownSpaceId!];
  for (const space of [spaceId, partnerSpaceId]) for (const role of ['admin', 'member', 'viewer'] as const) await upsertRole(t.db, space, clients[role].userId!, role);
  await upsertRole(t.db, third!.ownSpaceId!, clients.outsider.userId!, 'admin');
  await createContact(t.db, t.deps.box, owner, spaceId, ContactInputSchema.parse({ firstName: 'Overlap', lastName: `Person ${n}`, email: `overlap-secret-${n}@example.org` }));
  const run = async (kind: 'email' | 'phone', accept: boolean, reveal = false) => {
    const { id } = await requestRun(t.db, owner, spaceId, { partnerSpaceId, allianceId: alliance.id, kind, reveal });
    if (accept) await answerRun(t.db, owner, id, 'accept');
    return id;
  };
  const emailRun = await run('email', true);
  // The partner holds no addresses: its blinded list is empty, and so is what the requester sends back.
  await sendBlinded(t.db, owner, emailRun, 'partner', new Uint8Array(0));
  // A reveal run where the requester has sent its one blinded address; and one that is done.
  const oneBlinded = blind(hashToCurve('email', [`overlap-secret-${n}@example.org`]), newSecret());
  const revealRun = await run('email', true, true);
  await sendBlinded(t.db, owner, revealRun, 'requester', oneBlinded);
  const revealedRun = await run('email', true, true);
  await sendBlinded(t.db, owner, revealedRun, 'requester', oneBlinded);
  await sendRevealable(t.db, owner, revealedRun, 'requester', new Uint8Array([1]));
  await sendBlinded(t.db, owner, revealedRun, 'partner', new Uint8Array(0));
  await sendRevealable(t.db, owner, revealedRun, 'partner', new Uint8Array(0));
  await sendReblinded(t.db, owner, revealedRun, 'requester', new Uint8Array(0));
  await sendReblinded(t.db, owner, revealedRun, 'partner', blind(oneBlinded, newSecret()));
  return { spaceId, partnerSpaceId, allianceId: alliance.id, emailRun, phoneRun: await run('phone', true), askedRun: await run('email', false), revealRun, revealedRun, allianceSpaceId: alliance.ownSpaceId! };
}
