// Contacts, segments and lists, for the permission matrix (matrix.ts). The outsider is a member
// of an alliance that the organization has shared everything a grant can share with (its
// profile, representatives and people): a grant never reaches contacts, so they get 404.
import { createContact } from '../../src/contacts/contact.service.ts';
import { ContactInputSchema } from '../../src/contacts/contact.schema.ts';
import { createList, createSegment } from '../../src/contacts/segment.service.ts';
import { createToken } from '../../src/osdi/osdi-token.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import type { Actor } from '../../src/spaces/access.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import { grant } from '../../src/spaces/spaces.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, type RouteCase } from './matrix.ts';

export interface ContactRecords { spaceId: string; organizationName: string; contactId: string; duplicateId: string; segmentId: string; listId: string; tokenId: string }

const contact = (n: number) => ({ firstName: 'Foreign', lastName: `Contact ${n}`, email: `foreign-contact-${n}@example.org`, tags: ['door'] });

export const CONTACT_CASES: RouteCase<ContactRecords>[] = [
  { route: 'GET /api/spaces/{id}/contacts', name: 'list contacts', path: (r) => `/api/spaces/${r.spaceId}/contacts`, need: 'viewer', ok: 200 },
  { route: 'POST /api/spaces/{id}/contacts', name: 'add contact', path: (r) => `/api/spaces/${r.spaceId}/contacts`,
    body: () => ({ firstName: 'Nueva', lastName: 'Persona', phone: '510-555-0199' }), need: 'member', ok: 201 },
  { route: 'GET /api/spaces/{id}/contacts/lookup', name: 'look up contact by email', path: (r) => `/api/spaces/${r.spaceId}/contacts/lookup?email=${encodeURIComponent('foreign-contact-1@example.org')}`,
    need: 'member', ok: 200 },
  { route: 'GET /api/spaces/{id}/contacts/export', name: 'export contacts', path: (r) => `/api/spaces/${r.spaceId}/contacts/export`, need: 'admin', ok: 200 },
  { route: 'POST /api/spaces/{id}/contact-imports/columns', name: 'read contact file columns', path: (r) => `/api/spaces/${r.spaceId}/contact-imports/columns`,
    body: () => ({ csv: 'First Name,Last Name,Email\nAna,Ruiz,ana@example.org\n' }), need: 'member', ok: 200, writesNothing: true },
  { route: 'POST /api/spaces/{id}/contact-imports', name: 'start contact import', path: (r) => `/api/spaces/${r.spaceId}/contact-imports`,
    body: () => ({ csv: 'First Name,Last Name,Email\nAna,Ruiz,ana@example.org\n' }), need: 'member', ok: 202 },
  { route: 'GET /api/contacts/{id}', name: 'read contact', path: (r) => `/api/contacts/${r.contactId}`, need: 'viewer', ok: 200 },
  { route: 'GET /api/contacts/{id}/consent', name: "read a contact's consent", path: (r) => `/api/contacts/${r.contactId}/consent`, need: 'member', ok: 200 },
  { route: 'PUT /api/contacts/{id}/consent', name: "record a contact's consent", path: (r) => `/api/contacts/${r.contactId}/consent`,
    body: () => ({ purpose: 'overlap_matching', granted: false }), need: 'member', ok: 200 },
  { route: 'POST /api/contacts/{id}/consent-link', name: "make a contact's consent link", path: (r) => `/api/contacts/${r.contactId}/consent-link`, need: 'member', ok: 201 },
  { route: 'GET /api/spaces/{id}/archive', name: "download the space's archive", path: (r) => `/api/spaces/${r.spaceId}/archive`, need: 'owner', ok: 200 },
  { route: 'GET /api/spaces/{id}/tax-status', name: "read the space's 501(c) mark", path: (r) => `/api/spaces/${r.spaceId}/tax-status`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/spaces/{id}/tax-status', name: 'mark the space 501(c)(3)', path: (r) => `/api/spaces/${r.spaceId}/tax-status`, body: () => ({ taxStatus: 'c3' }), need: 'owner', ok: 200 },
  { route: 'POST /api/spaces/{id}/purge', name: 'purge the space', path: (r) => `/api/spaces/${r.spaceId}/purge`, body: (r) => ({ confirm: r.organizationName }), need: 'owner', ok: 200 },
  { route: 'DELETE /api/contacts/{id}/consent-links', name: "withdraw a contact's consent links", path: (r) => `/api/contacts/${r.contactId}/consent-links`, need: 'member', ok: 200 },
  { route: 'GET /api/spaces/{id}/consent-defaults', name: 'read consent defaults', path: (r) => `/api/spaces/${r.spaceId}/consent-defaults`, need: 'member', ok: 200 },
  { route: 'PUT /api/spaces/{id}/consent-defaults', name: 'change a consent default', path: (r) => `/api/spaces/${r.spaceId}/consent-defaults`,
    body: () => ({ purpose: 'count_in_alliance', granted: false }), need: 'admin', ok: 200 },
  { route: 'GET /api/contacts/{id}/details', name: 'open contact details', path: (r) => `/api/contacts/${r.contactId}/details`, need: 'member', ok: 200 },
  { route: 'PUT /api/contacts/{id}', name: 'update contact', path: (r) => `/api/contacts/${r.contactId}`,
    body: () => ({ firstName: 'Foreign', lastName: 'Renamed', tags: ['phone'] }), need: 'member', ok: 200 },
  { route: 'POST /api/contacts/{id}/merge', name: 'merge contacts', path: (r) => `/api/contacts/${r.contactId}/merge`, body: (r) => ({ duplicateId: r.duplicateId }), need: 'member', ok: 200 },
  { route: 'DELETE /api/contacts/{id}', name: 'delete contact', path: (r) => `/api/contacts/${r.contactId}`, need: 'admin', ok: 200 },
  { route: 'GET /api/spaces/{id}/segments', name: 'list segments', path: (r) => `/api/spaces/${r.spaceId}/segments`, need: 'viewer', ok: 200 },
  { route: 'POST /api/spaces/{id}/segments', name: 'save segment', path: (r) => `/api/spaces/${r.spaceId}/segments`,
    body: () => ({ name: 'Door knockers', definition: { type: 'tag', tag: 'door' } }), need: 'member', ok: 201 },
  { route: 'POST /api/spaces/{id}/segments/count', name: 'count a definition', path: (r) => `/api/spaces/${r.spaceId}/segments/count`,
    body: () => ({ definition: { type: 'not', condition: { type: 'tag', tag: 'door' } } }), need: 'viewer', ok: 200, writesNothing: true },
  { route: 'GET /api/segments/{id}', name: 'read segment', path: (r) => `/api/segments/${r.segmentId}`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/segments/{id}', name: 'update segment', path: (r) => `/api/segments/${r.segmentId}`,
    body: () => ({ name: 'Renamed', definition: { type: 'flag', flag: 'hasEmail' } }), need: 'member', ok: 200 },
  { route: 'DELETE /api/segments/{id}', name: 'delete segment', path: (r) => `/api/segments/${r.segmentId}`, need: 'member', ok: 200 },
  { route: 'POST /api/segments/{id}/freeze', name: 'freeze segment into a list', path: (r) => `/api/segments/${r.segmentId}/freeze`, body: () => ({ name: 'Frozen' }), need: 'member', ok: 201 },
  { route: 'GET /api/spaces/{id}/lists', name: 'list lists', path: (r) => `/api/spaces/${r.spaceId}/lists`, need: 'viewer', ok: 200 },
  { route: 'POST /api/spaces/{id}/lists', name: 'make a list', path: (r) => `/api/spaces/${r.spaceId}/lists`, body: (r) => ({ name: 'Hand-picked', contactIds: [r.contactId] }),
    need: 'member', ok: 201 },
  { route: 'GET /api/lists/{id}', name: 'read list', path: (r) => `/api/lists/${r.listId}`, need: 'viewer', ok: 200 },
  { route: 'DELETE /api/lists/{id}', name: 'delete list', path: (r) => `/api/lists/${r.listId}`, need: 'member', ok: 200 },
  { route: 'GET /api/spaces/{id}/osdi-tokens', name: 'list OSDI tokens', path: (r) => `/api/spaces/${r.spaceId}/osdi-tokens`, need: 'admin', ok: 200 },
  { route: 'POST /api/spaces/{id}/osdi-tokens', name: 'make OSDI token', path: (r) => `/api/spaces/${r.spaceId}/osdi-tokens`, body: () => ({ label: 'Action Network sync' }),
    need: 'admin', ok: 201 },
  { route: 'DELETE /api/osdi-tokens/{id}', name: 'revoke OSDI token', path: (r) => `/api/osdi-tokens/${r.tokenId}`, need: 'admin', ok: 200 },
];

/** An organization with a space of its own, two contacts, a segment and a list; shared by every grant with the outsider's alliance. */
export async function contactRecords(t: TestApp, clients: Callers, n: number): Promise<ContactRecords> {
  const owner: Actor = { userId: clients.owner.userId!, isWorkspaceAdmin: true };
  const org = await createOrganization(t.db, owner, null, { ...BLANK, name: `Foreign Base ${n}`, kind: 'base_building' }, { ownSpace: true });
  const spaceId = org.ownSpaceId!;
  for (const role of ['admin', 'member', 'viewer'] as const) await upsertRole(t.db, spaceId, clients[role].userId!, role);
  const neighbor = await createOrganization(t.db, owner, null, { ...BLANK, name: `Neighbor Alliance ${n}`, kind: 'alliance' });
  await upsertRole(t.db, neighbor.ownSpaceId!, clients.outsider.userId!, 'owner');
  for (const scope of ['profile', 'representatives', 'people'] as const) await grant(t.db, owner, spaceId, neighbor.ownSpaceId!, scope);
  const contactId = await createContact(t.db, t.deps.box, owner, spaceId, ContactInputSchema.parse(contact(n)));
  const duplicateId = await createContact(t.db, t.deps.box, owner, spaceId, ContactInputSchema.parse({ ...contact(n), tags: ['phone'] }));
  const segmentId = await createSegment(t.db, owner, spaceId, { name: `Foreign Segment ${n}`, definition: { type: 'tag', tag: 'door' } });
  const listId = await createList(t.db, owner, spaceId, { name: `Foreign List ${n}`, contactIds: [contactId] });
  const { id: tokenId } = await createToken(t.db, owner, spaceId, `Foreign Token ${n}`);
  return { spaceId, organizationName: org.name, contactId, duplicateId, segmentId, listId, tokenId };
}
