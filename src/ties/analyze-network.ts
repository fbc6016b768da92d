import { betweennessAuto } from '../network/analytics/approximate-betweenness.ts';
import { closeness } from '../network/analytics/closeness.ts';
import { buildCsrGraph } from '../network/analytics/csr-graph.ts';
import { degrees } from '../network/analytics/degree.ts';
import { density } from '../network/analytics/density.ts';
import { eiIndexMultiValued } from '../network/analytics/ei-index.ts';
import { louvain } from '../network/analytics/louvain.ts';
import { pagerank } from '../network/analytics/pagerank.ts';
import type { DerivedTie } from './derived-ties.ts';

// Pure: the field's network and what it says — who brokers (betweenness), who is central
// (degree, closeness, PageRank), the silos (Louvain communities), and how much ties cross
// constituency and issue lines (E-I index). Conflict ties are shown but not counted as channels:
// tension between two organizations does not carry information or trust between them.

export interface NetworkNode { id: string; name: string; constituencies: string[]; issues: string[] }
export interface StatedTie { id: string; a: string; b: string; kind: string; strength: number }

export interface NetworkOptions { derived: boolean; kinds?: string[] }

/** Told the completed fraction of the analysis and the measure being computed. */
export type ReportProgress = (fraction: number, phase: string) => void;

/** Closeness is exact (a search from every node); above this size it is left out and the result says so. */
const CLOSENESS_UP_TO = 20_000;

// Each measure's share of the running time, for one progress bar across all of them.
const PHASES = { betweenness: [0, 0.6], closeness: [0.6, 0.9], pagerank: [0.9, 0.93], communities: [0.93, 0.99] } as const;

function phase(report: ReportProgress | undefined, name: keyof typeof PHASES) {
  const [from, to] = PHASES[name];
  report?.(from, name);
  return { onProgress: report && ((f: number) => report(from + (to - from) * f, name)) };
}

function eiOf(graph: ReturnType<typeof buildCsrGraph>, byId: Map<string, NetworkNode>, field: 'constituencies' | 'issues') {
  const codes = new Map<string, number>();
  const valuesOf = graph.ids.map((id) => byId.get(id)![field].map((v) => codes.get(v) ?? (codes.set(v, codes.size), codes.size - 1)));
  const result = eiIndexMultiValued(graph, valuesOf);
  return result.overall;
}

export function analyzeNetwork(nodes: NetworkNode[], stated: StatedTie[], derived: DerivedTie[], options: NetworkOptions, report?: ReportProgress) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const known = byId;
  const wanted = (kind: string) => !options.kinds?.length || options.kinds.includes(kind);
  const edges = [
    ...stated.filter((t) => t.kind !== 'conflict' && wanted(t.kind) && known.has(t.a) && known.has(t.b)).map((t) => ({ source: t.a, target: t.b, weight: t.strength })),
    ...(options.derived ? derived.filter((t) => wanted(t.kind) && known.has(t.a) && known.has(t.b)).map((t) => ({ source: t.a, target: t.b, weight: t.sources.length })) : []),
  ];
  const graph = buildCsrGraph({ nodes: nodes.map((n) => n.id), edges });
  const deg = degrees(graph);
  const between = betweennessAuto(graph, { weight: null, ...phase(report, 'betweenness') });
  const close = graph.nodeCount <= CLOSENESS_UP_TO ? closeness(graph, { weight: null, ...phase(report, 'closeness') }) : null;
  const rank = pagerank(graph, { weight: 'strength', ...phase(report, 'pagerank') });
  const communities = louvain(graph, { weight: 'strength', seed: 1, ...phase(report, 'communities') });
  const perNode = graph.ids.map((id, i) => ({
    id, name: byId.get(id)!.name, degree: deg.degree[i]!, weightedDegree: deg.weightedDegree[i]!,
    betweenness: between.values[i]!, closeness: close ? close.values[i]! : null, pagerank: rank.values[i]!, community: communities.communityOf[i]!,
  }));
  const groups = new Map<number, string[]>();
  for (const n of perNode) groups.set(n.community, [...(groups.get(n.community) ?? []), n.id]);
  return {
    nodeCount: graph.nodeCount, tieCount: graph.edgeCount, density: density(graph),
    betweennessMethod: between.method,
    betweennessGuarantee: between.method === 'exact' ? null : { epsilon: between.epsilon, delta: between.delta, errorBound: between.errorBound, samples: between.samples },
    closenessMethod: close ? 'exact' as const : 'left out (too many organizations)' as const, modularity: communities.modularity,
    nodes: perNode.sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.name.localeCompare(b.name)),
    communities: [...groups.entries()].map(([id, members]) => ({ id, members })).filter((c) => c.members.length > 1).sort((a, b) => b.members.length - a.members.length),
    eiIndex: { constituencies: eiOf(graph, byId, 'constituencies'), issues: eiOf(graph, byId, 'issues') },
  };
}
