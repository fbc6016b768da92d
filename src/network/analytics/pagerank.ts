// PageRank: influence that flows along ties — an organization tied to well-tied organizations
// ranks high. Power iteration with NetworkX's semantics (`nx.pagerank`): damping 0.85, start and
// teleport uniform, dangling (isolated) nodes spread their rank by the teleport distribution,
// stop when the L1 change is below n · tol. Ties are undirected, so rank flows both ways; with
// weights, a node passes rank to each partner in proportion to the tie's strength.
import type { CsrGraph } from './csr-graph.ts';
import { ProgressTicker, type RunControl } from './run-control.ts';

export interface PageRankOptions extends RunControl {
  /** Default 0.85. */
  damping?: number;
  /** Default 'strength' (NetworkX's default `weight='weight'`); null treats every tie as 1. */
  weight?: 'strength' | null;
  /** Default 1e-6, compared with the L1 change divided by n. */
  tolerance?: number;
  /** Default 100. */
  maxIterations?: number;
  /** Teleport (and dangling) distribution by node index; normalized here. Default uniform. */
  personalization?: ArrayLike<number>;
}

export interface PageRankResult {
  /** Sums to 1. */
  values: Float64Array;
  iterations: number;
  /** False when maxIterations ran out first (NetworkX raises instead; the values are still the last iterate). */
  converged: boolean;
}

export function pagerank(graph: CsrGraph, options: PageRankOptions = {}): PageRankResult {
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;
  const useWeights = (options.weight === undefined ? 'strength' : options.weight) === 'strength';
  const { nodeCount: n, offsets, targets, weights } = graph;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true };

  const teleport = teleportDistribution(n, options.personalization);
  // 1 / strength of each node; 0 marks a dangling node.
  const inverseStrength = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let strength = 0;
    const end = offsets[u + 1]!;
    if (useWeights) for (let e = offsets[u]!; e < end; e++) strength += weights[e]!;
    else strength = end - offsets[u]!;
    inverseStrength[u] = strength > 0 ? 1 / strength : 0;
  }

  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  // rank[u] / strength[u]: what u sends along each unit of tie weight.
  const outgoing = new Float64Array(n);
  const ticker = new ProgressTicker(options, maxIterations, targets.length + n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let danglingRank = 0;
    for (let u = 0; u < n; u++) {
      const inverse = inverseStrength[u]!;
      if (inverse === 0) danglingRank += rank[u]!;
      outgoing[u] = rank[u]! * inverse;
    }
    let change = 0;
    for (let v = 0; v < n; v++) {
      let received = 0;
      const end = offsets[v + 1]!;
      if (useWeights) for (let e = offsets[v]!; e < end; e++) received += outgoing[targets[e]!]! * weights[e]!;
      else for (let e = offsets[v]!; e < end; e++) received += outgoing[targets[e]!]!;
      const p = teleport[v]!;
      const value = damping * (received + danglingRank * p) + (1 - damping) * p;
      next[v] = value;
      change += Math.abs(value - rank[v]!);
    }
    [rank, next] = [next, rank];
    if (change < n * tolerance) {
      ticker.finish();
      return { values: rank, iterations: iteration, converged: true };
    }
    ticker.tick(iteration);
  }
  ticker.finish();
  return { values: rank, iterations: maxIterations, converged: false };
}

function teleportDistribution(n: number, personalization: ArrayLike<number> | undefined): Float64Array {
  const teleport = new Float64Array(n);
  if (personalization === undefined) return teleport.fill(1 / n);
  if (personalization.length !== n) throw new RangeError('personalization must have one entry per node');
  let total = 0;
  for (let u = 0; u < n; u++) {
    const value = personalization[u]!;
    if (!(value >= 0 && Number.isFinite(value))) throw new RangeError(`personalization[${u}] is not a non-negative number`);
    total += value;
  }
  if (total === 0) throw new RangeError('personalization must not be all zero');
  for (let u = 0; u < n; u++) teleport[u] = personalization[u]! / total;
  return teleport;
}
