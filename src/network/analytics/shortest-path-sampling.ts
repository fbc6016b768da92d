// One uniformly random shortest path between two given nodes, for approximate betweenness.
// Each sampler adds 1 to `insideCounts` for every node strictly inside the sampled path.
import type { CsrGraph } from './csr-graph.ts';
import type { RandomSource } from './seeded-random.ts';
import { IndexedMinHeap } from './shortest-paths.ts';

export type PathSampler = (source: number, target: number, random: RandomSource, insideCounts: Float64Array) => void;

/**
 * Balanced bidirectional BFS: grow, one level at a time, whichever side's frontier has fewer
 * ties to scan, until the two searches touch. On the field graphs (clustered, short paths) each
 * side stops after two or three levels, so a sample touches thousands of ties, not millions.
 *
 * When a level of side X reaches nodes already found by side Y, every tie (x, y) between X's
 * frontier and Y's frontier carries σ_X(x) · σ_Y(y) shortest paths, and every shortest path
 * crosses exactly one such tie. Picking a tie in proportion to that product (weighted
 * reservoir sampling, so nothing is stored), then walking back to each root choosing each
 * predecessor in proportion to its own path count, draws a shortest path uniformly.
 */
export function sampleHopPath(graph: CsrGraph): PathSampler {
  const { offsets, targets, nodeCount } = graph;
  // owner[v] === 2·stamp + side when v was reached in the current sample by side 0 (from the
  // source) or side 1 (from the target); older values mean unreached, so nothing is reset.
  const owner = new Int32Array(nodeCount).fill(-1);
  const level = new Int32Array(nodeCount);
  const pathCount = new Float64Array(nodeCount);
  const queues = [new Int32Array(nodeCount), new Int32Array(nodeCount)] as const;
  let stamp = 0;

  const walkToRoot = (start: number, mark: number, random: RandomSource, insideCounts: Float64Array): void => {
    let v = start;
    while (level[v]! > 0) {
      insideCounts[v]!++;
      const previousLevel = level[v]! - 1;
      let remaining = random() * pathCount[v]!;
      let chosen = -1;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const p = targets[e]!;
        if (owner[p] !== mark || level[p] !== previousLevel) continue;
        chosen = p;
        remaining -= pathCount[p]!;
        if (remaining < 0) break;
      }
      v = chosen;
    }
  };

  return (source, target, random, insideCounts) => {
    if (stamp >= 0x3ffffffe) {
      owner.fill(-1);
      stamp = 0;
    }
    const base = 2 * ++stamp;
    const start = [0, 0];
    const end = [1, 1];
    const cost = [0, 0];
    [source, target].forEach((root, side) => {
      owner[root] = base + side;
      level[root] = 0;
      pathCount[root] = 1;
      queues[side]![0] = root;
      cost[side] = offsets[root + 1]! - offsets[root]!;
    });
    for (;;) {
      if (start[0] === end[0] || start[1] === end[1]) return; // not connected
      const side = cost[0]! <= cost[1]! ? 0 : 1;
      const queue = queues[side]!;
      const mine = base + side;
      const theirs = base + 1 - side;
      let tail = end[side]!;
      let nextCost = 0;
      let meetingPaths = 0;
      let chosenMine = -1;
      let chosenTheirs = -1;
      for (let i = start[side]!; i < end[side]!; i++) {
        const x = queue[i]!;
        const nextLevel = level[x]! + 1;
        const paths = pathCount[x]!;
        for (let e = offsets[x]!; e < offsets[x + 1]!; e++) {
          const y = targets[e]!;
          const ownerY = owner[y]!;
          if (ownerY === theirs) {
            const crossing = paths * pathCount[y]!;
            meetingPaths += crossing;
            if (random() * meetingPaths < crossing) {
              chosenMine = x;
              chosenTheirs = y;
            }
          } else if (ownerY === mine) {
            if (level[y] === nextLevel) pathCount[y]! += paths;
          } else if (meetingPaths === 0) {
            owner[y] = mine;
            level[y] = nextLevel;
            pathCount[y] = paths;
            queue[tail++] = y;
            nextCost += offsets[y + 1]! - offsets[y]!;
          }
        }
      }
      if (meetingPaths > 0) {
        walkToRoot(chosenMine, mine, random, insideCounts);
        walkToRoot(chosenTheirs, theirs, random, insideCounts);
        return;
      }
      start[side] = end[side]!;
      end[side] = tail;
      cost[side] = nextCost;
    }
  };
}

const UNSEEN = 0;
const QUEUED = 1;
const SETTLED = 2;

/**
 * Dijkstra from the source, stopped once the target is settled (its path count is then final,
 * every predecessor being nearer), then a walk back from the target choosing each predecessor
 * in proportion to its path count. Predecessors are recognised by the same exact test as in the
 * exact module: distance[p] + length === distance[w].
 */
export function sampleWeightedPath(graph: CsrGraph, lengths: Float64Array): PathSampler {
  const { offsets, targets, nodeCount } = graph;
  const state = new Uint8Array(nodeCount);
  const distance = new Float64Array(nodeCount);
  const pathCount = new Float64Array(nodeCount);
  const touched = new Int32Array(nodeCount);
  const heap = new IndexedMinHeap(nodeCount);

  return (source, target, random, insideCounts) => {
    let touchedCount = 0;
    state[source] = QUEUED;
    distance[source] = 0;
    pathCount[source] = 1;
    touched[touchedCount++] = source;
    heap.push(source, 0);
    let reached = false;
    while (heap.size > 0) {
      const v = heap.pop();
      state[v] = SETTLED;
      if (v === target) {
        reached = true;
        break;
      }
      const distanceV = distance[v]!;
      const paths = pathCount[v]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!;
        const stateW = state[w]!;
        if (stateW === SETTLED) continue;
        const candidate = distanceV + lengths[e]!;
        if (stateW === UNSEEN) {
          state[w] = QUEUED;
          distance[w] = candidate;
          pathCount[w] = paths;
          touched[touchedCount++] = w;
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
    if (reached) {
      let w = target;
      while (w !== source) {
        let remaining = random() * pathCount[w]!;
        let chosen = -1;
        for (let e = offsets[w]!; e < offsets[w + 1]!; e++) {
          const p = targets[e]!;
          if (state[p] !== SETTLED || distance[p]! + lengths[e]! !== distance[w]) continue;
          chosen = p;
          remaining -= pathCount[p]!;
          if (remaining < 0) break;
        }
        w = chosen;
        if (w !== source) insideCounts[w]!++;
      }
    }
    heap.clear();
    for (let i = 0; i < touchedCount; i++) state[touched[i]!] = UNSEEN;
  };
}
