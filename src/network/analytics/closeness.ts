// Closeness centrality: how near an organization is to all the others it can reach — who can
// spread word or convene quickly. Semantics of NetworkX's `closeness_centrality` with its
// defaults: distances by hops unless weighted, and the Wasserman–Faust correction
// (`wf_improved=True`) so that organizations in small fragments of a disconnected field do not
// look central just because their few neighbours are near.
import type { CsrGraph } from './csr-graph.ts';
import { ProgressTicker, type RunControl } from './run-control.ts';
import { edgeLengths, IndexedMinHeap, type TieWeighting } from './shortest-paths.ts';

export interface ClosenessOptions extends RunControl {
  /** Default null: hops. `'strength'` uses length 1 / strength. */
  weight?: TieWeighting;
  /**
   * Default true (NetworkX's default): multiply by (reached − 1) / (n − 1), the share of the
   * field the node can reach. False gives the classic per-component closeness.
   */
  wassermanFaust?: boolean;
}

export interface ClosenessResult {
  /** (reached − 1) / Σ distance, times the Wasserman–Faust factor; 0 for isolated nodes. */
  values: Float64Array;
  weight: TieWeighting;
  wassermanFaust: boolean;
}

export function closeness(graph: CsrGraph, options: ClosenessOptions = {}): ClosenessResult {
  const weight = options.weight ?? null;
  const wassermanFaust = options.wassermanFaust ?? true;
  const n = graph.nodeCount;
  const values = new Float64Array(n);
  const lengths = edgeLengths(graph, weight);
  const distanceSum = lengths === null ? hopDistanceSums(graph) : weightedDistanceSums(graph, lengths);
  const ticker = new ProgressTicker(options, n, graph.targets.length + n);
  for (let source = 0; source < n; source++) {
    const { total, reached } = distanceSum(source);
    if (total > 0 && n > 1) {
      const others = reached - 1;
      values[source] = wassermanFaust ? (others / total) * (others / (n - 1)) : others / total;
    }
    ticker.tick(source + 1);
  }
  ticker.finish();
  return { values, weight, wassermanFaust };
}

interface DistanceSum {
  total: number;
  /** Nodes reached, the source included. */
  reached: number;
}

function hopDistanceSums(graph: CsrGraph): (source: number) => DistanceSum {
  const { offsets, targets, nodeCount } = graph;
  const level = new Int32Array(nodeCount).fill(-1);
  const queue = new Int32Array(nodeCount);
  return (source) => {
    level[source] = 0;
    queue[0] = source;
    let head = 0;
    let tail = 1;
    let total = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const nextLevel = level[v]! + 1;
      const end = offsets[v + 1]!;
      for (let e = offsets[v]!; e < end; e++) {
        const w = targets[e]!;
        if (level[w]! < 0) {
          level[w] = nextLevel;
          total += nextLevel;
          queue[tail++] = w;
        }
      }
    }
    for (let i = 0; i < tail; i++) level[queue[i]!] = -1;
    return { total, reached: tail };
  };
}

function weightedDistanceSums(graph: CsrGraph, lengths: Float64Array): (source: number) => DistanceSum {
  const { offsets, targets, nodeCount } = graph;
  const distance = new Float64Array(nodeCount).fill(Infinity);
  const settled = new Uint8Array(nodeCount);
  const order = new Int32Array(nodeCount);
  const heap = new IndexedMinHeap(nodeCount);
  return (source) => {
    distance[source] = 0;
    heap.push(source, 0);
    let reached = 0;
    let total = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      settled[v] = 1;
      order[reached++] = v;
      const distanceV = distance[v]!;
      total += distanceV;
      const end = offsets[v + 1]!;
      for (let e = offsets[v]!; e < end; e++) {
        const w = targets[e]!;
        if (settled[w] === 1) continue;
        const candidate = distanceV + lengths[e]!;
        const current = distance[w]!;
        if (current === Infinity) heap.push(w, (distance[w] = candidate));
        else if (candidate < current) heap.decrease(w, (distance[w] = candidate));
      }
    }
    for (let i = 0; i < reached; i++) {
      const v = order[i]!;
      distance[v] = Infinity;
      settled[v] = 0;
    }
    return { total, reached };
  };
}
