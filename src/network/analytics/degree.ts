// Degree: how many organizations one is tied to (its reach), and weighted degree: the total
// strength of those ties (its anchoring). Parallel ties were merged when the graph was built,
// so degree counts distinct partners.
import type { CsrGraph } from './csr-graph.ts';

export interface DegreeResult {
  /** Distinct partners of each node. */
  degree: Int32Array;
  /** Sum of tie strengths of each node. */
  weightedDegree: Float64Array;
  /** degree / (n − 1), as NetworkX's `degree_centrality` (all 1 when n ≤ 1). */
  centrality: Float64Array;
}

export function degrees(graph: CsrGraph): DegreeResult {
  const { nodeCount, offsets, weights } = graph;
  const degree = new Int32Array(nodeCount);
  const weightedDegree = new Float64Array(nodeCount);
  const centrality = new Float64Array(nodeCount);
  const scale = nodeCount > 1 ? 1 / (nodeCount - 1) : 1;
  for (let u = 0; u < nodeCount; u++) {
    const start = offsets[u]!;
    const end = offsets[u + 1]!;
    let strength = 0;
    for (let e = start; e < end; e++) strength += weights[e]!;
    degree[u] = end - start;
    weightedDegree[u] = strength;
    centrality[u] = (end - start) * scale;
  }
  return { degree, weightedDegree, centrality };
}
