// An upper bound on the vertex diameter (the most nodes on any shortest path), which sets how
// many samples approximate betweenness needs. Exact diameters cost as much as exact
// betweenness, so, as Riondato & Kornaropoulos do, one search per connected component bounds it:
// from any node v, every shortest path a…b has length ≤ d(a, v) + d(v, b) ≤ the two largest
// distances from v added.
import type { CsrGraph } from './csr-graph.ts';
import { IndexedMinHeap } from './shortest-paths.ts';

/** With `lengths` (weighted), hop counts are bounded by weighted length / shortest tie length. */
export function vertexDiameterBound(graph: CsrGraph, lengths: Float64Array | null): number {
  const { nodeCount, offsets, targets } = graph;
  let shortestTie = Infinity;
  if (lengths !== null) for (let e = 0; e < lengths.length; e++) shortestTie = Math.min(shortestTie, lengths[e]!);
  const component = new Int32Array(nodeCount).fill(-1);
  const distance = new Float64Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const heap = lengths === null ? null : new IndexedMinHeap(nodeCount);
  let bound = nodeCount > 0 ? 1 : 0;
  let componentCount = 0;
  for (let start = 0; start < nodeCount; start++) {
    if (component[start] !== -1) continue;
    const id = componentCount++;
    let farthest = 0;
    let secondFarthest = 0;
    let size = 0;
    const reach = (d: number): void => {
      size++;
      if (d > farthest) {
        secondFarthest = farthest;
        farthest = d;
      } else if (d > secondFarthest) {
        secondFarthest = d;
      }
    };
    component[start] = id;
    distance[start] = 0;
    if (heap === null || lengths === null) {
      queue[0] = start;
      let head = 0;
      let tail = 1;
      while (head < tail) {
        const v = queue[head++]!;
        reach(distance[v]!);
        for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
          const w = targets[e]!;
          if (component[w] !== -1) continue;
          component[w] = id;
          distance[w] = distance[v]! + 1;
          queue[tail++] = w;
        }
      }
    } else {
      // A node seen in this component and no longer in the heap is settled.
      heap.push(start, 0);
      while (heap.size > 0) {
        const v = heap.pop();
        reach(distance[v]!);
        for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
          const w = targets[e]!;
          const candidate = distance[v]! + lengths[e]!;
          if (component[w] === -1) {
            component[w] = id;
            distance[w] = candidate;
            heap.push(w, candidate);
          } else if (candidate < distance[w]! && heap.contains(w)) {
            distance[w] = candidate;
            heap.decrease(w, candidate);
          }
        }
      }
    }
    const longestPath = farthest + secondFarthest;
    const hops = lengths === null ? longestPath : Math.floor(longestPath / shortestTie + 1e-9);
    bound = Math.max(bound, Math.min(size, hops + 1));
  }
  return bound;
}
