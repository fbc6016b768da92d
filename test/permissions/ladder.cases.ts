// Engagement ladders, for the permission matrix (matrix.ts): an organization's ladder and its
// contacts' moves; the outsider holds every grant the organization can give and gets 404.
import { createContact } from '../../src/contacts/contact.service.ts';
import { ContactInputSchema } from '../../src/contacts/contact.schema.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import type { Actor } from '../../src/spaces/access.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import { grant } from '../../src/spaces/spaces.service.ts';
import { DEFAULT_LADDER } from '../../src/ladder/ladder.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, type RouteCase } from './matrix.ts';

export interface LadderRecords { spaceId: string; contactId: string }

export const LADDER_CASES: RouteCase<LadderRecords>[] = [
  { route: 'GET /api/spaces/{id}/ladder', name: 'read ladder', path: (r) => `/api/spaces/${r.spaceId}/ladder`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/spaces/{id}/ladder', name: 'change ladder', path: (r) => `/api/spaces/${r.spaceId}/ladder`, body: () => DEFAULT_LADDER, need: 'admin', ok: 200 },
  { route: 'POST /api/spaces/{id}/ladder/recompute', name: 'place contacts on the ladder', path: (r) => `/api/spaces/${r.spaceId}/ladder/recompute`, need: 'member', ok: 200 },
  { route: 'GET /api/spaces/{id}/ladder/movement', name: 'read ladder movement', path: (r) => `/api/spaces/${r.spaceId}/ladder/movement`, need: 'viewer', ok: 200 },
  { route: 'GET /api/spaces/{id}/ladder/members-movement', name: 'read members\' ladder movement', path: (r) => `/api/spaces/${r.spaceId}/ladder/members-movement`, need: 'viewer', ok: 200 },
  { route: 'GET /api/contacts/{id}/ladder', name: 'read a contact\'s ladder', path: (r) => `/api/contacts/${r.contactId}/ladder`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/contacts/{id}/ladder', name: 'move a contact by hand', path: (r) => `/api/contacts/${r.contactId}/ladder`, body: () => ({ step: 'leading', reason: 'Chairs the tenants committee' }),
    need: 'member', ok: 200 },
];

export async function ladderRecords(t: TestApp, clients: Callers, n: number): Promise<LadderRecords> {
  const owner: Actor = { userId: clients.owner.userId!, isWorkspaceAdmin: true };
  const org = await createOrganization(t.db, owner, null, { ...BLANK, name: `Foreign Ladder Org ${n}`, kind: 'base_building' }, { ownSpace: true });
  const spaceId = org.ownSpaceId!;
  for (const role of ['admin', 'member', 'viewer'] as const) await upsertRole(t.db, spaceId, clients[role].userId!, role);
  const neighbor = await createOrganization(t.db, owner, null, { ...BLANK, name: `Neighbor Ladder Alliance ${n}`, kind: 'alliance' });
  await upsertRole(t.db, neighbor.ownSpaceId!, clients.outsider.userId!, 'owner');
  for (const scope of ['profile', 'representatives', 'people'] as const) await grant(t.db, owner, spaceId, neighbor.ownSpaceId!, scope);
  const contactId = await createContact(t.db, t.deps.box, owner, spaceId, ContactInputSchema.parse({ firstName: 'Foreign', lastName: `Climber ${n}` }));
  return { spaceId, contactId };
}
