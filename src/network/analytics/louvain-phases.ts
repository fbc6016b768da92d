// The two Louvain phases on one level of the hierarchy, kept apart from the driver in
// louvain.ts. Everything is CSR with typed arrays: a level with a million ties allocates a few
// arrays and no per-node or per-edge objects.
//
// Phase 1 visits nodes from a queue rather than in full sweeps ("fast local moves", as in
// Leiden and graphology): after a node moves, only its neighbours outside its new community can
// have gained a better move, so only they are queued again. It stops at the same kind of local
// optimum as sweeps — no single move improves modularity — at a fraction of the work.
import { shuffleInPlace, type RandomSource } from './seeded-random.ts';

/** A level's graph: the original one, then one node per community of the level below. */
export interface LevelGraph {
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weight of ties inside the node (both directions counted), from merged communities. */
  selfLoops: Float64Array;
}

/**
 * Phase 1 on one level, from singletons or from a given partition (labels < nodeCount); returns
 * each node's community label.
 */
export function moveNodes(
  level: LevelGraph,
  resolution: number,
  random: RandomSource,
  signal: AbortSignal | undefined,
  initial: Int32Array | null,
): Int32Array {
  const { nodeCount, offsets, targets, weights, selfLoops } = level;
  const strength = new Float64Array(nodeCount);
  let totalWeight = 0; // 2m
  for (let u = 0; u < nodeCount; u++) {
    let s = selfLoops[u]!;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) s += weights[e]!;
    strength[u] = s;
    totalWeight += s;
  }
  const community = initial === null ? new Int32Array(nodeCount) : initial.slice();
  const communityStrength = new Float64Array(nodeCount);
  for (let u = 0; u < nodeCount; u++) {
    if (initial === null) community[u] = u;
    communityStrength[community[u]!]! += strength[u]!;
  }
  if (totalWeight === 0) return community;
  const scale = resolution / totalWeight;

  // Circular queue of nodes to visit, each at most once at a time.
  const queue = new Int32Array(nodeCount);
  for (let u = 0; u < nodeCount; u++) queue[u] = u;
  shuffleInPlace(queue, random);
  const queued = new Uint8Array(nodeCount).fill(1);
  let head = 0;
  let pending = nodeCount;

  // Weight from the current node to each neighbouring community, and which ones were touched.
  const weightTo = new Float64Array(nodeCount);
  const touched = new Int32Array(nodeCount);
  let visits = 0;
  while (pending > 0) {
    if ((++visits & 0xffff) === 0) signal?.throwIfAborted();
    const u = queue[head]!;
    head = head + 1 === nodeCount ? 0 : head + 1;
    pending--;
    queued[u] = 0;
    const strengthU = strength[u]!;
    if (strengthU === 0) continue;
    const own = community[u]!;
    let touchedCount = 0;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const c = community[targets[e]!]!;
      if (weightTo[c] === 0) touched[touchedCount++] = c;
      weightTo[c]! += weights[e]!;
    }
    // Gain of joining c, up to a constant factor: k_u,c − γ · Σ_tot(c) · k_u / 2m, with u
    // taken out of its own community first.
    communityStrength[own]! -= strengthU;
    let best = own;
    let bestGain = weightTo[own]! - communityStrength[own]! * strengthU * scale;
    for (let i = 0; i < touchedCount; i++) {
      const c = touched[i]!;
      const gain = weightTo[c]! - communityStrength[c]! * strengthU * scale;
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
      weightTo[c] = 0;
    }
    weightTo[own] = 0;
    communityStrength[best]! += strengthU;
    if (best === own) continue;
    community[u] = best;
    for (let e = offsets[u]!; e < end; e++) {
      const v = targets[e]!;
      if (queued[v] === 0 && community[v] !== best) {
        queued[v] = 1;
        queue[(head + pending) % nodeCount] = v;
        pending++;
      }
    }
  }
  return community;
}

/** Maps community labels to 0..count−1 in order of first appearance. */
export function renumber(labels: Int32Array, labelRange: number): { renumbered: Int32Array; count: number } {
  const renumbered = new Int32Array(labelRange).fill(-1);
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (renumbered[label] === -1) renumbered[label] = count++;
  }
  return { renumbered, count };
}

/** Phase 2: one node per community, ties summed, ties inside a community become its self-loop. */
export function aggregate(level: LevelGraph, communityOfNode: Int32Array, count: number): LevelGraph {
  const { nodeCount, offsets, targets, weights, selfLoops } = level;
  // Members of each community, contiguous (counting sort by community).
  const memberStart = new Int32Array(count + 1);
  for (let u = 0; u < nodeCount; u++) memberStart[communityOfNode[u]! + 1]!++;
  for (let c = 0; c < count; c++) memberStart[c + 1] = memberStart[c + 1]! + memberStart[c]!;
  const members = new Int32Array(nodeCount);
  const fill = memberStart.slice(0, count);
  for (let u = 0; u < nodeCount; u++) members[fill[communityOfNode[u]!]!++] = u;

  const newOffsets = new Int32Array(count + 1);
  const newTargets = new Int32Array(targets.length);
  const newWeights = new Float64Array(targets.length);
  const newSelfLoops = new Float64Array(count);
  const weightTo = new Float64Array(count);
  const touched = new Int32Array(count);
  let written = 0;
  for (let c = 0; c < count; c++) {
    let touchedCount = 0;
    let inside = 0;
    for (let m = memberStart[c]!; m < memberStart[c + 1]!; m++) {
      const u = members[m]!;
      inside += selfLoops[u]!;
      const end = offsets[u + 1]!;
      for (let e = offsets[u]!; e < end; e++) {
        const d = communityOfNode[targets[e]!]!;
        if (d === c) {
          inside += weights[e]!;
          continue;
        }
        if (weightTo[d] === 0) touched[touchedCount++] = d;
        weightTo[d]! += weights[e]!;
      }
    }
    newSelfLoops[c] = inside;
    for (let i = 0; i < touchedCount; i++) {
      const d = touched[i]!;
      newTargets[written] = d;
      newWeights[written++] = weightTo[d]!;
      weightTo[d] = 0;
    }
    newOffsets[c + 1] = written;
  }
  return {
    nodeCount: count,
    offsets: newOffsets,
    targets: newTargets.subarray(0, written),
    weights: newWeights.subarray(0, written),
    selfLoops: newSelfLoops,
  };
}

/** Modularity of the partition where every node of this level is its own community. */
export function levelModularity(level: LevelGraph, resolution: number): number {
  const { nodeCount, offsets, weights, selfLoops } = level;
  let totalWeight = 0;
  const strength = new Float64Array(nodeCount);
  for (let u = 0; u < nodeCount; u++) {
    let s = selfLoops[u]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) s += weights[e]!;
    strength[u] = s;
    totalWeight += s;
  }
  if (totalWeight === 0) return 0;
  let quality = 0;
  for (let u = 0; u < nodeCount; u++) {
    const share = strength[u]! / totalWeight;
    quality += selfLoops[u]! / totalWeight - resolution * share * share;
  }
  return quality;
}

/** Modularity of a partition of this level's nodes (labels < nodeCount), self-loops included. */
export function partitionModularity(level: LevelGraph, partition: Int32Array, resolution: number): number {
  const { nodeCount, offsets, targets, weights, selfLoops } = level;
  const inside = new Float64Array(nodeCount);
  const total = new Float64Array(nodeCount);
  let totalWeight = 0;
  for (let u = 0; u < nodeCount; u++) {
    const c = partition[u]!;
    let s = selfLoops[u]!;
    inside[c]! += selfLoops[u]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const w = weights[e]!;
      s += w;
      if (partition[targets[e]!] === c) inside[c]! += w;
    }
    total[c]! += s;
    totalWeight += s;
  }
  if (totalWeight === 0) return 0;
  let quality = 0;
  for (let c = 0; c < nodeCount; c++) {
    const share = total[c]! / totalWeight;
    quality += inside[c]! / totalWeight - resolution * share * share;
  }
  return quality;
}
