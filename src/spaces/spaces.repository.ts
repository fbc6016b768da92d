import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { GrantScope, SpaceRole } from './roles.ts';

export async function deleteSpace(db: Db, id: string) {
  await db.deleteFrom('spaces').where('id', '=', id).execute();
}

export async function insertSpace(db: Db, space: { kind: 'organization' | 'alliance'; name: string }) {
  return db.insertInto('spaces').values(space).returning(['id', 'kind', 'name']).executeTakeFirstOrThrow();
}

export async function findSpace(db: Db, spaceId: string) {
  return db.selectFrom('spaces').selectAll().where('id', '=', spaceId).executeTakeFirst();
}

export async function findRole(db: Db, userId: string, spaceId: string): Promise<SpaceRole | null> {
  const row = await db.selectFrom('space_roles').select('role')
    .where('user_id', '=', userId).where('space_id', '=', spaceId).executeTakeFirst();
  return row?.role ?? null;
}

export async function upsertRole(db: Db, spaceId: string, userId: string, role: SpaceRole) {
  await db.insertInto('space_roles').values({ space_id: spaceId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['space_id', 'user_id']).doUpdateSet({ role })).execute();
}

export async function deleteRole(db: Db, spaceId: string, userId: string) {
  const result = await db.deleteFrom('space_roles').where('space_id', '=', spaceId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The owners of a space, their rows locked: two owners demoting each other at once cannot leave none. */
export async function countOwners(db: Db, spaceId: string) {
  const rows = await db.selectFrom('space_roles').select('user_id').where('space_id', '=', spaceId).where('role', '=', 'owner').forUpdate().execute();
  return rows.length;
}

export async function listRoles(db: Db, spaceId: string) {
  return db.selectFrom('space_roles').innerJoin('users', 'users.id', 'space_roles.user_id')
    .select(['users.id as userId', 'users.email', 'users.display_name as displayName', 'space_roles.role'])
    .where('space_id', '=', spaceId).orderBy('users.display_name').execute();
}

/** The spaces a user has a role in, with the organization each space belongs to. */
export async function listSpacesOfUser(db: Db, userId: string) {
  return db.selectFrom('space_roles')
    .innerJoin('spaces', 'spaces.id', 'space_roles.space_id')
    .leftJoin('organizations', 'organizations.own_space_id', 'spaces.id')
    .select(['spaces.id', 'spaces.kind', 'spaces.name', 'space_roles.role', 'organizations.id as organizationId'])
    .where('space_roles.user_id', '=', userId).orderBy('spaces.name').execute();
}

/** The spaces the user holds a role in (where their own work, not only what is shared, is open to them). */
export async function listRoleSpaceIds(db: Db, userId: string): Promise<string[]> {
  return (await db.selectFrom('space_roles').select('space_id').where('user_id', '=', userId).execute()).map((r) => r.space_id);
}

/**
 * Spaces whose records of `scope` the user may read: the spaces they hold a role in, plus the
 * spaces that granted `scope` to one of those. One query; callers use it as a filter.
 */
export async function listReadableSpaceIds(db: Db, userId: string, scope: GrantScope): Promise<string[]> {
  const rows = await readableSpacesQuery(db, userId, scope).execute();
  return rows.map((r) => r.space_id);
}

/** The same set as a subquery, so that a search filters in the database without a long id list. */
export function readableSpacesQuery(db: Db, userId: string, scope: GrantScope) {
  return db.selectFrom('space_roles').select('space_id').where('user_id', '=', userId)
    .union(
      db.selectFrom('grants').innerJoin('space_roles', 'space_roles.space_id', 'grants.to_space_id')
        .select('grants.from_space_id as space_id')
        .where('space_roles.user_id', '=', userId).where('grants.scope', '=', scope).where('grants.revoked_at', 'is', null),
    );
}

export async function hasActiveGrant(db: Db, fromSpaceId: string, toSpaceIds: string[], scope: GrantScope) {
  if (toSpaceIds.length === 0) return false;
  const row = await db.selectFrom('grants').select('id').where('from_space_id', '=', fromSpaceId)
    .where('to_space_id', 'in', toSpaceIds).where('scope', '=', scope).where('revoked_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export async function insertGrant(db: Db, grant: { fromSpaceId: string; toSpaceId: string; scope: GrantScope; userId: string }) {
  return db.insertInto('grants').values({
    from_space_id: grant.fromSpaceId, to_space_id: grant.toSpaceId, scope: grant.scope, created_by: grant.userId,
  }).onConflict((oc) => oc.columns(['from_space_id', 'to_space_id', 'scope']).where('revoked_at', 'is', null).doNothing())
    .returning('id').executeTakeFirst();
}

export async function findGrant(db: Db, grantId: string) {
  return db.selectFrom('grants').selectAll().where('id', '=', grantId).executeTakeFirst();
}

export async function revokeGrant(db: Db, grantId: string, userId: string) {
  await db.updateTable('grants').set({ revoked_at: new Date(), revoked_by: userId })
    .where('id', '=', grantId).where('revoked_at', 'is', null).execute();
}

/** Grants a space has given and received, active and revoked, newest first. */
export async function listGrants(db: Db, spaceId: string) {
  return db.selectFrom('grants')
    .innerJoin('spaces as from_space', 'from_space.id', 'grants.from_space_id')
    .innerJoin('spaces as to_space', 'to_space.id', 'grants.to_space_id')
    .select(['grants.id', 'grants.scope', 'grants.created_at as createdAt', 'grants.revoked_at as revokedAt',
      'grants.from_space_id as fromSpaceId', 'from_space.name as fromSpaceName',
      'grants.to_space_id as toSpaceId', 'to_space.name as toSpaceName'])
    .where((eb) => eb.or([eb('grants.from_space_id', '=', spaceId), eb('grants.to_space_id', '=', spaceId)]))
    .orderBy('grants.created_at', 'desc').execute();
}

/**
 * In one query, what a user can reach: their roles, and every active grant into a space where
 * they hold one. Pages that check many spaces at once (the directory, the alliance page) start
 * from this, once per request.
 */
export async function loadReach(db: Db, userId: string) {
  // One round trip, one row: an alliance coordinator can receive hundreds of grants, and two JSON
  // arrays are far cheaper for the driver to read than as many rows.
  const { rows } = await sql<{ roles: Array<[string, SpaceRole]>; grants: Array<[string, string, GrantScope]> }>`
    select
      (select coalesce(json_agg(json_build_array(space_id, role)), '[]') from space_roles where user_id = ${userId}) as roles,
      (select coalesce(json_agg(json_build_array(g.from_space_id, g.to_space_id, g.scope)), '[]')
         from grants g join space_roles r on r.space_id = g.to_space_id
        where r.user_id = ${userId} and g.revoked_at is null) as grants`.execute(db);
  const roleIn = new Map(rows[0]!.roles);
  const grants = rows[0]!.grants.map(([from_space_id, to_space_id, scope]) => ({ from_space_id, to_space_id, scope }));
  const readable = (scope: GrantScope) => new Set([...roleIn.keys(), ...grants.filter((g) => g.scope === scope).map((g) => g.from_space_id)]);
  return {
    roleIn,
    profileReadable: readable('profile'),
    peopleReadable: readable('people'),
    // "from>to" pairs: the people holding seats in `to` that `from` shares.
    representativeGrants: new Set(grants.filter((g) => g.scope === 'representatives').map((g) => `${g.from_space_id}>${g.to_space_id}`)),
  };
}
