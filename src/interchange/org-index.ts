import type { Db } from '../db/database.ts';
import { compact } from '../imports/import-labels.ts';

export interface IndexedOrg { id: string; name: string; kind: string; ownSpaceId: string | null; spaceId: string; spaceName: string }

export interface OrgIndex {
  /** The one visible organization called `name` (or with that short name); pushes an error otherwise. */
  find(name: string, field: string, errors: { field: string; message: string }[]): IndexedOrg | undefined;
  /** Every visible organization whose name or short name is `name` once case, accents, spaces and punctuation are set aside. */
  similar(name: string): IndexedOrg[];
  /** A visible organization by its id. */
  byId(id: string): IndexedOrg | undefined;
}

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Names of the organizations in the given spaces, to resolve the names a CSV file uses and to find its near-duplicates. */
export async function buildOrgIndex(db: Db, spaceIds: string[]): Promise<OrgIndex> {
  const rows = spaceIds.length ? await db.selectFrom('organizations').innerJoin('spaces', 'spaces.id', 'organizations.space_id')
    .select(['organizations.id', 'organizations.name', 'organizations.short_name', 'organizations.kind', 'organizations.own_space_id',
      'organizations.space_id', 'spaces.name as space_name'])
    .where('organizations.space_id', 'in', spaceIds).execute() : [];
  const byName = new Map<string, IndexedOrg[]>();
  const byCompact = new Map<string, IndexedOrg[]>();
  const ids = new Map<string, IndexedOrg>();
  const add = (map: Map<string, IndexedOrg[]>, k: string, org: IndexedOrg) => {
    const list = map.get(k) ?? [];
    if (!list.includes(org)) map.set(k, [...list, org]);
  };
  for (const r of rows) {
    const org = { id: r.id, name: r.name, kind: r.kind, ownSpaceId: r.own_space_id, spaceId: r.space_id, spaceName: r.space_name };
    ids.set(r.id, org);
    for (const name of [r.name, r.short_name]) {
      if (!name) continue;
      add(byName, key(name), org);
      if (compact(name)) add(byCompact, compact(name), org);
    }
  }
  return {
    find(name, field, errors) {
      const matches = byName.get(key(name)) ?? [];
      if (matches.length === 1) return matches[0];
      errors.push({ field, message: matches.length ? `"${name}" names ${matches.length} organizations; use the full name` : `no organization called "${name}"` });
      return undefined;
    },
    similar: (name) => byCompact.get(compact(name)) ?? [],
    byId: (id) => ids.get(id.toLowerCase()),
  };
}
