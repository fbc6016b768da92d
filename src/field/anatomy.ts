// Pure: the anatomy of alliances side by side — where their members are, which issues,
// constituencies, sectors and capacities they bring, at what scale they build power — with the
// gaps (capacities no member holds, states with no member, priority constituencies with few
// members) and the overlaps (organizations in more than one of the alliances compared).

export interface MemberFacts {
  id: string; name: string; profileShared: boolean;
  stateFips: string | null; countyFips: string | null; powerScale: string | null;
  issues: string[]; constituencies: string[]; sectors: string[]; capacities: string[];
}
export interface AllianceMembers { id: string; name: string; members: MemberFacts[] }

type Counts = Record<string, number>;
const countBy = (members: MemberFacts[], values: (m: MemberFacts) => (string | null)[]): Counts => {
  const counts: Counts = {};
  for (const m of members) for (const v of new Set(values(m))) if (v) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

export interface AnatomyContext { capacities: string[]; stateFips: string[]; priorityConstituencies: string[]; priorityStates?: string[]; fewAtMost?: number }

export function anatomyOf(alliance: AllianceMembers, context: AnatomyContext) {
  const shared = alliance.members.filter((m) => m.profileShared);
  const byState = countBy(shared, (m) => [m.stateFips]);
  const byCapacity = countBy(shared, (m) => m.capacities);
  const byConstituency = countBy(shared, (m) => m.constituencies);
  const few = context.fewAtMost ?? 1;
  return {
    id: alliance.id, name: alliance.name, members: alliance.members.length, profilesNotShared: alliance.members.length - shared.length,
    byState, byCounty: countBy(shared, (m) => [m.countyFips]), byIssue: countBy(shared, (m) => m.issues), byConstituency,
    bySector: countBy(shared, (m) => m.sectors), byCapacity, byScale: countBy(shared, (m) => [m.powerScale]),
    priorities: { constituencies: context.priorityConstituencies, states: context.priorityStates ?? [] },
    gaps: {
      capacities: context.capacities.filter((c) => !byCapacity[c]),
      states: context.stateFips.filter((s) => !byState[s]),
      priorityConstituencies: context.priorityConstituencies.filter((c) => (byConstituency[c] ?? 0) <= few).map((c) => ({ key: c, members: byConstituency[c] ?? 0 })),
      priorityStates: (context.priorityStates ?? []).filter((s) => (byState[s] ?? 0) <= few).map((s) => ({ key: s, members: byState[s] ?? 0 })),
    },
  };
}

/** Members shared by each pair of alliances (the matrix), and by each exact combination (the UpSet bars). */
export function overlapsOf(alliances: AllianceMembers[]) {
  const name = new Map(alliances.flatMap((a) => a.members.map((m) => [m.id, m.name] as const)));
  const memberOf = new Map<string, string[]>();
  for (const a of alliances) for (const m of a.members) memberOf.set(m.id, [...(memberOf.get(m.id) ?? []), a.id]);
  const matrix = alliances.map((a) => alliances.map((b) => {
    const inB = new Set(b.members.map((m) => m.id));
    return a.members.filter((m) => inB.has(m.id)).map((m) => m.id);
  }));
  const combos = new Map<string, { alliances: string[]; members: { id: string; name: string }[] }>();
  for (const [id, list] of memberOf) {
    const key = [...list].sort().join('|');
    const combo = combos.get(key) ?? { alliances: [...list].sort(), members: [] };
    combo.members.push({ id, name: name.get(id)! });
    combos.set(key, combo);
  }
  return {
    alliances: alliances.map((a) => ({ id: a.id, name: a.name })),
    matrix: matrix.map((row) => row.map((ids) => ({ count: ids.length, members: ids.map((id) => ({ id, name: name.get(id)! })) }))),
    intersections: [...combos.values()].sort((x, y) => y.members.length - x.members.length || y.alliances.length - x.alliances.length),
    inSeveral: [...memberOf.entries()].filter(([, list]) => list.length > 1).map(([id, list]) => ({ id, name: name.get(id)!, alliances: list })),
  };
}
