import type { Command } from 'commander';
import type { Db } from '../db/database.ts';
import { findOwnSpacesByReference } from '../orgs/organization.repository.ts';
import { listSpacesOfUser } from '../spaces/spaces.repository.ts';

// `--space <spaceId>` or `--org <id | name | short name>` (the organization's own space): every
// command that works in a space takes either.

export function spaceOptions(command: Command, what = 'the space to work in') {
  return command.option('--space <spaceId>', what).option('--org <organization>', 'or the organization whose own space it is: its id, name or short name');
}

/** The space the options name. With `userId`, only organizations whose space that account holds a role in are considered. */
export async function resolveSpace(db: Db, o: { space?: string; org?: string }, userId?: string): Promise<string> {
  if (o.space && o.org) throw new Error('Give --space or --org, not both.');
  if (o.space) return o.space;
  if (!o.org) throw new Error('Say which space: --space <spaceId> or --org <id | name | short name>.');
  let found = await findOwnSpacesByReference(db, o.org);
  if (userId) {
    const mine = new Set((await listSpacesOfUser(db, userId)).map((s) => s.id));
    found = found.filter((f) => mine.has(f.ownSpaceId));
  }
  if (found.length === 0) throw new Error(`No organization "${o.org}" with a space${userId ? ' you hold a role in' : ''} (see: crossroads spaces --as <email>).`);
  if (found.length > 1) throw new Error(`"${o.org}" names ${found.length} organizations (${found.map((f) => `${f.name}: ${f.id}`).join(', ')}); use the id.`);
  return found[0]!.ownSpaceId;
}
