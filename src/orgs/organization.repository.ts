import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { OrganizationsTable } from '../db/tables.ts';
import { readableSpacesQuery } from '../spaces/spaces.repository.ts';
import type { DirectoryEntry, Organization, OrganizationInput } from './organization.schema.ts';

type Row = Selectable<OrganizationsTable>;

export function toOrganization(row: Row): Organization {
  return {
    id: row.id, spaceId: row.space_id, ownSpaceId: row.own_space_id,
    name: row.name, shortName: row.short_name, kind: row.kind as Organization['kind'], description: row.description,
    sectors: row.sectors, issues: row.issues, constituencies: row.constituencies, capacities: row.capacities,
    location: { stateFips: row.state_fips, countyFips: row.county_fips, city: row.city, region: row.region },
    powerScale: row.power_scale as Organization['powerScale'], legalStructure: row.legal_structure as Organization['legalStructure'],
    budgetBand: row.budget_band as Organization['budgetBand'], foundedOn: row.founded_on, website: row.website,
    email: row.email, phone: row.phone, alliance: (row.alliance_profile as Organization['alliance']) ?? null,
    createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function toColumns(input: OrganizationInput) {
  return {
    name: input.name, short_name: input.shortName ?? null, kind: input.kind, description: input.description ?? null,
    sectors: input.sectors, issues: input.issues, constituencies: input.constituencies,
    // Normalized so that the same capacities always compare equal (for audit diffs and re-imports).
    capacities: JSON.stringify(input.capacities.map((c) => ({ key: c.key, size: c.size ?? null }))),
    state_fips: input.location.stateFips ?? null, county_fips: input.location.countyFips ?? null,
    city: input.location.city ?? null, region: input.location.region ?? null,
    power_scale: input.powerScale ?? null, legal_structure: input.legalStructure ?? null, budget_band: input.budgetBand ?? null,
    founded_on: input.foundedOn ?? null, website: input.website ?? null, email: input.email ?? null, phone: input.phone ?? null,
    alliance_profile: JSON.stringify(input.kind === 'alliance' ? (input.alliance ?? {}) : null),
  };
}

type EntryRow = Pick<Row, 'id' | 'name' | 'short_name' | 'kind' | 'state_fips' | 'city' | 'issues'>;

function toDirectoryEntry(row: EntryRow): DirectoryEntry {
  return {
    id: row.id, name: row.name, shortName: row.short_name, kind: row.kind as DirectoryEntry['kind'],
    location: { stateFips: row.state_fips, city: row.city }, issues: row.issues,
  };
}

export async function insertOrganization(db: Db, spaceId: string, input: OrganizationInput, extra: { ownSpaceId?: string | null; externalId?: string | null } = {}) {
  const row = await db.insertInto('organizations')
    .values({ ...toColumns(input), space_id: spaceId, own_space_id: extra.ownSpaceId ?? null, external_id: extra.externalId ?? null })
    .returningAll().executeTakeFirstOrThrow();
  return toOrganization(row);
}

/** Many new directory entries of one space at once (no own spaces), with ids chosen by the caller. */
export async function insertOrganizations(db: Db, spaceId: string, items: { id: string; input: OrganizationInput; externalId: string | null }[]) {
  if (items.length === 0) return;
  await db.insertInto('organizations')
    .values(items.map((item) => ({ ...toColumns(item.input), id: item.id, space_id: spaceId, own_space_id: null, external_id: item.externalId })))
    .execute();
}

/** Whether any organization of the space has one of these names or short names (lowercased), or one of these external ids. */
export async function anyOrganizationNamed(db: Db, spaceId: string, lowerNames: string[], externalIds: string[]) {
  if (lowerNames.length === 0 && externalIds.length === 0) return false;
  const row = await db.selectFrom('organizations').select('id').where('space_id', '=', spaceId)
    .where((eb) => eb.or([
      ...(lowerNames.length ? [eb(eb.fn('lower', ['name']), 'in', lowerNames), eb(eb.fn('lower', ['short_name']), 'in', lowerNames)] : []),
      ...(externalIds.length ? [eb('external_id', 'in', externalIds)] : []),
    ])).limit(1).executeTakeFirst();
  return !!row;
}

export async function updateOrganization(db: Db, id: string, input: OrganizationInput) {
  const row = await db.updateTable('organizations').set({ ...toColumns(input), updated_at: new Date() })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toOrganization(row);
}

export async function deleteOrganization(db: Db, id: string) {
  await db.deleteFrom('organizations').where('id', '=', id).execute();
}

export async function findOrganization(db: Db, id: string) {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrganization(row) : undefined;
}

export async function findOrganizations(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return (await db.selectFrom('organizations').selectAll().where('id', 'in', ids).execute()).map(toOrganization);
}

export async function findOrganizationByExternalId(db: Db, spaceId: string, externalId: string) {
  const row = await db.selectFrom('organizations').selectAll().where('space_id', '=', spaceId).where('external_id', '=', externalId).executeTakeFirst();
  return row ? toOrganization(row) : undefined;
}

/** Which of `externalIds` already name an organization of the space. */
export async function existingExternalIds(db: Db, spaceId: string, externalIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < externalIds.length; i += 1000) {
    const rows = await db.selectFrom('organizations').select('external_id').where('space_id', '=', spaceId)
      .where('external_id', 'in', externalIds.slice(i, i + 1000)).execute();
    for (const r of rows) if (r.external_id) found.add(r.external_id);
  }
  return found;
}

export async function findOrganizationsByName(db: Db, spaceIds: string[], name: string) {
  if (spaceIds.length === 0) return [];
  const rows = await db.selectFrom('organizations').selectAll()
    .where('space_id', 'in', spaceIds)
    .where((eb) => eb.or([
      eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()),
      eb(eb.fn('lower', ['short_name']), '=', name.trim().toLowerCase()),
    ])).execute();
  return rows.map(toOrganization);
}

export interface DirectoryFilter {
  q?: string; kind?: string; issue?: string; constituency?: string; capacity?: string; state?: string; alliance?: string;
  limit: number; offset: number;
}

/**
 * One page of the directory among the spaces `userId` may read, with the total for paging.
 * The readable spaces stay a subquery: loading them first and sending them back as an array
 * gave the planner better estimates but cost more end to end (one more round trip, and a few
 * hundred ids written twice per request) on the generated workspace.
 */
export async function searchOrganizations(db: Db, userId: string, f: DirectoryFilter) {
  let query = db.selectFrom('organizations').where('space_id', 'in', readableSpacesQuery(db, userId, 'profile'));
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where('search_text', 'like', like);
  }
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.issue) query = query.where(sql<boolean>`issues @> array[${f.issue}]::text[]`);
  if (f.constituency) query = query.where(sql<boolean>`constituencies @> array[${f.constituency}]::text[]`);
  if (f.capacity) query = query.where(sql<boolean>`capacities @> ${JSON.stringify([{ key: f.capacity }])}::jsonb`);
  if (f.state) query = query.where('state_fips', '=', f.state);
  if (f.alliance) {
    query = query.where('id', 'in', (eb) => eb.selectFrom('memberships').select('member_id').where('alliance_id', '=', f.alliance!));
  }
  // Two queries on purpose: the page stops after `limit` rows in name order, and the count
  // reads no wide columns (a window count would make every match travel through a sort).
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    // Only what the list shows: a page of whole records is three times the bytes to read and send.
    query.select(['id', 'name', 'short_name', 'kind', 'state_fips', 'city', 'issues'])
      .orderBy(sql`lower(name)`).orderBy('id').limit(f.limit).offset(f.offset).execute(),
  ]);
  return { total: Number(count.n), items: rows.map(toDirectoryEntry) };
}

export async function listOrganizationsInSpace(db: Db, spaceId: string) {
  const rows = await db.selectFrom('organizations').selectAll().where('space_id', '=', spaceId).orderBy(sql`lower(name)`).execute();
  return rows.map(toOrganization);
}


/** Sets an alliance's stage of development inside its profile (the move itself is kept in stage_moves). */
export async function setAllianceStage(db: Db, id: string, stage: string) {
  await db.updateTable('organizations')
    .set({ alliance_profile: sql`jsonb_set(coalesce(alliance_profile, '{}'::jsonb), '{stage}', to_jsonb(${stage}::text))`, updated_at: new Date() })
    .where('id', '=', id).execute();
}

/** Organizations with a space of their own named by id, name or short name (ignoring case): for `--org` on the command line. */
export async function findOwnSpacesByReference(db: Db, reference: string) {
  const ref = reference.trim();
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  return db.selectFrom('organizations').select(['id', 'name', 'own_space_id as ownSpaceId']).where('own_space_id', 'is not', null)
    .where((eb) => (isId ? eb('id', '=', ref) : eb.or([eb(eb.fn('lower', ['name']), '=', ref.toLowerCase()), eb(eb.fn('lower', ['short_name']), '=', ref.toLowerCase())])))
    .execute() as Promise<{ id: string; name: string; ownSpaceId: string }[]>;
}
