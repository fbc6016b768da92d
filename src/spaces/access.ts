import type { Db } from '../db/database.ts';
import { forbidden, notFound } from '../server/problem.ts';
import { type GrantScope, roleAtLeast, type SpaceRole } from './roles.ts';
import { findRole, hasActiveGrant, listRoleSpaceIds } from './spaces.repository.ts';

export interface Actor {
  userId: string;
  isWorkspaceAdmin: boolean;
  /** The account's language: what the API answers in when a request does not say. */
  language?: 'en' | 'es';
}

/**
 * Checks that the actor may act on records of `spaceId` with at least `needed`.
 * A space the actor cannot see at all answers 404 (we do not confirm it exists);
 * a space they can see but not change answers 403. Reading (needed = 'viewer') is also
 * allowed through an active grant of `scope` to a space where the actor holds a role.
 * Returns the actor's own role in the space, or null when reading through a grant.
 */
export async function requireAccess(
  db: Db, actor: Actor, spaceId: string, needed: SpaceRole, scope: GrantScope = 'profile',
): Promise<SpaceRole | null> {
  const role = await findRole(db, actor.userId, spaceId);
  if (roleAtLeast(role, needed)) return role;
  if (role) throw forbidden();
  const granted = await hasActiveGrant(db, spaceId, await listRoleSpaceIds(db, actor.userId), scope);
  if (!granted) throw notFound();
  if (needed === 'viewer') return null;
  throw forbidden();
}

/**
 * Like requireAccess, but only a role in the space opens it: for the space's own work
 * (convenings, plans, campaigns, power maps, proposals, committees, the charter, alerts). A grant
 * shares a space's profile, representatives or people, never these, so a caller who sees the
 * space only through a grant is told there is nothing here (404, naming `what`).
 */
export async function requireRole(db: Db, actor: Actor, spaceId: string, needed: SpaceRole, what?: string): Promise<SpaceRole> {
  const role = await findRole(db, actor.userId, spaceId);
  if (!role) throw notFound(what);
  if (!roleAtLeast(role, needed)) throw forbidden();
  return role;
}

/** Whether the actor may read the profiles of `spaceId` (a role there, or a profile grant): for naming an organization in a form. */
export async function canSeeProfiles(db: Db, actor: Actor, spaceId: string): Promise<boolean> {
  return requireAccess(db, actor, spaceId, 'viewer').then(() => true, () => false);
}
