import { compact } from '../imports/import-labels.ts';

// Pure: which organizations a person means when they write a name in a file or on the command
// line — the id itself, or the name or short name with case, accents and punctuation ignored.

export interface NamedOrganization { id: string; name: string; shortName: string | null }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Indexes `orgs` once; the returned function lists every organization `text` could mean. */
export function organizationMatcher<T extends NamedOrganization>(orgs: T[]): (text: string) => T[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const byName = new Map<string, Map<string, T>>();
  for (const o of orgs) {
    for (const name of [o.name, o.shortName]) {
      if (!name) continue;
      const key = compact(name);
      byName.set(key, (byName.get(key) ?? new Map()).set(o.id, o));
    }
  }
  return (text) => {
    if (UUID.test(text)) { const o = byId.get(text.toLowerCase()); return o ? [o] : []; }
    return [...(byName.get(compact(text))?.values() ?? [])];
  };
}
