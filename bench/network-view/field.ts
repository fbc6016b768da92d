// A seeded field for the network view bench: organizations in planted communities, tied mostly
// inside their community, with the tie kinds the app draws. The metrics are plausible stand-ins
// (from degree and ties across communities), not computed: the view only scales and colours by
// them, so their distribution matters, not their exactness.
import { plantedPartitionGraph } from '../../src/network/analytics/graph-generators.ts';
import { seededRandom } from '../../src/network/analytics/seeded-random.ts';
import type { GraphNode, GraphTie } from '../../src/web/pages/network/NetworkGraph.tsx';

export interface FieldShape {
  communities: number;
  perCommunity: number;
  /** Expected ties inside communities and across them. */
  tiesInside: number;
  tiesAcross: number;
  seed: number;
}

export const TEN_THOUSAND: FieldShape = { communities: 40, perCommunity: 250, tiesInside: 40_000, tiesAcross: 10_000, seed: 20_260_501 };

// Shares of each kind (cumulative thresholds); co_attendance is the one the bench toggles.
const KINDS: [kind: string, upTo: number][] = [
  ['co_membership', 0.38], ['co_attendance', 0.68], ['formal_partnership', 0.86], ['funds', 0.95], ['conflict', 1],
];

export function generateField(shape: FieldShape): { nodes: GraphNode[]; ties: GraphTie[] } {
  const n = shape.communities * shape.perCommunity;
  const pairsInside = shape.communities * ((shape.perCommunity * (shape.perCommunity - 1)) / 2);
  const pairsAcross = (n * (n - 1)) / 2 - pairsInside;
  const { graph, groupOf } = plantedPartitionGraph(shape.communities, shape.perCommunity,
    shape.tiesInside / pairsInside, shape.tiesAcross / pairsAcross, shape.seed);
  const random = seededRandom(shape.seed + 1);
  const id = (u: number) => `org-${String(u).padStart(5, '0')}`;
  const ties: GraphTie[] = [];
  const across = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const v = graph.targets[e]!;
      if (groupOf[u] !== groupOf[v]) across[u]! += 1;
      if (u > v) continue;
      const draw = random();
      ties.push({ a: id(u), b: id(v), kind: KINDS.find(([, upTo]) => draw < upTo)![0] });
    }
  }
  const nodes: GraphNode[] = [];
  for (let u = 0; u < n; u++) {
    const degree = graph.offsets[u + 1]! - graph.offsets[u]!;
    nodes.push({
      id: id(u), name: `Organization ${u + 1}`, community: groupOf[u]!,
      // Brokers are the ones tied across communities: betweenness grows with those ties.
      betweenness: (across[u]! * across[u]! + degree * random()) / (n * n),
      degree: degree / (n - 1),
      pagerank: (0.15 + 0.85 * degree / (2 * graph.edgeCount / n)) / n,
    });
  }
  return { nodes, ties };
}
