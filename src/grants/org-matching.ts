import type { GrantOrg } from './grant-file.ts';

// A funder or recipient as a grant file names it, linked to a directory organization, pure: by its
// org-id (the directory's external id), then by its name or short name (accents, case and
// punctuation aside). One exact match links; several, or a match only once legal endings are set
// aside ("Inc.", "Ltd"), is unsure and goes to the review list with its candidates; none is none.

export interface DirectoryEntry { id: string; name: string; shortName: string | null; externalId: string | null }
export type MatchKind = 'id' | 'name' | 'unsure' | 'none';
export interface OrgMatch { organizationId: string | null; match: MatchKind; candidates: string[] }

export const normalizeName = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const LEGAL_ENDINGS = /\b(the|inc|incorporated|llc|ltd|limited|corp|corporation|co|company|plc|cic)\b/g;
/** A name with accents, case, punctuation and legal endings set aside. */
export const looseName = (name: string) => normalizeName(name).replace(LEGAL_ENDINGS, ' ').replace(/\s+/g, ' ').trim();

export interface DirectoryIndex { byId: Map<string, string[]>; byName: Map<string, string[]>; byLoose: Map<string, string[]> }

export function indexDirectory(entries: DirectoryEntry[]): DirectoryIndex {
  const index: DirectoryIndex = { byId: new Map(), byName: new Map(), byLoose: new Map() };
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    if (!key) return;
    const list = map.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    map.set(key, list);
  };
  for (const e of entries) {
    if (e.externalId) add(index.byId, e.externalId.trim().toLowerCase(), e.id);
    for (const n of [e.name, e.shortName]) {
      if (!n) continue;
      add(index.byName, normalizeName(n), e.id);
      add(index.byLoose, looseName(n), e.id);
    }
  }
  return index;
}

export function matchOrganization(org: GrantOrg, index: DirectoryIndex): OrgMatch {
  const byId = org.identifier ? index.byId.get(org.identifier.trim().toLowerCase()) : undefined;
  if (byId?.length === 1) return { organizationId: byId[0]!, match: 'id', candidates: [] };
  const byName = index.byName.get(normalizeName(org.name));
  if (byName?.length === 1 && !byId?.length) return { organizationId: byName[0]!, match: 'name', candidates: [] };
  const candidates = [...new Set([...(byId ?? []), ...(byName ?? []), ...(index.byLoose.get(looseName(org.name)) ?? [])])];
  return candidates.length ? { organizationId: null, match: 'unsure', candidates } : { organizationId: null, match: 'none', candidates: [] };
}
