import { findCounty, findState } from '../areas/us-areas.ts';
import { diffRecords } from '../audit/diff.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { type FieldError, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireAccess } from '../spaces/access.ts';
import { insertSpace, upsertRole } from '../spaces/spaces.repository.ts';
import { getVocabularies, unknownTerms, type Vocabularies } from '../vocabularies/vocabulary.service.ts';
import * as repo from './organization.repository.ts';
import type { Organization, OrganizationInput } from './organization.schema.ts';

/** Rules that need the workspace's lists: vocabulary keys and real FIPS codes. */
export async function checkOrganizationInput(db: Db, input: OrganizationInput): Promise<FieldError[]> {
  return organizationInputErrors(input, await getVocabularies(db));
}

/** The same rules with the lists already at hand (an import checks thousands of rows). */
export function organizationInputErrors(input: OrganizationInput, vocabularies: Vocabularies): FieldError[] {
  const errors = unknownTerms(input, vocabularies);
  if (input.location.stateFips && !findState(input.location.stateFips)) {
    errors.push({ field: 'location.stateFips', message: `no US state has FIPS code ${input.location.stateFips}` });
  }
  if (input.location.countyFips && !findCounty(input.location.countyFips)) {
    errors.push({ field: 'location.countyFips', message: `no US county has FIPS code ${input.location.countyFips}` });
  }
  return errors;
}

/**
 * Adds an organization to the directory of `spaceId`. An alliance always gets its own shared
 * space (its memberships live there), and so does an organization created with `ownSpace`;
 * the creator becomes that space's owner.
 */
export async function createOrganization(db: Db, actor: Actor, spaceId: string | null, input: OrganizationInput, options: { ownSpace?: boolean; externalId?: string | null } = {}) {
  if (spaceId) await requireAccess(db, actor, spaceId, 'member');
  // A record outside any space starts a new space: only workspace administrators open new ones.
  else if (!actor.isWorkspaceAdmin) throw invalid([{ field: 'spaceId', message: 'choose the space the record belongs to' }]);
  else if (input.kind !== 'alliance' && !options.ownSpace) throw invalid([{ field: 'ownSpace', message: 'a record with no space needs its own space' }]);
  const errors = await checkOrganizationInput(db, input);
  if (errors.length) throw invalid(errors);
  return db.transaction().execute((trx) => insertOrganizationInTransaction(trx, actor, spaceId, input, options));
}

/** Inserts (within the caller's transaction) with the alliance's own space and the audit entry. */
export async function insertOrganizationInTransaction(trx: Db, actor: Actor, spaceId: string | null, input: OrganizationInput, options: { ownSpace?: boolean; externalId?: string | null } = {}) {
  let homeSpaceId = spaceId ?? '';
  let ownSpaceId: string | null = null;
  if (input.kind === 'alliance' || options.ownSpace) {
    const space = await insertSpace(trx, { kind: input.kind === 'alliance' ? 'alliance' : 'organization', name: input.name });
    await upsertRole(trx, space.id, actor.userId, 'owner');
    homeSpaceId = ownSpaceId = space.id;
  }
  const org = await repo.insertOrganization(trx, homeSpaceId, input, { ownSpaceId, externalId: options.externalId });
  await insertAudit(trx, [{ userId: actor.userId, spaceId: homeSpaceId, action: 'create', entity: 'organization', entityId: org.id, changes: diffRecords(null, repo.toColumns(input)) }]);
  return org;
}

/** The organization, if the actor can read its space (directly or through a profile grant). */
export async function getOrganization(db: Db, actor: Actor, id: string): Promise<Organization> {
  const org = await repo.findOrganization(db, id);
  if (!org) throw notFound('organization');
  await requireAccess(db, actor, org.spaceId, 'viewer', 'profile');
  return org;
}

export async function updateOrganization(db: Db, actor: Actor, id: string, input: OrganizationInput) {
  const before = await getOrganization(db, actor, id);
  await requireAccess(db, actor, before.spaceId, 'member');
  if (before.kind === 'alliance' && input.kind !== 'alliance') {
    throw invalid([{ field: 'kind', message: 'an alliance with its own space stays an alliance' }]);
  }
  if (before.kind !== 'alliance' && input.kind === 'alliance') {
    // Its memberships would need a shared space of its own: create the alliance as a new record.
    throw invalid([{ field: 'kind', message: 'create a new alliance instead of turning an organization into one' }]);
  }
  const errors = await checkOrganizationInput(db, input);
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    const beforeColumns = repo.toColumns({ ...before, alliance: before.alliance ?? undefined } as OrganizationInput);
    const org = await repo.updateOrganization(trx, id, input);
    const changes = diffRecords(beforeColumns, repo.toColumns(input));
    if (Object.keys(changes).length) {
      await insertAudit(trx, [{ userId: actor.userId, spaceId: org.spaceId, action: 'update', entity: 'organization', entityId: id, changes }]);
    }
    return org;
  });
}

export async function deleteOrganization(db: Db, actor: Actor, id: string) {
  const org = await getOrganization(db, actor, id);
  await requireAccess(db, actor, org.spaceId, 'admin');
  await db.transaction().execute(async (trx) => {
    await repo.deleteOrganization(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: org.spaceId, action: 'delete', entity: 'organization', entityId: id, changes: { name: [org.name, null] } }]);
  });
}

/** A page of the directory: the organizations whose profile the actor may read (own spaces and profile grants). */
export async function searchDirectory(db: Db, actor: Actor, filter: repo.DirectoryFilter) {
  return repo.searchOrganizations(db, actor.userId, filter);
}
