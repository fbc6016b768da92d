// Leadership development, for the permission matrix (matrix.ts): attendance of an organization's
// contacts, their links, and its cohorts; the outsider holds every grant the organization can
// give and gets 404.
import { createContact } from '../../src/contacts/contact.service.ts';
import { ContactInputSchema } from '../../src/contacts/contact.schema.ts';
import { createConvening } from '../../src/convenings/convening.service.ts';
import { ConveningInputSchema } from '../../src/convenings/convening.schema.ts';
import { CohortInputSchema } from '../../src/leadership/leadership.schema.ts';
import { addMember, createCohort, recordAttendance } from '../../src/leadership/leadership.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import type { Actor } from '../../src/spaces/access.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import { grant } from '../../src/spaces/spaces.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, type RouteCase } from './matrix.ts';

export interface LeadershipRecords { spaceId: string; contactId: string; otherContactId: string; conveningId: string; cohortId: string; memberId: string; attendanceId: string }

export const LEADERSHIP_CASES: RouteCase<LeadershipRecords>[] = [
  { route: 'PUT /api/contacts/{id}/links', name: 'link a contact', path: (r) => `/api/contacts/${r.contactId}/links`, body: (r) => ({ recruitedBy: r.otherContactId }), need: 'member', ok: 200 },
  { route: 'GET /api/spaces/{id}/attendable-convenings', name: 'list attendable convenings', path: (r) => `/api/spaces/${r.spaceId}/attendable-convenings`, need: 'viewer', ok: 200 },
  { route: 'GET /api/spaces/{id}/attendance', name: 'read attendance', path: (r) => `/api/spaces/${r.spaceId}/attendance?conveningId=${r.conveningId}`, need: 'viewer', ok: 200 },
  { route: 'POST /api/spaces/{id}/attendance', name: 'record attendance', path: (r) => `/api/spaces/${r.spaceId}/attendance`,
    body: (r) => ({ conveningId: r.conveningId, contactIds: [r.otherContactId] }), need: 'member', ok: 201 },
  { route: 'DELETE /api/attendance/{id}', name: 'remove attendance', path: (r) => `/api/attendance/${r.attendanceId}`, need: 'member', ok: 200 },
  { route: 'GET /api/contacts/{id}/attendance', name: 'read a contact\'s attendance', path: (r) => `/api/contacts/${r.contactId}/attendance`, need: 'viewer', ok: 200 },
  { route: 'GET /api/spaces/{id}/cohorts', name: 'list cohorts', path: (r) => `/api/spaces/${r.spaceId}/cohorts`, need: 'viewer', ok: 200 },
  { route: 'POST /api/spaces/{id}/cohorts', name: 'create a cohort', path: (r) => `/api/spaces/${r.spaceId}/cohorts`, body: (r) => ({ name: 'Spring leaders', trainingIds: [r.conveningId] }), need: 'member', ok: 201 },
  { route: 'GET /api/cohorts/{id}', name: 'read a cohort', path: (r) => `/api/cohorts/${r.cohortId}`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/cohorts/{id}', name: 'change a cohort', path: (r) => `/api/cohorts/${r.cohortId}`, body: () => ({ name: 'Renamed cohort' }), need: 'member', ok: 200 },
  { route: 'DELETE /api/cohorts/{id}', name: 'delete a cohort', path: (r) => `/api/cohorts/${r.cohortId}`, need: 'admin', ok: 200 },
  { route: 'POST /api/cohorts/{id}/members', name: 'add a cohort member', path: (r) => `/api/cohorts/${r.cohortId}/members`, body: (r) => ({ contactId: r.otherContactId }), need: 'member', ok: 201 },
  { route: 'PUT /api/cohort-members/{id}', name: 'change a cohort member', path: (r) => `/api/cohort-members/${r.memberId}`, body: () => ({ status: 'completed' }), need: 'member', ok: 200 },
  { route: 'DELETE /api/cohort-members/{id}', name: 'remove a cohort member', path: (r) => `/api/cohort-members/${r.memberId}`, need: 'member', ok: 200 },
];

export async function leadershipRecords(t: TestApp, clients: Callers, n: number): Promise<LeadershipRecords> {
  const owner: Actor = { userId: clients.owner.userId!, isWorkspaceAdmin: true };
  const org = await createOrganization(t.db, owner, null, { ...BLANK, name: `Foreign Leaders Org ${n}`, kind: 'base_building' }, { ownSpace: true });
  const spaceId = org.ownSpaceId!;
  for (const role of ['admin', 'member', 'viewer'] as const) await upsertRole(t.db, spaceId, clients[role].userId!, role);
  const neighbor = await createOrganization(t.db, owner, null, { ...BLANK, name: `Neighbor Leaders Alliance ${n}`, kind: 'alliance' });
  await upsertRole(t.db, neighbor.ownSpaceId!, clients.outsider.userId!, 'owner');
  for (const scope of ['profile', 'representatives', 'people'] as const) await grant(t.db, owner, spaceId, neighbor.ownSpaceId!, scope);
  const contact = (last: string) => createContact(t.db, t.deps.box, owner, spaceId, ContactInputSchema.parse({ firstName: 'Foreign', lastName: last }));
  const contactId = await contact(`Leader ${n}`);
  const otherContactId = await contact(`Mentor ${n}`);
  const { id: conveningId } = await createConvening(t.db, owner, org.id, ConveningInputSchema.parse({ title: `Foreign training ${n}`, kind: 'training',
    startsAt: '2026-10-10T18:00', endsAt: '2026-10-10T20:00', timeZone: 'America/Chicago' }));
  const { id: cohortId } = await createCohort(t.db, owner, spaceId, CohortInputSchema.parse({ name: `Foreign cohort ${n}`, trainingIds: [conveningId] }));
  const { id: memberId } = await addMember(t.db, owner, cohortId, { contactId });
  const attendanceId = (await recordAttendance(t.db, t.deps.box, owner, spaceId, { conveningId, contactIds: [contactId], status: 'attended', source: 'manual' })).items[0]!.id;
  return { spaceId, contactId, otherContactId, conveningId, cohortId, memberId, attendanceId };
}
