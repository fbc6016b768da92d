import type { TaxStatus } from '../db/tables.ts';
import { markOf } from '../firewall/firewall.repository.ts';
import { checkContactsFor, checkOwnMark } from '../firewall/firewall.service.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { forbidden, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import * as contacts from './contact.repository.ts';
import { cohortsOf, type Condition, depthOf, listsOf, MAX_DEPTH, readsGiving } from './segment.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import * as repo from './segment.repository.ts';

// Saved segments (conditions counted live) and lists (contacts frozen at a moment), private to
// their space like the contacts they hold.

async function checkDefinition(db: Db, spaceId: string, definition: Condition) {
  if (depthOf(definition) > MAX_DEPTH) throw invalid([{ field: 'definition', message: `at most ${MAX_DEPTH} levels of and / or / not` }]);
  const lists = [...new Set(listsOf(definition))];
  const own = new Set(await repo.listsInSpace(db, spaceId, lists));
  const foreign = lists.find((l) => !own.has(l));
  if (foreign) throw invalid([{ field: 'definition', message: 'no such list' }]);
  const cohorts = [...new Set(cohortsOf(definition))];
  const ownCohorts = new Set(await repo.cohortsInSpace(db, spaceId, cohorts));
  if (cohorts.some((c) => !ownCohorts.has(c))) throw invalid([{ field: 'definition', message: 'no such cohort' }]);
}

async function requireSegment(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member') {
  const segment = await repo.findSegment(db, id);
  if (!segment) throw notFound('segment');
  await requireRole(db, actor, segment.spaceId, needed, 'segment');
  return { ...segment, definition: segment.definition as Condition };
}

async function requireList(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member' | 'admin') {
  const list = await repo.findList(db, id);
  if (!list) throw notFound('list');
  await requireRole(db, actor, list.spaceId, needed, 'list');
  return list;
}

/** How many contacts meet a definition now (saved or not). */
export async function countDefinition(db: Db, actor: Actor, spaceId: string, definition: Condition | null) {
  const role = await requireRole(db, actor, spaceId, 'viewer', 'contacts');
  if (definition) await checkDefinition(db, spaceId, definition);
  // A count on giving would tell a viewer who gave what: gifts open to members only.
  if (definition && readsGiving(definition) && !roleAtLeast(role, 'member')) throw forbidden();
  const hidden = await contacts.runningContactImports(db, spaceId);
  const [count, universe] = await Promise.all([repo.countSegment(db, spaceId, definition, hidden), repo.countSegment(db, spaceId, null, hidden)]);
  return { count, universe };
}

export async function listSegments(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'contacts');
  return repo.listSegments(db, spaceId);
}

export async function getSegment(db: Db, actor: Actor, id: string) {
  const segment = await requireSegment(db, actor, id, 'viewer');
  const { count, universe } = await countDefinition(db, actor, segment.spaceId, segment.definition);
  return { ...segment, count, universe };
}

export async function createSegment(db: Db, actor: Actor, spaceId: string, input: { name: string; definition: Condition }) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  await checkDefinition(db, spaceId, input.definition);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertSegment(trx, { spaceId, ...input, userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'segment', entityId: id, changes: { name: [null, input.name] } }]);
    return id;
  });
}

export async function updateSegment(db: Db, actor: Actor, id: string, input: { name: string; definition: Condition }) {
  const segment = await requireSegment(db, actor, id, 'member');
  await checkDefinition(db, segment.spaceId, input.definition);
  await db.transaction().execute(async (trx) => {
    await repo.updateSegment(trx, id, input);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: segment.spaceId, action: 'update', entity: 'segment', entityId: id,
      changes: { name: [segment.name, input.name], definition: [segment.definition, input.definition] } }]);
  });
}

export async function deleteSegment(db: Db, actor: Actor, id: string) {
  const segment = await requireSegment(db, actor, id, 'member');
  await db.transaction().execute(async (trx) => {
    await repo.deleteSegment(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: segment.spaceId, action: 'delete', entity: 'segment', entityId: id, changes: null }]);
  });
}

/** The segment as it is now, frozen into a new list. */
export async function freezeSegment(db: Db, actor: Actor, id: string, input: { name: string; description?: string | null; taxStatus?: TaxStatus | null }) {
  const segment = await requireSegment(db, actor, id, 'member');
  const hidden = await contacts.runningContactImports(db, segment.spaceId);
  await checkOwnMark(db, actor, segment.spaceId, 'contact_list', null, input.taxStatus);
  // A marked list takes only the contacts on its side of the c3/c4 firewall.
  const mark = (await markOf(db, segment.spaceId)).taxStatus ?? input.taxStatus ?? null;
  return db.transaction().execute(async (trx) => {
    const { id: listId } = await repo.insertList(trx, { spaceId: segment.spaceId, name: input.name, description: input.description ?? null, segmentId: id,
      taxStatus: input.taxStatus ?? null, userId: actor.userId });
    const size = await repo.fillList(trx, listId, segment.spaceId, segment.definition, hidden, mark);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: segment.spaceId, action: 'create', entity: 'contact_list', entityId: listId, changes: { fromSegment: [null, id], size: [null, size] } }]);
    return { id: listId, size };
  });
}

export async function listLists(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'contacts');
  return (await repo.listLists(db, spaceId)).map((l) => ({ ...l, size: Number(l.size ?? 0) }));
}

export async function getList(db: Db, actor: Actor, id: string) {
  const list = await requireList(db, actor, id, 'viewer');
  return { ...list, size: await repo.countItems(db, id) };
}

export async function createList(db: Db, actor: Actor, spaceId: string, input: { name: string; description?: string | null; contactIds: string[]; taxStatus?: TaxStatus | null }) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  const own = await contacts.countContacts(db, spaceId, { hiddenJobs: [], ids: input.contactIds });
  if (own !== new Set(input.contactIds).size) throw invalid([{ field: 'contactIds', message: 'no such contact' }]);
  await checkOwnMark(db, actor, spaceId, 'contact_list', null, input.taxStatus);
  await checkContactsFor(db, actor, spaceId, 'contact_list', input.contactIds, input.taxStatus ?? null);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertList(trx, { spaceId, name: input.name, description: input.description ?? null, segmentId: null, taxStatus: input.taxStatus ?? null, userId: actor.userId });
    await repo.addItems(trx, id, input.contactIds);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'contact_list', entityId: id, changes: { size: [null, own] } }]);
    return id;
  });
}

export async function deleteList(db: Db, actor: Actor, id: string) {
  const list = await requireList(db, actor, id, 'member');
  await db.transaction().execute(async (trx) => {
    await repo.deleteList(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: list.spaceId, action: 'delete', entity: 'contact_list', entityId: id, changes: null }]);
  });
}

/** The next page of a segment's contact ids (for an export that walks it without holding it). */
export async function segmentPager(db: Db, actor: Actor, spaceId: string, segmentId: string) {
  const segment = await requireSegment(db, actor, segmentId, 'viewer');
  if (segment.spaceId !== spaceId) throw notFound('segment');
  const hidden = await contacts.runningContactImports(db, spaceId);
  return (afterId: string, limit: number) => repo.pageSegmentIds(db, spaceId, segment.definition, hidden, afterId, limit);
}
