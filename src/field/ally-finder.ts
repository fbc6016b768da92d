// Pure: rank organizations outside an alliance by fit — how much they fill its gaps, how aligned
// they are, how reachable through trusted ties — never by size (the report warns against adding
// peripheral organizations "for the sheer sake of having a large number"). Every point of a
// score comes with its reason, and reachability with the introduction path.

export interface Candidate { id: string; name: string; stateFips: string | null; issues: string[]; constituencies: string[]; capacities: string[] }
export interface Gaps { capacities: string[]; states: string[]; priorityConstituencies: string[] }
export type Reason =
  | { kind: 'fills_capacity' | 'in_missing_state' | 'reaches_priority_constituency' | 'shares_issue'; key: string; points: number }
  | { kind: 'reachable'; hops: number; points: number };

export const POINTS = { capacity: 3, state: 2, constituency: 3, issue: 1, maxIssues: 5, reach: [0, 3, 2, 1] } as const;

/** Shortest paths (by hops) from any member to every other organization, over trusted ties. */
export function introductionPaths(memberIds: string[], ties: { a: string; b: string }[], maxHops = 3): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  for (const t of ties) {
    neighbours.set(t.a, [...(neighbours.get(t.a) ?? []), t.b]);
    neighbours.set(t.b, [...(neighbours.get(t.b) ?? []), t.a]);
  }
  const path = new Map<string, string[]>(memberIds.map((m) => [m, [m]]));
  let frontier = [...memberIds].sort();
  for (let hop = 1; hop <= maxHops && frontier.length; hop++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const v of [...(neighbours.get(u) ?? [])].sort()) {
        if (path.has(v)) continue;
        path.set(v, [...path.get(u)!, v]);
        next.push(v);
      }
    }
    frontier = next;
  }
  for (const m of memberIds) path.delete(m);
  return path;
}

export function rankAllies(candidates: Candidate[], gaps: Gaps, allianceIssues: string[], paths: Map<string, string[]>) {
  const issues = new Set(allianceIssues);
  return candidates.map((c) => {
    const reasons: Reason[] = [
      ...c.capacities.filter((k) => gaps.capacities.includes(k)).map((key) => ({ kind: 'fills_capacity' as const, key, points: POINTS.capacity })),
      ...(c.stateFips && gaps.states.includes(c.stateFips) ? [{ kind: 'in_missing_state' as const, key: c.stateFips, points: POINTS.state }] : []),
      ...c.constituencies.filter((k) => gaps.priorityConstituencies.includes(k)).map((key) => ({ kind: 'reaches_priority_constituency' as const, key, points: POINTS.constituency })),
      ...c.issues.filter((k) => issues.has(k)).slice(0, POINTS.maxIssues).map((key) => ({ kind: 'shares_issue' as const, key, points: POINTS.issue })),
    ];
    const path = paths.get(c.id) ?? null;
    const hops = path ? path.length - 1 : 0;
    if (hops > 0) reasons.push({ kind: 'reachable', hops, points: POINTS.reach[hops] ?? 0 });
    return { id: c.id, name: c.name, score: reasons.reduce((s, r) => s + r.points, 0), reasons, introductionPath: path };
  }).filter((r) => r.score > 0).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
