// Pure: ties derived from what organizations do together. Every derived tie says where it comes
// from (which alliance, convening or campaign), so a coordinator can check it.

export type DerivedKind = 'co_membership' | 'co_attendance' | 'co_campaigning';

export interface Grouping { kind: DerivedKind; sourceId: string; sourceName: string; memberIds: string[] }

export interface DerivedTie { a: string; b: string; kind: DerivedKind; sources: { id: string; name: string }[] }

/** Rows of (group, member) as one grouping per group; rows without a member are skipped. */
export function groupingsOf(kind: DerivedKind, rows: { groupId: string; groupName: string; memberId: string | null }[]): Grouping[] {
  const groups = new Map<string, Grouping>();
  for (const r of rows) {
    if (!r.memberId) continue;
    const g = groups.get(r.groupId) ?? { kind, sourceId: r.groupId, sourceName: r.groupName, memberIds: [] };
    g.memberIds.push(r.memberId);
    groups.set(r.groupId, g);
  }
  return [...groups.values()];
}

/** One tie per pair of organizations that share a group, with every group they share. */
export function deriveTies(groupings: Grouping[]): DerivedTie[] {
  const ties = new Map<string, DerivedTie>();
  for (const g of groupings) {
    const members = [...new Set(g.memberIds)].sort();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const key = `${g.kind}|${members[i]}|${members[j]}`;
        const tie = ties.get(key) ?? { a: members[i]!, b: members[j]!, kind: g.kind, sources: [] };
        tie.sources.push({ id: g.sourceId, name: g.sourceName });
        ties.set(key, tie);
      }
    }
  }
  return [...ties.values()];
}
