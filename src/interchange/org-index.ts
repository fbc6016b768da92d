import type { Db } from '../db/database.ts';

export interface IndexedOrg { id: string; name: string; kind: string; ownSpaceId: string | null; spaceId: string }

export interface OrgIndex {
  /** The one visible organization called `name` (or with that short name); pushes an error otherwise. */
  find(name: string, field: string, errors: { field: string; message: string }[]): IndexedOrg | undefined;
}

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Names of the organizations in the given spaces, to resolve the names a CSV file uses. */
export async function buildOrgIndex(db: Db, spaceIds: string[]): Promise<OrgIndex> {
  const rows = spaceIds.length ? await db.selectFrom('organizations')
    .select(['id', 'name', 'short_name', 'kind', 'own_space_id', 'space_id']).where('space_id', 'in', spaceIds).execute() : [];
  const byName = new Map<string, IndexedOrg[]>();
  for (const r of rows) {
    const org = { id: r.id, name: r.name, kind: r.kind, ownSpaceId: r.own_space_id, spaceId: r.space_id };
    for (const k of new Set([key(r.name), ...(r.short_name ? [key(r.short_name)] : [])])) byName.set(k, [...(byName.get(k) ?? []), org]);
  }
  return {
    find(name, field, errors) {
      const matches = byName.get(key(name)) ?? [];
      if (matches.length === 1) return matches[0];
      errors.push({ field, message: matches.length ? `"${name}" names ${matches.length} organizations; use the full name` : `no organization called "${name}"` });
      return undefined;
    },
  };
}
