// Relationship surveys and discussions, for the permission matrix (matrix.ts): an alliance's own
// work, so a role in its space decides and no grant reaches it.
import { addMember, addRepresentative } from '../../src/memberships/membership.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { createPerson } from '../../src/people/person.service.ts';
import { startThread } from '../../src/discussions/discussion.service.ts';
import { LibraryItemSchema } from '../../src/library/library.schema.ts';
import { addItem, uploadFile } from '../../src/library/library.service.ts';
import { closeSurvey, createSurvey, openSurvey } from '../../src/surveys/survey.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, foreignAlliance, type RouteCase } from './matrix.ts';

export interface CementRecords { allianceId: string; spaceId: string; draftId: string; openId: string; closedId: string; threadId: string; postId: string; itemId: string }

const wave = (title: string) => ({ title, deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(), factorItems: [], includeAllies: false });

export const CEMENT_CASES: RouteCase<CementRecords>[] = [
  { route: 'GET /api/alliances/{id}/surveys', name: 'list survey waves', path: (r) => `/api/alliances/${r.allianceId}/surveys`, need: 'viewer', ok: 200 },
  { route: 'GET /api/alliances/{id}/network/trust', name: 'read trust between members', path: (r) => `/api/alliances/${r.allianceId}/network/trust`, need: 'viewer', ok: 200 },
  { route: 'POST /api/alliances/{id}/surveys', name: 'write a survey wave', path: (r) => `/api/alliances/${r.allianceId}/surveys`, body: () => wave('Foreign Wave new'), need: 'admin', ok: 201 },
  { route: 'GET /api/surveys/{id}', name: 'read a survey wave', path: (r) => `/api/surveys/${r.closedId}`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/surveys/{id}', name: 'change a survey wave', path: (r) => `/api/surveys/${r.draftId}`, body: () => wave('Foreign Wave renamed'), need: 'admin', ok: 200 },
  { route: 'DELETE /api/surveys/{id}', name: 'delete a draft wave', path: (r) => `/api/surveys/${r.draftId}`, need: 'admin', ok: 200 },
  { route: 'POST /api/surveys/{id}/open', name: 'open a wave', path: (r) => `/api/surveys/${r.draftId}/open`, need: 'admin', ok: 200 },
  { route: 'POST /api/surveys/{id}/remind', name: 'remind a wave', path: (r) => `/api/surveys/${r.openId}/remind`, need: 'admin', ok: 200 },
  { route: 'POST /api/surveys/{id}/close', name: 'close a wave', path: (r) => `/api/surveys/${r.openId}/close`, need: 'admin', ok: 200 },
  { route: 'GET /api/surveys/{id}/results', name: "read a wave's results", path: (r) => `/api/surveys/${r.closedId}/results`, need: 'viewer', ok: 200 },
  // Only the invited person gets their link: no role, however high, hands out someone else's.
  { route: 'POST /api/surveys/{id}/my-link', name: 'my answer link', path: (r) => `/api/surveys/${r.openId}/my-link`, need: 'owner', ok: 200,
    expect: { owner: 404, admin: 404, member: 404, viewer: 404 }, writesNothing: true },
  { route: 'GET /api/discussions/{kind}/{id}/threads', name: 'list threads', path: (r) => `/api/discussions/alliance/${r.allianceId}/threads`, need: 'viewer', ok: 200 },
  { route: 'POST /api/discussions/{kind}/{id}/threads', name: 'start a thread', path: (r) => `/api/discussions/alliance/${r.allianceId}/threads`,
    body: (r) => ({ title: 'Foreign Thread new', body: 'A new thread.', attachments: [r.itemId] }), need: 'member', ok: 201 },
  // Reading a thread marks it read for the reader: a small write of their own, not logged.
  { route: 'GET /api/threads/{id}', name: 'read a thread', path: (r) => `/api/threads/${r.threadId}`, need: 'viewer', ok: 200 },
  { route: 'POST /api/threads/{id}/posts', name: 'post in a thread', path: (r) => `/api/threads/${r.threadId}/posts`, body: (r) => ({ body: 'A reply.', attachments: [r.itemId] }), need: 'member', ok: 201 },
  { route: 'PUT /api/threads/{id}/subscription', name: 'follow a thread', path: (r) => `/api/threads/${r.threadId}/subscription`, body: () => ({ subscribed: true }), need: 'viewer', ok: 200 },
  // The post is the owner's: only its author edits it, whatever the role of the others.
  { route: 'PUT /api/posts/{id}', name: 'edit a post', path: (r) => `/api/posts/${r.postId}`, body: (r) => ({ body: 'Edited.', attachments: [r.itemId] }), need: 'owner', ok: 200 },
  { route: 'DELETE /api/posts/{id}', name: 'remove a post', path: (r) => `/api/posts/${r.postId}`, need: 'admin', ok: 200 },
  { route: 'GET /api/alliances/{id}/updates', name: 'list updates', path: (r) => `/api/alliances/${r.allianceId}/updates`, need: 'viewer', ok: 200 },
  { route: 'POST /api/alliances/{id}/updates', name: 'send an update', path: (r) => `/api/alliances/${r.allianceId}/updates`,
    body: () => ({ title: 'Foreign Thread update', body: 'News.', audience: 'followers' }), need: 'admin', ok: 201 },
  { route: 'GET /api/spaces/{id}/library', name: 'list the library', path: (r) => `/api/spaces/${r.spaceId}/library?q=Foreign`, need: 'viewer', ok: 200 },
  { route: 'POST /api/spaces/{id}/library', name: 'add a resource', path: (r) => `/api/spaces/${r.spaceId}/library`, body: () => ({ title: 'Foreign Resource new' }), need: 'member', ok: 201 },
  { route: 'GET /api/library/{id}', name: 'read a resource', path: (r) => `/api/library/${r.itemId}`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/library/{id}', name: 'describe a resource', path: (r) => `/api/library/${r.itemId}`, body: () => ({ title: 'Foreign Resource renamed' }), need: 'member', ok: 200 },
  { route: 'DELETE /api/library/{id}', name: 'remove a resource', path: (r) => `/api/library/${r.itemId}`, need: 'admin', ok: 200 },
  // The file routes carry bytes, not JSON: the JSON body the matrix sends is plain text named .txt.
  { route: 'PUT /api/library/{id}/file', name: 'upload a version', path: (r) => `/api/library/${r.itemId}/file?name=notes.txt`, body: () => 'Foreign notes', need: 'member', ok: 200 },
  { route: 'GET /api/library/{id}/files/{version}', name: 'download a version', path: (r) => `/api/library/${r.itemId}/files/1`, need: 'viewer', ok: 200 },
  { route: 'POST /api/posts/{id}/reactions', name: 'react to a post', path: (r) => `/api/posts/${r.postId}/reactions`, body: () => ({ reaction: 'heart' }), need: 'member', ok: 200 },
];

/** A fresh alliance with two members, each with a representative, and a draft, an open and a closed wave. */
export async function cementRecords(t: TestApp, clients: Callers, n: number): Promise<CementRecords> {
  const { owner, alliance, spaceId } = await foreignAlliance(t, clients, n, { outsiderGrants: true });
  for (const name of [`Foreign Member A ${n}`, `Foreign Member B ${n}`]) {
    const member = await createOrganization(t.db, owner, spaceId, { ...BLANK, name, kind: 'union' });
    const membership = await addMember(t.db, owner, alliance.id, { memberId: member.id, role: 'member', status: 'active' });
    const personId = await createPerson(t.db, t.deps.box, owner, spaceId, { name: `Foreign Rep ${name}`, languages: ['en'], contact: {}, affiliations: [] });
    await addRepresentative(t.db, owner, membership.id, { personId, seat: 'staff' });
  }
  const draft = await createSurvey(t.db, owner, alliance.id, wave(`Foreign Wave draft ${n}`));
  const open = await createSurvey(t.db, owner, alliance.id, wave(`Foreign Wave open ${n}`));
  await openSurvey(t.deps, owner, open.id);
  const closed = await createSurvey(t.db, owner, alliance.id, wave(`Foreign Wave closed ${n}`));
  await openSurvey(t.deps, owner, closed.id);
  await closeSurvey(t.db, owner, closed.id);
  const thread = await startThread(t.db, owner, 'alliance', alliance.id, { title: `Foreign Thread ${n}`, body: `Foreign Post ${n}` });
  const item = await addItem(t.db, owner, spaceId, LibraryItemSchema.parse({ title: `Foreign Resource ${n}` }));
  await uploadFile(t.db, owner, item.id, 'foreign.txt', new TextEncoder().encode(`Foreign Resource text ${n}`));
  return { allianceId: alliance.id, spaceId, itemId: item.id, draftId: draft.id, openId: open.id, closedId: closed.id, threadId: thread.id, postId: thread.postId };
}
