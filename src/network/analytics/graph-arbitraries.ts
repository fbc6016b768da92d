// fast-check arbitraries and brute-force references shared by the analytics tests.
import fc from 'fast-check';
import type { CsrGraph } from './csr-graph.ts';
import { graphFromEdges } from './graph-generators.ts';

/** A small undirected graph, possibly disconnected, with integer weights 1..maxWeight. */
export function arbitraryGraph(maxNodes = 12, maxWeight = 1): fc.Arbitrary<CsrGraph> {
  return fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: maxWeight })), { maxLength: n * 3 })
      .map((edges) => graphFromEdges(n, edges)),
  );
}

/** A permutation of 0..n−1. */
export function arbitraryPermutation(n: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
}

/**
 * All-pairs distances and shortest-path counts by repeated O(n²) Dijkstra, with tie weights used
 * as lengths (or 1 each). Exact on integer weights; slow, for small graphs only.
 */
export function allPairsShortestPaths(graph: CsrGraph, useWeights: boolean): { distance: number[][]; count: number[][] } {
  const n = graph.nodeCount;
  const distance: number[][] = [];
  const count: number[][] = [];
  for (let s = 0; s < n; s++) {
    const d = new Array<number>(n).fill(Infinity);
    const c = new Array<number>(n).fill(0);
    const done = new Array<boolean>(n).fill(false);
    d[s] = 0;
    c[s] = 1;
    for (;;) {
      let v = -1;
      for (let u = 0; u < n; u++) if (!done[u] && d[u]! < Infinity && (v === -1 || d[u]! < d[v]!)) v = u;
      if (v === -1) break;
      done[v] = true;
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
        const w = graph.targets[e]!;
        const candidate = d[v]! + (useWeights ? graph.weights[e]! : 1);
        if (candidate < d[w]!) {
          d[w] = candidate;
          c[w] = c[v]!;
        } else if (candidate === d[w]) {
          c[w]! += c[v]!;
        }
      }
    }
    distance.push(d);
    count.push(c);
  }
  return { distance, count };
}

/** Betweenness from the definition: Σ over unordered pairs s, t ≠ v of σ_st(v) / σ_st. */
export function betweennessByDefinition(graph: CsrGraph, useWeights: boolean): number[] {
  const n = graph.nodeCount;
  const { distance, count } = allPairsShortestPaths(graph, useWeights);
  const values = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    for (let t = s + 1; t < n; t++) {
      if (distance[s]![t] === Infinity) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t) continue;
        if (distance[s]![v]! + distance[v]![t]! === distance[s]![t]) {
          values[v]! += (count[s]![v]! * count[v]![t]!) / count[s]![t]!;
        }
      }
    }
  }
  return values;
}
