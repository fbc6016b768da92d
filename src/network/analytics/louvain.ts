// Louvain community detection (Blondel et al. 2008): finds groups of organizations tied more to
// each other than to the rest — clusters, and silos when they barely connect out. Two phases
// repeated until nothing changes: (1) move single nodes to the neighbouring community with the
// best modularity gain until no move helps; (2) merge each community into one node and start
// again on that smaller graph (see louvain-phases.ts). Two additions, both documented options:
//
// - Multilevel refinement (Rotta & Noack 2011): the final partition is projected back down the
//   hierarchy and phase 1 runs again at each level starting from it, fixing nodes that an early
//   coarse merge left in the wrong place. It never lowers modularity.
// - Restarts above the first level: the first phase on the full graph does most of the work and
//   is nearly deterministic in outcome, while the later, coarse levels (merging whole groups)
//   are where the random order matters most and cost little. They run `restarts` times with
//   different seeded orders and the best partition is kept.
import type { CsrGraph } from './csr-graph.ts';
import { aggregate, type LevelGraph, moveNodes, partitionModularity, renumber } from './louvain-phases.ts';
import { ProgressTicker, type RunControl } from './run-control.ts';
import { type RandomSource, seededRandom } from './seeded-random.ts';

export interface LouvainOptions extends RunControl {
  /** Default 1. Above 1 favours more, smaller communities; below 1 fewer, larger ones. */
  resolution?: number;
  /** Default 'strength'; null counts every tie as 1. */
  weight?: 'strength' | null;
  /** Seeds the node visiting orders; the same seed gives the same communities. Default 1. */
  seed?: number;
  /** Default true: multilevel refinement (see above). */
  refine?: boolean;
  /** Default 8: runs of the coarse levels, best kept (see above). 1 is plain Louvain. */
  restarts?: number;
}

export interface LouvainResult {
  /** Community index of each node, numbered 0.. in order of each community's first node. */
  communityOf: Int32Array;
  communityCount: number;
  /** Modularity of the final partition at the given resolution (as `modularity.ts`). */
  modularity: number;
  /** Aggregation levels of the kept run. */
  levels: number;
}

interface Settings {
  resolution: number;
  refine: boolean;
  signal: AbortSignal | undefined;
}

export function louvain(graph: CsrGraph, options: LouvainOptions = {}): LouvainResult {
  const settings: Settings = { resolution: options.resolution ?? 1, refine: options.refine ?? true, signal: options.signal };
  const weight = options.weight === undefined ? 'strength' : options.weight;
  const seed = options.seed ?? 1;
  const restarts = Math.max(1, Math.floor(options.restarts ?? 8));
  const n = graph.nodeCount;
  const base: LevelGraph = {
    nodeCount: n,
    offsets: graph.offsets,
    targets: graph.targets,
    weights: weight === 'strength' ? graph.weights : new Float64Array(graph.targets.length).fill(1),
    selfLoops: new Float64Array(n),
  };
  const ticker = new ProgressTicker(options, restarts + 2, graph.targets.length);
  const first = firstLevel(base, seededRandom(seed), settings);
  ticker.tick(1);
  let partition = first.partition;
  let levels = 0;
  if (first.aggregated !== null) {
    let best: { partition: Int32Array; levels: number; quality: number } | null = null;
    for (let run = 0; run < restarts; run++) {
      const random = seededRandom(Math.imul(seed, 0x9e3779b1) ^ (run + 1));
      const climbed = climb(first.aggregated, random, settings);
      const quality = partitionModularity(first.aggregated, climbed.partition, settings.resolution);
      if (best === null || quality > best.quality) best = { ...climbed, quality };
      ticker.tick(run + 2);
    }
    const projected = new Int32Array(n);
    for (let u = 0; u < n; u++) projected[u] = best!.partition[first.partition[u]!]!;
    partition = settings.refine ? moveNodes(base, settings.resolution, seededRandom(seed + 1), settings.signal, projected) : projected;
    levels = best!.levels + 1;
  }
  ticker.finish();
  const { renumbered, count } = renumber(partition, n);
  const communityOf = new Int32Array(n);
  for (let u = 0; u < n; u++) communityOf[u] = renumbered[partition[u]!]!;
  return { communityOf, communityCount: count, modularity: partitionModularity(base, communityOf, settings.resolution), levels };
}

/** Phase 1 on the full graph; its communities (0..k−1) and their aggregate, null when none merged. */
function firstLevel(base: LevelGraph, random: RandomSource, settings: Settings): { partition: Int32Array; aggregated: LevelGraph | null } {
  const moved = moveNodes(base, settings.resolution, random, settings.signal, null);
  const { renumbered, count } = renumber(moved, base.nodeCount);
  const partition = new Int32Array(base.nodeCount);
  for (let v = 0; v < base.nodeCount; v++) partition[v] = renumbered[moved[v]!]!;
  return { partition, aggregated: count === base.nodeCount ? null : aggregate(base, partition, count) };
}

/** Louvain from `start` upwards, then refinement back down to `start`; a partition of its nodes. */
function climb(start: LevelGraph, random: RandomSource, settings: Settings): { partition: Int32Array; levels: number } {
  // levels[i] is aggregated into levels[i + 1] through communityOfLevel[i].
  const levels: LevelGraph[] = [start];
  const communityOfLevel: Int32Array[] = [];
  for (;;) {
    const level = levels[levels.length - 1]!;
    const moved = moveNodes(level, settings.resolution, random, settings.signal, null);
    const { renumbered, count } = renumber(moved, level.nodeCount);
    if (count === level.nodeCount) break;
    const next = new Int32Array(level.nodeCount);
    for (let v = 0; v < level.nodeCount; v++) next[v] = renumbered[moved[v]!]!;
    communityOfLevel.push(next);
    levels.push(aggregate(level, next, count));
  }
  const top = levels[levels.length - 1]!;
  let partition: Int32Array = new Int32Array(top.nodeCount);
  for (let v = 0; v < top.nodeCount; v++) partition[v] = v;
  for (let i = communityOfLevel.length - 1; i >= 0; i--) {
    const mapping = communityOfLevel[i]!;
    const projected = new Int32Array(mapping.length);
    for (let v = 0; v < mapping.length; v++) projected[v] = partition[mapping[v]!]!;
    partition = settings.refine ? moveNodes(levels[i]!, settings.resolution, random, settings.signal, projected) : projected;
  }
  return { partition, levels: communityOfLevel.length };
}
