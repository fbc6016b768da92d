// Exact betweenness centrality (Brandes 2001): how often an organization lies on the shortest
// paths between two others — the brokers and bridge builders of the field. One shortest-path
// search per source (BFS for hops, Dijkstra for weighted ties), then dependencies accumulated
// from the farthest nodes back. Values and scaling follow NetworkX's `betweenness_centrality`.
import type { CsrGraph } from './csr-graph.ts';
import { ProgressTicker, type RunControl } from './run-control.ts';
import { edgeLengths, IndexedMinHeap, type TieWeighting } from './shortest-paths.ts';

export interface BetweennessOptions extends RunControl {
  /** Default null: hop counts. See `TieWeighting` for how strength becomes length. */
  weight?: TieWeighting;
  /** Default true: scaled to [0, 1] like NetworkX's `normalized=True`. */
  normalized?: boolean;
  /** Default false: as NetworkX, a path's own ends are not counted as lying on it. */
  endpoints?: boolean;
  /**
   * Only these source nodes, rescaled by n / k like NetworkX's `k` (an estimate of the full
   * value when the sources are a uniform sample). Default: every node, the exact value.
   */
  sources?: ArrayLike<number>;
}

export interface ExactBetweenness {
  /** 'source-sample' when `sources` was given: exact per source, an estimate overall. */
  method: 'exact' | 'source-sample';
  /** Indexed by node index. */
  values: Float64Array;
  weight: TieWeighting;
  normalized: boolean;
  endpoints: boolean;
  /** Sources searched: every node unless `sources` was given. */
  sourceCount: number;
}

export function betweenness(graph: CsrGraph, options: BetweennessOptions = {}): ExactBetweenness {
  const weight = options.weight ?? null;
  const normalized = options.normalized ?? true;
  const endpoints = options.endpoints ?? false;
  const n = graph.nodeCount;
  const sources = options.sources ?? null;
  const sourceCount = sources === null ? n : sources.length;
  const values = new Float64Array(n);
  const lengths = edgeLengths(graph, weight);
  const search = lengths === null
    ? new HopSearch(graph, values, endpoints)
    : new WeightedSearch(graph, lengths, values, endpoints);
  const ticker = new ProgressTicker(options, sourceCount, 2 * graph.targets.length + n);
  for (let i = 0; i < sourceCount; i++) {
    const source = sources === null ? i : sources[i]!;
    if (!(source >= 0 && source < n)) throw new RangeError(`sources[${i}] is not a node index`);
    search.accumulateFrom(source);
    ticker.tick(i + 1);
  }
  ticker.finish();
  const scale = betweennessScale(n, normalized, endpoints) * (sources === null ? 1 : n / Math.max(1, sourceCount));
  if (scale !== 1) for (let v = 0; v < n; v++) values[v] = values[v]! * scale;
  const method = sources === null ? 'exact' : 'source-sample';
  return { method, values, weight, normalized, endpoints, sourceCount };
}

/**
 * NetworkX's `_rescale` for undirected graphs. Each unordered pair is reached from both of its
 * ends, so raw sums count it twice: unnormalized values halve them, and normalized values divide
 * by the (n − 1)(n − 2) ordered pairs not involving the node (2 / ((n−1)(n−2)) per unordered pair).
 */
export function betweennessScale(n: number, normalized: boolean, endpoints: boolean): number {
  if (!normalized) return 0.5;
  if (endpoints) return n < 2 ? 1 : 1 / (n * (n - 1));
  return n <= 2 ? 1 : 1 / ((n - 1) * (n - 2));
}

/**
 * Hop-count search. While the BFS scans a node's ties it also records which neighbours lie one
 * level further (its successors on shortest paths), in BFS order; the accumulation then walks
 * that compact list backwards instead of rescanning every tie and re-testing levels, which
 * measured ~25% faster (fewer unpredictable branches). All buffers live across sources; only the
 * nodes reached are reset.
 */
class HopSearch {
  private readonly level: Int32Array;
  private readonly pathCount: Float64Array;
  /** (1 + δ[w]) / σ[w] of each node already accumulated. */
  private readonly pull: Float64Array;
  private readonly order: Int32Array;
  private readonly successors: Int32Array;
  /** successors of order[i] are successors[successorStart[i] .. successorStart[i + 1]). */
  private readonly successorStart: Int32Array;

  constructor(private readonly graph: CsrGraph, private readonly values: Float64Array, private readonly endpoints: boolean) {
    const n = graph.nodeCount;
    this.level = new Int32Array(n).fill(-1);
    this.pathCount = new Float64Array(n);
    this.pull = new Float64Array(n);
    this.order = new Int32Array(n);
    this.successors = new Int32Array(graph.targets.length);
    this.successorStart = new Int32Array(n + 1);
  }

  accumulateFrom(source: number): void {
    const { offsets, targets } = this.graph;
    const { level, pathCount, pull, order, successors, successorStart, values } = this;
    level[source] = 0;
    pathCount[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    let successorCount = 0;
    while (head < tail) {
      successorStart[head] = successorCount;
      const v = order[head++]!;
      const nextLevel = level[v]! + 1;
      const paths = pathCount[v]!;
      const end = offsets[v + 1]!;
      for (let e = offsets[v]!; e < end; e++) {
        const w = targets[e]!;
        let levelW = level[w]!;
        if (levelW < 0) {
          level[w] = levelW = nextLevel;
          pathCount[w] = 0;
          order[tail++] = w;
        }
        if (levelW === nextLevel) {
          pathCount[w]! += paths;
          successors[successorCount++] = w;
        }
      }
    }
    successorStart[tail] = successorCount;
    const endpointBonus = this.endpoints ? 1 : 0;
    for (let i = tail - 1; i > 0; i--) {
      const v = order[i]!;
      let pulled = 0;
      const end = successorStart[i + 1]!;
      for (let k = successorStart[i]!; k < end; k++) pulled += pull[successors[k]!]!;
      const paths = pathCount[v]!;
      pull[v] = pulled + 1 / paths;
      values[v]! += paths * pulled + endpointBonus;
    }
    if (this.endpoints) values[source]! += tail - 1;
    for (let i = 0; i < tail; i++) level[order[i]!] = -1;
  }
}

const UNSEEN = 0;
const QUEUED = 1;
const SETTLED = 2;

/**
 * Dijkstra search. A neighbour w follows v on a shortest path exactly when
 * `distance[v] + length === distance[w]` — the same floating-point test NetworkX makes — so
 * equal-length paths are counted the same way and predecessors need not be stored.
 */
class WeightedSearch {
  private readonly state: Uint8Array;
  private readonly distance: Float64Array;
  private readonly pathCount: Float64Array;
  private readonly pull: Float64Array;
  private readonly order: Int32Array;
  private readonly heap: IndexedMinHeap;

  constructor(
    private readonly graph: CsrGraph,
    private readonly lengths: Float64Array,
    private readonly values: Float64Array,
    private readonly endpoints: boolean,
  ) {
    const n = graph.nodeCount;
    this.state = new Uint8Array(n);
    this.distance = new Float64Array(n);
    this.pathCount = new Float64Array(n);
    this.pull = new Float64Array(n);
    this.order = new Int32Array(n);
    this.heap = new IndexedMinHeap(n);
  }

  accumulateFrom(source: number): void {
    const { offsets, targets } = this.graph;
    const { lengths, state, distance, pathCount, pull, order, values, heap } = this;
    distance[source] = 0;
    pathCount[source] = 1;
    state[source] = QUEUED;
    heap.push(source, 0);
    let settled = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      state[v] = SETTLED;
      order[settled++] = v;
      const distanceV = distance[v]!;
      const paths = pathCount[v]!;
      const end = offsets[v + 1]!;
      for (let e = offsets[v]!; e < end; e++) {
        const w = targets[e]!;
        const stateW = state[w]!;
        if (stateW === SETTLED) continue;
        const candidate = distanceV + lengths[e]!;
        if (stateW === UNSEEN) {
          state[w] = QUEUED;
          distance[w] = candidate;
          pathCount[w] = paths;
          heap.push(w, candidate);
        } else if (candidate < distance[w]!) {
          distance[w] = candidate;
          pathCount[w] = paths;
          heap.decrease(w, candidate);
        } else if (candidate === distance[w]) {
          pathCount[w]! += paths;
        }
      }
    }
    const endpointBonus = this.endpoints ? 1 : 0;
    for (let i = settled - 1; i > 0; i--) {
      const v = order[i]!;
      const distanceV = distance[v]!;
      let pulled = 0;
      const end = offsets[v + 1]!;
      for (let e = offsets[v]!; e < end; e++) {
        const w = targets[e]!;
        if (distanceV + lengths[e]! === distance[w]) pulled += pull[w]!;
      }
      const paths = pathCount[v]!;
      pull[v] = pulled + 1 / paths;
      values[v]! += paths * pulled + endpointBonus;
    }
    if (this.endpoints) values[source]! += settled - 1;
    for (let i = 0; i < settled; i++) state[order[i]!] = UNSEEN;
  }
}
