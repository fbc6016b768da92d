// The compact graph every analysis runs on: undirected, in compressed sparse row (CSR) form.
// Each undirected tie is stored twice (u→v and v→u) so that a node's neighbours are one contiguous
// slice `targets[offsets[u] .. offsets[u + 1])`, sorted by index. Typed arrays keep a million ties
// in ~20 MB and let the hot loops run without allocating.

export interface GraphInput {
  nodes: readonly string[];
  edges: readonly { source: string; target: string; weight?: number }[];
}

export interface CsrGraph {
  readonly nodeCount: number;
  /** Distinct undirected ties after merging parallel edges and dropping self-loops. */
  readonly edgeCount: number;
  /** Length nodeCount + 1. */
  readonly offsets: Int32Array;
  /** Length 2 · edgeCount; neighbours of each node in increasing index order. */
  readonly targets: Int32Array;
  /** Tie weight (strength) aligned with `targets`; 1 where the input gave none. */
  readonly weights: Float64Array;
  /** Node index → id, and id → node index. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
}

/**
 * How two or more input edges between the same pair become one tie. `sum` (the default) because
 * in the field map several ties between two organizations (a partnership and shared members, a
 * stated tie and a derived co-membership) add up to a stronger relationship. Use `max` or `min`
 * when the weights are already distances or when only the strongest tie should count.
 */
export type ParallelEdgeRule = 'sum' | 'max' | 'min';

export interface BuildOptions {
  parallelEdges?: ParallelEdgeRule;
}

/**
 * Builds the CSR graph from ids. Self-loops are dropped: an organization's tie to itself carries
 * no information about brokerage or reach, and NetworkX's betweenness and closeness ignore them
 * anyway (PageRank would not, so results differ from NetworkX only on inputs with self-loops).
 * Weights must be finite and positive, because strength 0 would mean an infinitely long tie.
 */
export function buildCsrGraph(input: GraphInput, options: BuildOptions = {}): CsrGraph {
  const indexOf = new Map<string, number>();
  input.nodes.forEach((id, index) => {
    if (indexOf.has(id)) throw new RangeError(`nodes[${index}] repeats an earlier node id`);
    indexOf.set(id, index);
  });
  const edgeTotal = input.edges.length;
  const sources = new Int32Array(edgeTotal);
  const targets = new Int32Array(edgeTotal);
  const weights = new Float64Array(edgeTotal);
  input.edges.forEach((edge, index) => {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source === undefined) throw new RangeError(`edges[${index}].source is not one of the nodes`);
    if (target === undefined) throw new RangeError(`edges[${index}].target is not one of the nodes`);
    sources[index] = source;
    targets[index] = target;
    weights[index] = edge.weight ?? 1;
  });
  return csrFromEdgeArrays(input.nodes.length, sources, targets, weights, {
    ...options,
    ids: input.nodes,
    indexOf,
  });
}

export interface EdgeArrayOptions extends BuildOptions {
  /** Node ids; defaults to the indices as strings. */
  ids?: readonly string[];
  indexOf?: ReadonlyMap<string, number>;
}

/**
 * Builds the CSR graph from parallel arrays of node indices, for callers (imports, benchmarks)
 * that already hold large edge lists without per-edge objects. Two stable counting sorts (by
 * target, then by source) order the directed half-edges by (source, target) in O(n + m), so
 * parallel edges end up adjacent and merge in one pass.
 */
export function csrFromEdgeArrays(
  nodeCount: number,
  sources: Int32Array,
  targets: Int32Array,
  weights: Float64Array | null,
  options: EdgeArrayOptions = {},
): CsrGraph {
  const rule = options.parallelEdges ?? 'sum';
  const inputCount = sources.length;
  let halfCount = 0;
  for (let e = 0; e < inputCount; e++) {
    const u = sources[e]!;
    const v = targets[e]!;
    if (!(u >= 0 && u < nodeCount && v >= 0 && v < nodeCount)) {
      throw new RangeError(`edge ${e} refers to a node index outside the graph`);
    }
    const w = weights === null ? 1 : weights[e]!;
    if (!(w > 0 && Number.isFinite(w))) throw new RangeError(`edge ${e} has a weight that is not a positive number`);
    if (u !== v) halfCount += 2;
  }
  // Half-edges in input order, then sorted by target, then stably by source.
  const halfSource = new Int32Array(halfCount);
  const halfTarget = new Int32Array(halfCount);
  const halfWeight = new Float64Array(halfCount);
  let h = 0;
  for (let e = 0; e < inputCount; e++) {
    const u = sources[e]!;
    const v = targets[e]!;
    if (u === v) continue;
    const w = weights === null ? 1 : weights[e]!;
    halfSource[h] = u; halfTarget[h] = v; halfWeight[h] = w; h++;
    halfSource[h] = v; halfTarget[h] = u; halfWeight[h] = w; h++;
  }
  const byTarget = countingSortOrder(halfTarget, nodeCount, null);
  const order = countingSortOrder(halfSource, nodeCount, byTarget);

  const offsets = new Int32Array(nodeCount + 1);
  const mergedTargets = new Int32Array(halfCount);
  const mergedWeights = new Float64Array(halfCount);
  let written = 0;
  let previousSource = -1;
  let previousTarget = -1;
  for (let i = 0; i < halfCount; i++) {
    const half = order[i]!;
    const u = halfSource[half]!;
    const v = halfTarget[half]!;
    const w = halfWeight[half]!;
    if (u === previousSource && v === previousTarget) {
      const last = written - 1;
      const current = mergedWeights[last]!;
      mergedWeights[last] = rule === 'sum' ? current + w : rule === 'max' ? Math.max(current, w) : Math.min(current, w);
      continue;
    }
    mergedTargets[written] = v;
    mergedWeights[written] = w;
    offsets[u + 1]!++;
    written++;
    previousSource = u;
    previousTarget = v;
  }
  for (let u = 0; u < nodeCount; u++) offsets[u + 1] = offsets[u + 1]! + offsets[u]!;

  const ids = options.ids ?? Array.from({ length: nodeCount }, (_, index) => String(index));
  if (ids.length !== nodeCount) throw new RangeError('ids must have one entry per node');
  const indexOf = options.indexOf ?? new Map(ids.map((id, index) => [id, index]));
  return {
    nodeCount,
    edgeCount: written / 2,
    offsets,
    targets: mergedTargets.slice(0, written),
    weights: mergedWeights.slice(0, written),
    ids,
    indexOf,
  };
}

/** Stable counting sort of `positions` (or 0..n−1) by `keys[position]`; returns the new order. */
function countingSortOrder(keys: Int32Array, keyCount: number, positions: Int32Array | null): Int32Array {
  const length = keys.length;
  const starts = new Int32Array(keyCount + 1);
  for (let i = 0; i < length; i++) starts[keys[i]! + 1]!++;
  for (let k = 0; k < keyCount; k++) starts[k + 1] = starts[k + 1]! + starts[k]!;
  const sorted = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const position = positions === null ? i : positions[i]!;
    sorted[starts[keys[position]!]!++] = position;
  }
  return sorted;
}

/** Total tie weight at each node (its strength); equals the degree when all weights are 1. */
export function nodeStrengths(graph: CsrGraph, useWeights: boolean): Float64Array {
  const { nodeCount, offsets, weights } = graph;
  const strengths = new Float64Array(nodeCount);
  for (let u = 0; u < nodeCount; u++) {
    const end = offsets[u + 1]!;
    if (!useWeights) {
      strengths[u] = end - offsets[u]!;
      continue;
    }
    let total = 0;
    for (let e = offsets[u]!; e < end; e++) total += weights[e]!;
    strengths[u] = total;
  }
  return strengths;
}

/** Pairs each node id with its value, for callers that want a plain record. */
export function valuesById(graph: CsrGraph, values: ArrayLike<number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (let u = 0; u < graph.nodeCount; u++) record[graph.ids[u]!] = values[u]!;
  return record;
}
