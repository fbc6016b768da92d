import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { readableSpacesQuery } from '../spaces/spaces.repository.ts';
import type { GrantRecord } from './grant-file.ts';
import type { MatchKind } from './org-matching.ts';

export const grantColumns = ['g.id', 'g.space_id as spaceId', 'g.identifier', 'g.title', 'g.description', 'g.currency', 'g.amount_minor as amountMinor',
  'g.award_date as awardDate', 'g.planned_start as plannedStart', 'g.planned_end as plannedEnd', 'g.duration_months as durationMonths',
  'g.funder_identifier as funderIdentifier', 'g.funder_name as funderName', 'g.funder_org_id as funderOrgId', 'g.funder_match as funderMatch', 'g.funder_type as funderType',
  'g.recipient_identifier as recipientIdentifier', 'g.recipient_name as recipientName', 'g.recipient_org_id as recipientOrgId', 'g.recipient_match as recipientMatch',
  'g.programme_code as programmeCode', 'g.programme_title as programmeTitle', 'g.beneficiary_locations as beneficiaryLocations', 'g.regrant_type as regrantType',
  'g.parent_grant_id as parentGrantId', 'g.url', 'g.data_source as dataSource'] as const;

export type GrantRow = Awaited<ReturnType<typeof findGrant>> & {};

// The SQL twin of org-matching.ts's looseName (accents of Latin letters, case, punctuation and
// legal endings set aside): only candidates travel; the exact test is made in org-matching.ts.
const looseSql = (column: string) => sql<string>`trim(regexp_replace(regexp_replace(regexp_replace(
  translate(replace(lower(${sql.ref(column)}), '&', ' and '), 'áàâäãåéèêëíìîïóòôöõúùûüñçý', 'aaaaaaeeeeiiiiooooouuuuncy'),
  '[^a-z0-9]+', ' ', 'g'), '\\m(the|inc|incorporated|llc|ltd|limited|corp|corporation|co|company|plc|cic)\\M', ' ', 'g'), '\\s+', ' ', 'g'))`;

/** Directory organizations the user may read whose org-id or name could be one of these (asked in slices: a file can name tens of thousands). */
export async function directoryCandidates(db: Db, userId: string, identifiers: string[], looseNames: string[]) {
  const found = new Map<string, Awaited<ReturnType<typeof candidatesSlice>>[number]>();
  for (let i = 0; i < Math.max(identifiers.length, looseNames.length); i += 5000) {
    for (const row of await candidatesSlice(db, userId, identifiers.slice(i, i + 5000), looseNames.slice(i, i + 5000))) found.set(row.id, row);
  }
  return [...found.values()];
}

async function candidatesSlice(db: Db, userId: string, identifiers: string[], looseNames: string[]) {
  if (!identifiers.length && !looseNames.length) return [];
  return db.selectFrom('organizations').select(['id', 'name', 'short_name as shortName', 'external_id as externalId', 'kind'])
    .where('space_id', 'in', readableSpacesQuery(db, userId, 'profile'))
    .where((eb) => eb.or([
      ...(identifiers.length ? [eb(sql`lower(external_id)`, 'in', identifiers)] : []),
      ...(looseNames.length ? [eb(looseSql('name'), 'in', looseNames), eb(looseSql('short_name'), 'in', looseNames)] : []),
    ]))
    .limit(10_000).execute();
}

/** A directory organization, when the user may read it. */
export async function directoryCandidatesById(db: Db, userId: string, id: string) {
  return db.selectFrom('organizations').select(['id', 'name', 'kind']).where('id', '=', id)
    .where('space_id', 'in', readableSpacesQuery(db, userId, 'profile')).executeTakeFirst();
}

export async function lockGrant(db: Db, id: string) {
  await sql`select id from funding_grants where id = ${id} for update`.execute(db);
}

/** Names of directory organizations (only for links the reader may follow: see readableOrganizations). */
export async function organizationNames(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('organizations').select(['id', 'name', 'kind']).where('id', 'in', ids).execute();
}

export async function existingByIdentifier(db: Db, spaceId: string, identifiers: string[]) {
  const rows = [];
  for (let i = 0; i < identifiers.length; i += 10_000) {
    rows.push(...await db.selectFrom('funding_grants as g').select(grantColumns).where('g.space_id', '=', spaceId).where('g.identifier', 'in', identifiers.slice(i, i + 10_000)).execute());
  }
  return rows;
}

/** Grants among these whose re-grants now add up to more than them, or are in another currency. */
export async function overspentParents(db: Db, ids: string[]) {
  if (!ids.length) return [];
  const { rows } = await sql<{ identifier: string }>`
    select p.identifier from funding_grants p join funding_grants r on r.parent_grant_id = p.id
    where p.id = any(${ids}::uuid[]) group by p.id, p.identifier, p.amount_minor, p.currency
    having sum(r.amount_minor) > p.amount_minor or bool_or(r.currency <> p.currency)`.execute(db);
  return rows.map((r) => r.identifier);
}

export interface GrantWrite {
  record: GrantRecord;
  funder: { orgId: string | null; match: MatchKind | 'confirmed' }; funderType: string;
  recipient: { orgId: string | null; match: MatchKind | 'confirmed' };
  parentGrantId?: string | null;
}

const rowOf = (spaceId: string, w: GrantWrite, userId: string | null) => ({
  space_id: spaceId, identifier: w.record.identifier, title: w.record.title, description: w.record.description, currency: w.record.currency,
  amount_minor: w.record.amountMinor, award_date: w.record.awardDate, planned_start: w.record.plannedStart, planned_end: w.record.plannedEnd,
  duration_months: w.record.durationMonths, funder_identifier: w.record.funder.identifier, funder_name: w.record.funder.name,
  funder_org_id: w.funder.orgId, funder_match: w.funder.match, funder_type: w.funderType,
  recipient_identifier: w.record.recipient.identifier, recipient_name: w.record.recipient.name, recipient_org_id: w.recipient.orgId, recipient_match: w.recipient.match,
  programme_code: w.record.programmeCode, programme_title: w.record.programmeTitle, beneficiary_locations: JSON.stringify(w.record.beneficiaryLocations),
  regrant_type: w.record.regrantType, url: w.record.url, data_source: w.record.dataSource, parent_grant_id: w.parentGrantId ?? null, created_by: userId,
});

export async function insertGrants(db: Db, spaceId: string, writes: GrantWrite[], userId: string | null) {
  const ids: string[] = [];
  // 29 columns a row: 1,000 rows stay well under PostgreSQL's 65,535 parameters.
  for (let i = 0; i < writes.length; i += 1000) {
    const rows = await db.insertInto('funding_grants').values(writes.slice(i, i + 1000).map((w) => rowOf(spaceId, w, userId))).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export async function updateGrant(db: Db, id: string, w: GrantWrite) {
  const { space_id: _space, created_by: _by, parent_grant_id: _parent, ...values } = rowOf('', w, null);
  await db.updateTable('funding_grants').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function findGrant(db: Db, id: string) {
  return db.selectFrom('funding_grants as g').select(grantColumns).where('g.id', '=', id).executeTakeFirst();
}

export async function listGrants(db: Db, spaceId: string, f: { from?: string; to?: string; review?: boolean; limit: number; offset: number }) {
  let query = db.selectFrom('funding_grants as g').where('g.space_id', '=', spaceId);
  if (f.from) query = query.where('g.award_date', '>=', f.from);
  if (f.to) query = query.where('g.award_date', '<=', f.to);
  if (f.review) query = query.where((eb) => eb.or([eb('g.funder_match', 'in', ['unsure', 'none']), eb('g.recipient_match', 'in', ['unsure', 'none'])]));
  const [count, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.select(grantColumns).orderBy('g.award_date', 'desc').orderBy('g.identifier').limit(f.limit).offset(f.offset).execute(),
  ]);
  return { total: Number(count.n), items };
}

/** Every grant of the space, for an export or the map of the money, oldest first. */
export async function allGrants(db: Db, spaceId: string) {
  return db.selectFrom('funding_grants as g').leftJoin('funding_grants as p', 'p.id', 'g.parent_grant_id')
    .select([...grantColumns, 'p.identifier as parentIdentifier']).where('g.space_id', '=', spaceId).orderBy('g.award_date').orderBy('g.identifier').execute();
}

/** Grants made to an organization, recorded in its own space or in an alliance's it belongs to. */
export async function grantsReceivedBy(db: Db, organizationId: string, spaceIds: string[], from: string, to: string) {
  if (!spaceIds.length) return [];
  return db.selectFrom('funding_grants as g').select(grantColumns).where('g.recipient_org_id', '=', organizationId)
    .where('g.space_id', 'in', spaceIds).where('g.award_date', '>=', from).where('g.award_date', '<=', to).execute();
}

export async function setLinks(db: Db, id: string, links: { funderOrgId?: string | null; recipientOrgId?: string | null; funderType?: string }) {
  await db.updateTable('funding_grants').set({
    ...(links.funderOrgId !== undefined ? { funder_org_id: links.funderOrgId, funder_match: links.funderOrgId ? 'confirmed' : 'none' } : {}),
    ...(links.recipientOrgId !== undefined ? { recipient_org_id: links.recipientOrgId, recipient_match: links.recipientOrgId ? 'confirmed' : 'none' } : {}),
    ...(links.funderType ? { funder_type: links.funderType } : {}),
    updated_at: new Date(),
  }).where('id', '=', id).execute();
}

export async function regrantedTotal(db: Db, parentId: string) {
  const row = await db.selectFrom('funding_grants').select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), sql<number>`0`).as('total'), eb.fn.countAll<number>().as('n')])
    .where('parent_grant_id', '=', parentId).executeTakeFirstOrThrow();
  return { total: Number(row.total), count: Number(row.n) };
}

export async function deleteGrant(db: Db, id: string) {
  await db.deleteFrom('funding_grants').where('id', '=', id).execute();
}

export async function listOtherIncome(db: Db, spaceId: string, from: string, to: string) {
  return db.selectFrom('other_income').select(['id', 'source_type as sourceType', 'amount_minor as amountMinor', 'received_on as receivedOn', 'description'])
    .where('space_id', '=', spaceId).where('received_on', '>=', from).where('received_on', '<=', to).orderBy('received_on').execute();
}

export async function insertOtherIncome(db: Db, row: { spaceId: string; sourceType: string; amountMinor: number; receivedOn: string; description: string; userId: string }) {
  return db.insertInto('other_income').values({ space_id: row.spaceId, source_type: row.sourceType, amount_minor: row.amountMinor, received_on: row.receivedOn,
    description: row.description, created_by: row.userId }).returning('id').executeTakeFirstOrThrow();
}

export async function findOtherIncome(db: Db, id: string) {
  return db.selectFrom('other_income').select(['id', 'space_id as spaceId', 'amount_minor as amountMinor']).where('id', '=', id).executeTakeFirst();
}

export async function deleteOtherIncome(db: Db, id: string) {
  await db.deleteFrom('other_income').where('id', '=', id).execute();
}

/** Each donor-gift total of a space in a span (not refunded, not in kind): the individual-giving source. */
export async function giftsTotal(db: Db, spaceId: string, from: string, to: string) {
  const row = await db.selectFrom('donations').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), sql<number>`0`).as('total'))
    .where('space_id', '=', spaceId).where('received_on', '>=', from).where('received_on', '<=', to)
    .where('refunded_on', 'is', null).where('in_kind', '=', false).executeTakeFirstOrThrow();
  return Number(row.total);
}

/** The organization whose own space this is. */
export async function ownerOfSpace(db: Db, spaceId: string) {
  return db.selectFrom('organizations').select(['id', 'name', 'kind']).where('own_space_id', '=', spaceId).executeTakeFirst();
}

/** The own spaces of the alliances the organization is an active member of. */
export async function allianceSpacesOf(db: Db, organizationId: string) {
  const rows = await db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id').select('a.own_space_id as spaceId')
    .where('m.member_id', '=', organizationId).where('m.status', '=', 'active').where('a.own_space_id', 'is not', null).execute();
  return rows.map((r) => r.spaceId!);
}

export async function activeMemberIds(db: Db, allianceId: string) {
  const rows = await db.selectFrom('memberships').select('member_id').where('alliance_id', '=', allianceId).where('status', '=', 'active').execute();
  return rows.map((r) => r.member_id);
}

/** Directory attributes of these organizations, only those the user may read. */
export async function readableOrganizations(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('organizations').select(['id', 'name', 'kind', 'issues', 'constituencies', 'region'])
    .where('id', 'in', ids).where('space_id', 'in', readableSpacesQuery(db, userId, 'profile')).execute();
}
