import type { ElectorRow } from './electorate.repository.ts';

// Pure rules of who votes and who may cast each elector's one ballot.

export interface Elector {
  id: string;
  label: string;
  casters: { userId: string; castAs: 'representative' | 'alternate' | 'self' }[];
}

/** Groups (elector, caster) rows into electors, each once, with everyone who may cast for it. */
export function groupElectors(rows: ElectorRow[]): Elector[] {
  const byId = new Map<string, Elector>();
  for (const row of rows) {
    const elector = byId.get(row.electorId) ?? { id: row.electorId, label: row.label, casters: [] };
    byId.set(row.electorId, elector);
    if (row.casterUserId && row.castAs && !elector.casters.some((c) => c.userId === row.casterUserId && c.castAs === row.castAs)) {
      elector.casters.push({ userId: row.casterUserId, castAs: row.castAs });
    }
  }
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** The electors a user may cast for, with the capacity they would cast in (representative first). */
export function castingRightsOf(electors: Elector[], userId: string): { electorId: string; castAs: 'representative' | 'alternate' | 'self' }[] {
  const rank = { self: 0, representative: 0, alternate: 1 } as const;
  return electors.flatMap((e) => {
    const mine = e.casters.filter((c) => c.userId === userId).sort((a, b) => rank[a.castAs] - rank[b.castAs]);
    return mine.length ? [{ electorId: e.id, castAs: mine[0]!.castAs }] : [];
  });
}

export type CastRefusal = 'alternate_after_representative' | null;

/**
 * One ballot per organization: its representative casts it; the alternate only while no
 * representative has voted. A representative voting after the alternate replaces the alternate's
 * ballot (the history keeps both).
 */
export function mayCast(castAs: 'representative' | 'alternate' | 'self', current: { castAs: string } | undefined): CastRefusal {
  if (castAs === 'alternate' && current?.castAs === 'representative') return 'alternate_after_representative';
  return null;
}
