// Field outreach, for the permission matrix (matrix.ts). Efforts, turfs and results live in an
// organization's own space; the outsider holds every grant the organization can give and still
// gets 404. A target lives in the space that set it.
import { randomUUID } from 'node:crypto';
import { startContactImport, textSource } from '../../src/contacts/contact-import.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { createEffort, createTarget, cutEffortTurfs } from '../../src/outreach/outreach.service.ts';
import { EffortInputSchema } from '../../src/outreach/outreach.schema.ts';
import type { Actor } from '../../src/spaces/access.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import { grant } from '../../src/spaces/spaces.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, type RouteCase } from './matrix.ts';

export interface OutreachRecords { spaceId: string; effortId: string; assignmentId: string; contactId: string; targetId: string; viewerId: string }

export const OUTREACH_CASES: RouteCase<OutreachRecords>[] = [
  { route: 'GET /api/spaces/{id}/targets', name: 'list targets', path: (r) => `/api/spaces/${r.spaceId}/targets`, need: 'viewer', ok: 200 },
  { route: 'POST /api/spaces/{id}/targets', name: 'set a target', path: (r) => `/api/spaces/${r.spaceId}/targets`, body: () => ({ name: 'Doors', goal: 1000 }), need: 'member', ok: 201 },
  { route: 'GET /api/targets/{id}/progress', name: 'read target progress', path: (r) => `/api/targets/${r.targetId}/progress`, need: 'viewer', ok: 200 },
  { route: 'GET /api/spaces/{id}/efforts', name: 'list efforts', path: (r) => `/api/spaces/${r.spaceId}/efforts`, need: 'viewer', ok: 200 },
  { route: 'POST /api/spaces/{id}/efforts', name: 'start an effort', path: (r) => `/api/spaces/${r.spaceId}/efforts`, body: () => ({ name: 'Calls', kind: 'phone_bank' }), need: 'member', ok: 201 },
  { route: 'GET /api/efforts/{id}', name: 'read effort', path: (r) => `/api/efforts/${r.effortId}`, need: 'viewer', ok: 200 },
  { route: 'POST /api/efforts/{id}/turfs', name: 'cut turfs', path: (r) => `/api/efforts/${r.effortId}/turfs`, body: () => ({ by: 'size', size: 10 }), need: 'member', ok: 201 },
  { route: 'PUT /api/assignments/{id}/assignee', name: 'assign a volunteer', path: (r) => `/api/assignments/${r.assignmentId}/assignee`, body: (r) => ({ userId: r.viewerId }),
    need: 'member', ok: 200 },
  // The viewer is the volunteer the turf is assigned to: they work it.
  { route: 'GET /api/assignments/{id}/packet', name: 'download a packet', path: (r) => `/api/assignments/${r.assignmentId}/packet`, need: 'member', ok: 200, expect: { viewer: 200 } },
  { route: 'POST /api/assignments/{id}/attempts', name: 'send results', path: (r) => `/api/assignments/${r.assignmentId}/attempts`,
    body: (r) => ({ attempts: [{ id: randomUUID(), contactId: r.contactId, result: 'contacted', madeAt: '2026-12-06T18:00:00Z' }] }), need: 'member', ok: 200, expect: { viewer: 200 } },
];

export async function outreachRecords(t: TestApp, clients: Callers, n: number): Promise<OutreachRecords> {
  const owner: Actor = { userId: clients.owner.userId!, isWorkspaceAdmin: true };
  const org = await createOrganization(t.db, owner, null, { ...BLANK, name: `Foreign Field Org ${n}`, kind: 'base_building' }, { ownSpace: true });
  const spaceId = org.ownSpaceId!;
  for (const role of ['admin', 'member', 'viewer'] as const) await upsertRole(t.db, spaceId, clients[role].userId!, role);
  const neighbor = await createOrganization(t.db, owner, null, { ...BLANK, name: `Neighbor Field Alliance ${n}`, kind: 'alliance' });
  await upsertRole(t.db, neighbor.ownSpaceId!, clients.outsider.userId!, 'owner');
  for (const scope of ['profile', 'representatives', 'people'] as const) await grant(t.db, owner, spaceId, neighbor.ownSpaceId!, scope);
  await (await startContactImport(t.db, t.deps.box, owner, spaceId, { source: textSource(`first,last,zip\nForeign,Voter ${n},94612\nOther,Voter ${n},94612\n`) })).done;
  const targetId = await createTarget(t.db, owner, spaceId, { name: `Foreign Target ${n}`, goal: 100, measure: 'conversations' });
  const effortId = await createEffort(t.db, owner, spaceId, EffortInputSchema.parse({ name: `Foreign Effort ${n}`, kind: 'canvass', targetId }));
  const [assignment] = await cutEffortTurfs(t.db, owner, effortId, { by: 'zip', size: 50 });
  await t.db.updateTable('outreach_assignments').set({ user_id: clients.viewer.userId! }).where('id', '=', assignment!.id).execute();
  const contact = await t.db.selectFrom('contacts').select('id').where('space_id', '=', spaceId).executeTakeFirstOrThrow();
  return { spaceId, effortId, assignmentId: assignment!.id, contactId: contact.id, targetId, viewerId: clients.viewer.userId! };
}
