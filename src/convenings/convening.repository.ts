import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ConveningInput } from './convening.schema.ts';

// Convenings and what happens at them.

const conveningColumns = ['id', 'space_id as spaceId', 'organization_id as organizationId', 'title', 'kind', 'starts_at as startsAt', 'ends_at as endsAt',
  'time_zone as timeZone', 'place', 'call_link as callLink', 'description', 'updated_at as updatedAt'] as const;

export async function insertConvening(db: Db, c: ConveningInput & { spaceId: string; organizationId: string; createdBy: string }) {
  return db.insertInto('convenings').values({
    space_id: c.spaceId, organization_id: c.organizationId, title: c.title, kind: c.kind, starts_at: c.startsAt, ends_at: c.endsAt,
    time_zone: c.timeZone, place: c.place ?? null, call_link: c.callLink ?? null, description: c.description ?? null, created_by: c.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function updateConvening(db: Db, id: string, c: ConveningInput) {
  await db.updateTable('convenings').set({
    title: c.title, kind: c.kind, starts_at: c.startsAt, ends_at: c.endsAt, time_zone: c.timeZone, place: c.place ?? null,
    call_link: c.callLink ?? null, description: c.description ?? null, updated_at: new Date(),
  }).where('id', '=', id).execute();
}

export async function findConvening(db: Db, id: string) {
  return db.selectFrom('convenings').select(conveningColumns).where('id', '=', id).executeTakeFirst();
}

export async function deleteConvening(db: Db, id: string) {
  await db.deleteFrom('convenings').where('id', '=', id).execute();
}

export async function listConvenings(db: Db, organizationId: string) {
  return db.selectFrom('convenings as c')
    .select([...conveningColumns.map((col) => `c.${col}` as const),
      sql<number>`(select count(*) from convening_participants p where p.convening_id = c.id and p.attended)::int`.as('attendance')])
    .where('c.organization_id', '=', organizationId).orderBy('c.starts_at', 'desc').execute();
}

/** Replaces the host or invited organizations of a convening. */
export async function setOrganizations(db: Db, table: 'convening_hosts' | 'convening_invitations', conveningId: string, organizationIds: string[]) {
  await db.deleteFrom(table).where('convening_id', '=', conveningId).execute();
  if (organizationIds.length === 0) return;
  await db.insertInto(table).values([...new Set(organizationIds)].map((organization_id) => ({ convening_id: conveningId, organization_id }))).execute();
}

export async function listOrganizations(db: Db, table: 'convening_hosts' | 'convening_invitations', conveningId: string) {
  const ids = table === 'convening_hosts'
    ? db.selectFrom('convening_hosts').select('organization_id').where('convening_id', '=', conveningId)
    : db.selectFrom('convening_invitations').select('organization_id').where('convening_id', '=', conveningId);
  return db.selectFrom('organizations').select(['id', 'name', 'space_id as spaceId']).where('id', 'in', ids).orderBy('name').execute();
}

/** A participant's key across convenings: lower case, no accents, single spaces. */
export const nameKey = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

export async function insertParticipant(db: Db, p: { spaceId: string; conveningId: string; name: string; organizationId: string | null;
  capacity: 'staff' | 'leader' | 'member' | 'guest'; registered: boolean; attended: boolean }) {
  return db.insertInto('convening_participants').values({
    space_id: p.spaceId, convening_id: p.conveningId, name: p.name, name_key: nameKey(p.name), organization_id: p.organizationId,
    capacity: p.capacity, registered: p.registered, attended: p.attended,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function findParticipant(db: Db, id: string) {
  return db.selectFrom('convening_participants').select(['id', 'space_id as spaceId', 'convening_id as conveningId', 'capacity', 'registered', 'attended'])
    .where('id', '=', id).executeTakeFirst();
}

export async function updateParticipant(db: Db, id: string, patch: { capacity?: 'staff' | 'leader' | 'member' | 'guest'; registered?: boolean; attended?: boolean }) {
  await db.updateTable('convening_participants').set(patch).where('id', '=', id).execute();
}

export async function deleteParticipant(db: Db, id: string) {
  await db.deleteFrom('convening_participants').where('id', '=', id).execute();
}

/**
 * Everyone registered or present, with their organization, and whether this is the first
 * convening of the space they came to (no earlier attendance under the same name and organization).
 */
export async function listParticipants(db: Db, conveningId: string) {
  return db.selectFrom('convening_participants as p').innerJoin('convenings as c', 'c.id', 'p.convening_id')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.name', 'p.organization_id as organizationId', 'o.name as organizationName', 'p.capacity', 'p.registered', 'p.attended',
      sql<boolean>`not exists (select 1 from convening_participants q join convenings qc on qc.id = q.convening_id
        where q.space_id = p.space_id and q.name_key = p.name_key and q.organization_id is not distinct from p.organization_id
          and q.attended and qc.starts_at < c.starts_at)`.as('firstTime')])
    .where('p.convening_id', '=', conveningId).orderBy(sql`lower(p.name)`).execute();
}

export async function insertSession(db: Db, s: { spaceId: string; conveningId: string; title: string; facilitator: string | null; notes: string | null }) {
  return db.insertInto('convening_sessions').values({
    space_id: s.spaceId, convening_id: s.conveningId, title: s.title, facilitator: s.facilitator, notes: s.notes,
    position: sql<number>`(select coalesce(max(position), -1) + 1 from convening_sessions where convening_id = ${s.conveningId})`,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function updateSession(db: Db, id: string, s: { title: string; facilitator: string | null; notes: string | null }) {
  await db.updateTable('convening_sessions').set(s).where('id', '=', id).execute();
}

export async function findSession(db: Db, id: string) {
  return db.selectFrom('convening_sessions').select(['id', 'space_id as spaceId', 'convening_id as conveningId', 'title']).where('id', '=', id).executeTakeFirst();
}

export async function listSessions(db: Db, conveningId: string) {
  return db.selectFrom('convening_sessions').select(['id', 'title', 'facilitator', 'notes', 'position']).where('convening_id', '=', conveningId).orderBy('position').execute();
}

export async function insertItem(db: Db, i: { spaceId: string; sessionId: string; kind: 'goal' | 'proposal'; text: string }) {
  return db.insertInto('session_items').values({ space_id: i.spaceId, session_id: i.sessionId, kind: i.kind, text: i.text }).returning('id').executeTakeFirstOrThrow();
}

export async function findItem(db: Db, id: string) {
  return db.selectFrom('session_items as i').innerJoin('convening_sessions as s', 's.id', 'i.session_id').innerJoin('convenings as c', 'c.id', 's.convening_id')
    .select(['i.id', 'i.space_id as spaceId', 'i.session_id as sessionId', 'i.kind', 'i.text', 'i.goal_id as goalId', 'i.proposal_id as proposalId',
      'c.organization_id as organizationId', 'c.id as conveningId', 'c.title as conveningTitle'])
    .where('i.id', '=', id).executeTakeFirst();
}

/** The item's links, its row locked until the transaction ends. */
export async function lockItem(db: Db, id: string) {
  return db.selectFrom('session_items').select(['goal_id as goalId', 'proposal_id as proposalId']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function linkItem(db: Db, id: string, link: { goalId?: string; proposalId?: string }) {
  await db.updateTable('session_items').set({ goal_id: link.goalId, proposal_id: link.proposalId }).where('id', '=', id).execute();
}

export async function listItems(db: Db, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db.selectFrom('session_items').select(['id', 'session_id as sessionId', 'kind', 'text', 'goal_id as goalId', 'proposal_id as proposalId'])
    .where('session_id', 'in', sessionIds).orderBy('created_at').execute();
}

export async function insertFollowUp(db: Db, f: { spaceId: string; conveningId: string | null; sessionItemId: string | null; text: string;
  ownerOrganizationId: string | null; ownerName: string | null; dueOn: string | null }) {
  return db.insertInto('follow_ups').values({
    space_id: f.spaceId, convening_id: f.conveningId, session_item_id: f.sessionItemId, text: f.text,
    owner_organization_id: f.ownerOrganizationId, owner_name: f.ownerName, due_on: f.dueOn,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function findFollowUp(db: Db, id: string) {
  return db.selectFrom('follow_ups').select(['id', 'space_id as spaceId', 'done_at as doneAt']).where('id', '=', id).executeTakeFirst();
}

export async function setFollowUpDone(db: Db, id: string, done: boolean) {
  await db.updateTable('follow_ups').set({ done_at: done ? new Date() : null }).where('id', '=', id).execute();
}

/** Follow-ups of one convening, or of a whole space; `overdueOn` keeps those still open and due before that day. */
export async function listFollowUps(db: Db, where: { conveningId?: string; spaceId?: string; overdueOn?: string }) {
  let query = db.selectFrom('follow_ups as f').leftJoin('organizations as o', 'o.id', 'f.owner_organization_id')
    .leftJoin('convenings as c', 'c.id', 'f.convening_id')
    .select(['f.id', 'f.text', 'f.owner_organization_id as ownerOrganizationId', 'o.name as ownerOrganizationName', 'f.owner_name as ownerName',
      'f.due_on as dueOn', 'f.done_at as doneAt', 'f.convening_id as conveningId', 'c.title as conveningTitle']);
  if (where.conveningId) query = query.where('f.convening_id', '=', where.conveningId);
  if (where.spaceId) query = query.where('f.space_id', '=', where.spaceId);
  if (where.overdueOn) query = query.where('f.done_at', 'is', null).where('f.due_on', '<', where.overdueOn);
  return query.orderBy('f.due_on').orderBy('f.created_at').execute();
}

/** Host organizations' names for several convenings at once. */
export async function listHostNames(db: Db, conveningIds: string[]) {
  if (conveningIds.length === 0) return [];
  return db.selectFrom('convening_hosts as h').innerJoin('organizations as o', 'o.id', 'h.organization_id')
    .select(['h.convening_id as conveningId', 'o.name']).where('h.convening_id', 'in', conveningIds).orderBy('o.name').execute();
}
