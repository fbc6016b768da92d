// Small standard graphs with known answers, and seeded random ones, for tests, demos and the
// bench. Nodes are named by their index.
import { csrFromEdgeArrays, type CsrGraph } from './csr-graph.ts';
import { seededRandom } from './seeded-random.ts';

type Edge = readonly [number, number, number?];

export function graphFromEdges(nodeCount: number, edges: readonly Edge[]): CsrGraph {
  const sources = Int32Array.from(edges, (edge) => edge[0]);
  const targets = Int32Array.from(edges, (edge) => edge[1]);
  const weights = Float64Array.from(edges, (edge) => edge[2] ?? 1);
  return csrFromEdgeArrays(nodeCount, sources, targets, weights);
}

export function pathGraph(n: number): CsrGraph {
  return graphFromEdges(n, Array.from({ length: Math.max(0, n - 1) }, (_, i) => [i, i + 1] as const));
}

export function cycleGraph(n: number): CsrGraph {
  return graphFromEdges(n, Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as const));
}

/** Node 0 is the centre, tied to each of the `leaves` others. */
export function starGraph(leaves: number): CsrGraph {
  return graphFromEdges(leaves + 1, Array.from({ length: leaves }, (_, i) => [0, i + 1] as const));
}

export function completeGraph(n: number): CsrGraph {
  const edges: Edge[] = [];
  for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) edges.push([u, v]);
  return graphFromEdges(n, edges);
}

/** G(n, p) with strengths drawn uniformly from 1..maxStrength (1 by default: unweighted). */
export function randomGraph(n: number, p: number, seed: number, maxStrength = 1): CsrGraph {
  const random = seededRandom(seed);
  const edges: Edge[] = [];
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      if (random() < p) edges.push([u, v, 1 + Math.floor(random() * maxStrength)]);
    }
  }
  return graphFromEdges(n, edges);
}

export interface PlantedPartition {
  graph: CsrGraph;
  /** The planted group of each node. */
  groupOf: Int32Array;
}

/** `groups` groups of `groupSize` nodes; ties with probability pInside within, pOutside across. */
export function plantedPartitionGraph(groups: number, groupSize: number, pInside: number, pOutside: number, seed: number): PlantedPartition {
  const n = groups * groupSize;
  const random = seededRandom(seed);
  const groupOf = new Int32Array(n);
  for (let u = 0; u < n; u++) groupOf[u] = Math.floor(u / groupSize);
  const edges: Edge[] = [];
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      if (random() < (groupOf[u] === groupOf[v] ? pInside : pOutside)) edges.push([u, v]);
    }
  }
  return { graph: graphFromEdges(n, edges), groupOf };
}

/** The same graph with node u renamed permutation[u]. */
export function relabel(graph: CsrGraph, permutation: ArrayLike<number>): CsrGraph {
  const edges: Edge[] = [];
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const v = graph.targets[e]!;
      if (u < v) edges.push([permutation[u]!, permutation[v]!, graph.weights[e]!]);
    }
  }
  return graphFromEdges(graph.nodeCount, edges);
}
